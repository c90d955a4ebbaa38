import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';

/** The background job queue (administrators): what waits, what failed, retry. */
export const jobsQueryKeys = queryKeysFactory('jobs');

export type JobStatus = 'pending' | 'failed' | 'done' | 'cancelled';
export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  payload: Record<string, unknown>;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  doneAt: string | null;
}

export function useJobs(status: JobStatus) {
  return useQuery({
    queryKey: jobsQueryKeys.list({ status }),
    queryFn: ({ signal }) => api.get<{ data: Job[] }>('/jobs', { status }, signal).then((r) => r.data),
    refetchInterval: 5000,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ data: Job }>(`/jobs/${id}/retry`).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobsQueryKeys.all }),
  });
}
