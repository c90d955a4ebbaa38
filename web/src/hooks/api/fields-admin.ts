import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Field, FieldType, ModuleSummary, PicklistOption } from '../../api/types';
import { modulesQueryKeys } from './modules';

/** Administrators' metadata writes: custom modules and fields. Every write refreshes all metadata. */
function useInvalidateMetadata() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: modulesQueryKeys.all });
}

export function useCreateModule() {
  const invalidate = useInvalidateMetadata();
  return useMutation({
    mutationFn: (body: { label: string; singularLabel: string; apiName?: string }) =>
      api.post<{ data: ModuleSummary }>('/modules', body).then((r) => r.data ?? (r as unknown as ModuleSummary)),
    onSuccess: () => invalidate(),
  });
}

export interface FieldInputBody {
  label?: string;
  type?: FieldType;
  required?: boolean;
  unique?: boolean;
  options?: (string | PicklistOption)[];
  renameOptions?: Record<string, string>;
  lookupModule?: string;
  defaultValue?: unknown;
}

export function useCreateField(module: string) {
  const invalidate = useInvalidateMetadata();
  return useMutation({
    mutationFn: (body: FieldInputBody) => api.post<{ data: Field }>(`/modules/${module}/fields`, body).then((r) => r.data),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateField(module: string) {
  const invalidate = useInvalidateMetadata();
  return useMutation({
    mutationFn: ({ apiName, patch }: { apiName: string; patch: FieldInputBody }) =>
      api.patch<{ data: Field }>(`/modules/${module}/fields/${apiName}`, patch).then((r) => r.data),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteField(module: string) {
  const invalidate = useInvalidateMetadata();
  return useMutation({
    mutationFn: (apiName: string) => api.delete<null>(`/modules/${module}/fields/${apiName}`),
    onSuccess: () => invalidate(),
  });
}
