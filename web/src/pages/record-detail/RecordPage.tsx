import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Field } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageLoader } from '../../components/shell/PageLoader';
import { ConvertedLinks, ConvertLeadButton } from '../../features/convert-lead/ConvertLeadButton';
import { DealPanel } from '../../features/deal/DealPanel';
import { FieldValue } from '../../features/field-value/FieldValue';
import { useFields, useLayouts, useModule, useModules } from '../../hooks/api/modules';
import { useDeleteRecord, useRecord } from '../../hooks/api/records';
import { useMe } from '../../hooks/api/session';
import { fieldLabel, moduleLabel, moduleSingularLabel, sectionTitle } from '../../i18n/labels';
import { rememberRecentItem } from '../../lib/recent-items';
import { recordName } from '../../lib/record-name';
import NotFoundPage from '../not-found/NotFoundPage';
import { InlineField } from './InlineField';
import { Notes } from './Notes';
import { ACTIVITY_MODULES, RelatedList, STANDARD_LOOKUPS } from './RelatedList';
import { Timeline } from '../../features/timeline/Timeline';
import { LogCallButton } from '../../features/calls';
import { CompleteTaskButton, TaskSchedulePanel } from '../../features/tasks';
import { NewMeetingButton } from '../../features/meetings/NewMeetingButton';
import { ParticipantStatuses } from '../../features/meetings/ParticipantStatuses';

const SYSTEM_FIELDS = ['owner', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy'];
const ACTIVITY_LIKE = new Set([...ACTIVITY_MODULES, 'notes']);

/**
 * One record: a header (name, owner, key fields, Edit and Delete), its fields by the default
 * layout with inline edit, related lists, notes and the timeline of its history.
 */
export default function RecordPage() {
  const { module: moduleName, id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const modules = useModules();
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const layouts = useLayouts(module.data?.apiName);
  const record = useRecord(module.data?.apiName, id);
  const remove = useDeleteRecord(module.data?.apiName ?? '');
  const name = module.data && record.data ? (recordName(record.data, module.data.recordName) ?? t('record.noName')) : '';
  useDocumentTitle(name ? `${name} · ${t('app.name')}` : t('app.name'));

  useEffect(() => {
    if (module.data && record.data)
      rememberRecentItem(me.data?.id, {
        module: module.data.apiName,
        id: record.data.id,
        name: recordName(record.data, module.data.recordName),
      });
  }, [me.data?.id, module.data, record.data]);

  if (module.isPending) return <PageLoader />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  if (record.error instanceof ApiError && record.error.status === 404) return <NotFoundPage message={t('notFound.record')} />;
  if (record.isError || fields.isError || layouts.isError) {
    return (
      <Alert color="red" role="alert">
        {t('errors.loadFailed')}
      </Alert>
    );
  }
  if (!record.data || !fields.data || !layouts.data) return <PageLoader />;

  const m = module.data;
  const r = record.data;
  const editable = !(m.apiName === 'leads' && r.converted === true);
  const byName = new Map(fields.data.map((f) => [f.apiName, f]));
  const layout = layouts.data.find((l) => l.isDefault) ?? layouts.data[0];
  const sections = (layout?.sections ?? []).map((s) => ({
    title: sectionTitle(t, m, s.title),
    fields: s.fields.map((n) => byName.get(n)).filter((f): f is Field => Boolean(f)),
  }));
  sections.push({
    title: t('record.systemInfo'),
    fields: SYSTEM_FIELDS.map((n) => byName.get(n)).filter((f): f is Field => Boolean(f)),
  });
  const nameFields = new Set(m.recordName.fields);
  const keyFields = (sections[0]?.fields ?? [])
    .filter((f) => !nameFields.has(f.apiName) && f.type !== 'address' && f.type !== 'textarea' && r[f.apiName] !== null && r[f.apiName] !== undefined && r[f.apiName] !== '')
    .slice(0, 4);
  const owner = byName.get('owner');

  const allModules = modules.data ?? [];
  const related: { module: (typeof allModules)[number]; lookupField?: string }[] = [];
  for (const [rm, lf] of STANDARD_LOOKUPS[m.apiName] ?? []) {
    const rmod = allModules.find((x) => x.apiName === rm && !x.hidden);
    if (rmod) related.push({ module: rmod, lookupField: lf });
  }
  if (!ACTIVITY_LIKE.has(m.apiName))
    for (const am of ACTIVITY_MODULES) {
      const amod = allModules.find((x) => x.apiName === am && !x.hidden);
      if (amod) related.push({ module: amod });
    }

  const deleteRecord = async () => {
    await remove.mutateAsync(r.id);
    notifications.show({ color: 'green', message: t('recordPage.deleted', { name }) });
    navigate(`/m/${m.apiName}`);
  };

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('record.breadcrumbs')}>
        <Anchor component={Link} to={`/m/${m.apiName}`}>
          {moduleLabel(t, m)}
        </Anchor>
        <Text span aria-current="page">
          {name}
        </Text>
      </Breadcrumbs>
      <Paper withBorder p="md" component="header">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {moduleSingularLabel(t, m)}
            </Text>
            <Title order={1}>{name}</Title>
            {!editable && <Badge color="gray">{t('recordPage.converted')}</Badge>}
            {!editable && <ConvertedLinks lead={r} />}
          </Stack>
          <Group gap="xs">
            {m.apiName === 'leads' && editable && <ConvertLeadButton lead={r} name={name} />}
            {m.apiName === 'tasks' && <CompleteTaskButton task={r} name={name} />}
            {editable && !ACTIVITY_LIKE.has(m.apiName) && <LogCallButton module={m.apiName} id={r.id} />}
            {editable && !ACTIVITY_LIKE.has(m.apiName) && <NewMeetingButton about={{ module: m.apiName, id: r.id, name }} />}
            {editable && (
              <Button component={Link} to={`/m/${m.apiName}/${r.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
                {t('recordPage.edit')}
              </Button>
            )}
            <ConfirmButton
              variant="light"
              leftSection={<IconTrash size={16} aria-hidden />}
              label={t('recordPage.delete')}
              title={t('recordPage.deleteTitle', { name })}
              message={t('recordPage.deleteConfirm')}
              confirmLabel={t('recordPage.delete')}
              onConfirm={deleteRecord}
            />
          </Group>
        </Group>
        <Group gap="xl" mt="sm">
          {owner && (
            <div>
              <Text size="xs" c="dimmed">
                {fieldLabel(t, m.apiName, owner)}
              </Text>
              <FieldValue field={owner} value={r.owner} />
            </div>
          )}
          {keyFields.map((f) => (
            <div key={f.apiName}>
              <Text size="xs" c="dimmed">
                {fieldLabel(t, m.apiName, f)}
              </Text>
              <FieldValue field={f} value={r[f.apiName]} />
            </div>
          ))}
        </Group>
      </Paper>
      {m.apiName === 'deals' && <DealPanel deal={r} fields={fields.data} />}
      {m.apiName === 'tasks' && <TaskSchedulePanel task={r} />}
      {m.apiName === 'events' && <ParticipantStatuses participants={r.participants as Parameters<typeof ParticipantStatuses>[0]['participants']} />}
      {sections
        .filter((s) => s.fields.length > 0)
        .map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: layout sections keep their order; titles may repeat
          <Paper key={`${s.title}-${i}`} withBorder p="md" component="section" aria-labelledby={`section-${i}`}>
            <Title order={2} size="h4" id={`section-${i}`} mb="sm">
              {s.title}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="xs">
              {s.fields.map((f) => (
                <InlineField key={f.apiName} module={m.apiName} record={r} field={f} editable={editable} />
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      {related.map((x) => (
        <RelatedList
          key={`${x.module.apiName}-${x.lookupField ?? ''}`}
          module={m}
          record={r}
          name={name}
          related={x.module}
          lookupField={x.lookupField}
        />
      ))}
      {m.apiName !== 'notes' && <Notes module={m} record={r} name={name} />}
      <Timeline module={m} recordId={r.id} fields={fields.data} />
    </Stack>
  );
}
