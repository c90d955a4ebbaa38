import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, apiRequest } from '../../../api/client';
import { useFields, useModules } from '../../../hooks/api/modules';
import { fieldLabel, moduleLabel } from '../../../i18n/labels';
import { useIsAdmin } from '../SettingsLayout';

const MODULES = ['contacts', 'accounts', 'deals'] as const;
type Target = (typeof MODULES)[number];
interface Mapping {
  leadField: string;
  module: Target;
  field: string;
}
interface MappingSettings {
  mappings: Mapping[];
  options: { leadField: string; label: string; type: string; targets: Record<Target, string[]> }[];
}
const KEY = ['settings', 'lead-conversion'] as const;

/** Settings › Lead conversion: each custom lead field to a compatible contact, account and deal field. */
export default function LeadConversionPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const qc = useQueryClient();
  const modules = useModules();
  const fieldsOf = { contacts: useFields('contacts'), accounts: useFields('accounts'), deals: useFields('deals') };
  const leadFields = useFields('leads');
  const settings = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ data: MappingSettings }>('/settings/lead-conversion', undefined, signal).then((r) => r.data),
  });
  const save = useMutation({
    mutationFn: (mappings: Mapping[]) =>
      apiRequest<{ data: MappingSettings }>('/settings/lead-conversion', { method: 'PUT', body: { mappings } }),
    onSuccess: (r) => qc.setQueryData(KEY, r.data),
  });
  const [draft, setDraft] = useState<Mapping[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data.mappings);
  }, [settings.data]);

  if (!admin) return <Alert color="yellow">{t('errors.forbidden')}</Alert>;
  const value = (leadField: string, m: Target) => draft.find((x) => x.leadField === leadField && x.module === m)?.field ?? null;
  const set = (leadField: string, m: Target, field: string | null) =>
    setDraft((d) => [
      ...d.filter((x) => !(x.leadField === leadField && x.module === m)),
      ...(field ? [{ leadField, module: m, field }] : []),
    ]);
  const label = (m: Target, apiName: string) => {
    const f = fieldsOf[m].data?.find((x) => x.apiName === apiName);
    return f ? fieldLabel(t, m, f) : apiName;
  };
  const modLabel = (m: Target) => {
    const mod = modules.data?.find((x) => x.apiName === m);
    return mod ? moduleLabel(t, mod) : m;
  };
  const leadLabel = (apiName: string, fallback: string) => {
    const f = leadFields.data?.find((x) => x.apiName === apiName);
    return f ? fieldLabel(t, 'leads', f) : fallback;
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('leadConversionSettings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('leadConversionSettings.help')}
      </Text>
      {settings.isError && <Alert color="red">{t('errors.loadFailed')}</Alert>}
      {settings.data && settings.data.options.length === 0 && <Text>{t('leadConversionSettings.none')}</Text>}
      {settings.data && settings.data.options.length > 0 && (
        <Paper withBorder p="md">
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('leadConversionSettings.leadField')}</Table.Th>
                  {MODULES.map((m) => (
                    <Table.Th key={m}>{modLabel(m)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {settings.data.options.map((o) => (
                  <Table.Tr key={o.leadField}>
                    <Table.Td>{leadLabel(o.leadField, o.label)}</Table.Td>
                    {MODULES.map((m) => (
                      <Table.Td key={m}>
                        <Select
                          aria-label={t('leadConversionSettings.target', { module: modLabel(m), field: leadLabel(o.leadField, o.label) })}
                          placeholder={t('leadConversionSettings.notMapped')}
                          data={o.targets[m].map((f) => ({ value: f, label: label(m, f) }))}
                          value={value(o.leadField, m)}
                          onChange={(v) => set(o.leadField, m, v)}
                          clearable
                          size="xs"
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="sm">
            <Button
              loading={save.isPending}
              onClick={async () => {
                setError(null);
                try {
                  await save.mutateAsync(draft);
                  notifications.show({ color: 'green', message: t('leadConversionSettings.saved') });
                } catch (err) {
                  setError(err instanceof ApiError ? err.message : t('errors.unexpected'));
                }
              }}
            >
              {t('leadConversionSettings.save')}
            </Button>
          </Group>
          {error && (
            <Text c="red" size="sm" role="alert" mt="xs">
              {error}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
