import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { FilterBuilder } from '../../../features/filter-builder/FilterBuilder';
import { type FilterGroup, fromApiFilter, toApiFilter } from '../../../features/filter-builder/filter-model';
import { kindLabel } from '../../../features/notifications/kind-label';
import { useFields, useModules } from '../../../hooks/api/modules';
import {
  CHANNELS,
  type Channel,
  NOTIFICATION_KINDS,
  SUBSCRIBABLE_MODULES,
  TRIGGERS,
  type Trigger,
  useCreateSubscription,
  useDeleteSubscription,
  useNotificationSettings,
  useSubscriptions,
  useUpdateNotificationSettings,
  useUpdateSubscription,
} from '../../../hooks/api/notifications';
import { fieldLabel, moduleLabel } from '../../../i18n/labels';

/** Settings › Notifications: how each kind reaches me, and my custom notifications. */
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notificationSettings.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('notificationSettings.title')}</Title>
      <ChannelSettings />
      <CustomNotifications />
    </Stack>
  );
}

function ChannelSettings() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const change = async (kind: string, channel: Channel) => {
    try {
      await update.mutateAsync({ [kind]: channel });
      notifications.show({ color: 'green', message: t('notificationSettings.saved') });
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof ApiError ? err.message : t('notificationSettings.notSaved') });
    }
  };
  const options = CHANNELS.map((c) => ({ value: c, label: t(`notificationSettings.channels.${c}`) }));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('notificationSettings.deliveryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notificationSettings.deliveryHelp')}
        </Text>
        {settings.isLoading && <Text size="sm">{t('common.loading')}</Text>}
        {settings.data &&
          NOTIFICATION_KINDS.map((kind) => (
            <Select
              key={kind}
              label={kindLabel(t, kind)}
              data={options}
              value={settings.data[kind]}
              allowDeselect={false}
              onChange={(v) => v && void change(kind, v as Channel)}
              maw={360}
            />
          ))}
      </Stack>
    </Paper>
  );
}

function CustomNotifications() {
  const { t } = useTranslation();
  const subs = useSubscriptions();
  const update = useUpdateSubscription();
  const remove = useDeleteSubscription();
  const modules = useModules();
  const labelOf = (apiName: string) => {
    const m = modules.data?.find((x) => x.apiName === apiName);
    return m ? moduleLabel(t, m) : apiName;
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('notificationSettings.customTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notificationSettings.customHelp')}
        </Text>
        {subs.data && subs.data.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notificationSettings.name')}</Table.Th>
                <Table.Th>{t('notificationSettings.module')}</Table.Th>
                <Table.Th>{t('notificationSettings.trigger')}</Table.Th>
                <Table.Th>{t('notificationSettings.active')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('notificationSettings.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subs.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{labelOf(s.module)}</Table.Td>
                  <Table.Td>{t(`notificationSettings.triggers.${s.trigger}`)}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('notificationSettings.activeOf', { name: s.name })}
                      checked={s.active}
                      onChange={(e) => update.mutate({ id: s.id, patch: { active: e.currentTarget.checked } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={t('notificationSettings.deleteOf', { name: s.name })}
                      onClick={() => remove.mutate(s.id)}
                    >
                      {t('notificationSettings.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {subs.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notificationSettings.noCustom')}
          </Text>
        )}
        <NewSubscriptionForm labelOf={labelOf} />
      </Stack>
    </Paper>
  );
}

const EMPTY_GROUP = (): FilterGroup => fromApiFilter(undefined);

function NewSubscriptionForm({ labelOf }: { labelOf: (m: string) => string }) {
  const { t } = useTranslation();
  const create = useCreateSubscription();
  const [name, setName] = useState('');
  const [module, setModule] = useState<string>('deals');
  const [trigger, setTrigger] = useState<Trigger>('created');
  const [fields, setFields] = useState<string[]>([]);
  const [filter, setFilter] = useState<FilterGroup>(EMPTY_GROUP);
  const [error, setError] = useState<string | null>(null);
  const moduleFields = useFields(module);
  const triggers = TRIGGERS.filter((tr) => tr !== 'stageChanged' || module !== 'contacts');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await create.mutateAsync({
        name: name.trim(),
        module,
        trigger,
        fields: trigger === 'fieldChanged' ? fields : [],
        criteria: toApiFilter(filter) ?? null,
      });
      notifications.show({ color: 'green', message: t('notificationSettings.created', { name: name.trim() }) });
      setName('');
      setFields([]);
      setFilter(EMPTY_GROUP());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('notificationSettings.notSaved'));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('notificationSettings.newTitle')}>
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('notificationSettings.newTitle')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('notificationSettings.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          maxLength={100}
        />
        <Group grow align="flex-start">
          <Select
            label={t('notificationSettings.module')}
            data={SUBSCRIBABLE_MODULES.map((m) => ({ value: m, label: labelOf(m) }))}
            value={module}
            allowDeselect={false}
            onChange={(v) => {
              if (!v) return;
              setModule(v);
              setFields([]);
              setFilter(EMPTY_GROUP());
              if (v === 'contacts' && trigger === 'stageChanged') setTrigger('created');
            }}
          />
          <Select
            label={t('notificationSettings.trigger')}
            data={triggers.map((tr) => ({ value: tr, label: t(`notificationSettings.triggers.${tr}`) }))}
            value={trigger}
            allowDeselect={false}
            onChange={(v) => v && setTrigger(v as Trigger)}
          />
        </Group>
        {trigger === 'fieldChanged' && (
          <MultiSelect
            label={t('notificationSettings.fields')}
            data={(moduleFields.data ?? []).map((f) => ({ value: f.apiName, label: fieldLabel(t, module, f) }))}
            value={fields}
            onChange={setFields}
            searchable
            required
          />
        )}
        <Text size="sm" fw={500}>
          {t('notificationSettings.filter')}
        </Text>
        {moduleFields.data && <FilterBuilder module={module} fields={moduleFields.data} value={filter} onChange={setFilter} />}
        <Group>
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
            {t('notificationSettings.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
