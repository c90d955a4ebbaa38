import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { emptyGroup, type FilterGroup, newId } from '../../../features/filter-builder/filter-model';
import { serverErrorMessage } from '../../../features/record-form/server-error';
import { UserInput } from '../../../features/record-form/UserInput';
import { type RuleInput, type RuleKind, type RuleOf, useRule, useSaveRule } from '../../../hooks/api/automation';
import { useFields } from '../../../hooks/api/modules';
import { useUsers } from '../../../hooks/api/users';
import { fieldLabel } from '../../../i18n/labels';
import { CriteriaEditor, criteriaToModel, ModuleSelect, modelToCriteria } from './parts';

type SimpleKind = Exclude<RuleKind, 'workflow'>;

/** Loads a rule (when editing) and renders its kind's editor. */
export default function SimpleRuleEditorPage({ kind, id }: { kind: SimpleKind; id?: string }) {
  const { t } = useTranslation();
  const rule = useRule(kind, id);
  if (id && rule.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (id && rule.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  if (kind === 'validation') return <ValidationEditor key={id ?? 'new'} rule={rule.data as RuleOf['validation'] | undefined} />;
  if (kind === 'scoring') return <ScoringEditor key={id ?? 'new'} rule={rule.data as RuleOf['scoring'] | undefined} />;
  return <AssignmentEditor key={id ?? 'new'} rule={rule.data as RuleOf['assignment'] | undefined} />;
}

/** Name, module and save/back around a kind's own inputs. */
function EditorFrame<K extends SimpleKind>({
  kind,
  rule,
  name,
  setName,
  module,
  setModule,
  body,
  children,
}: {
  kind: K;
  rule?: RuleOf[K];
  name: string;
  setName: (v: string) => void;
  module: string;
  setModule: (m: string) => void;
  body: () => Partial<RuleInput<K>>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRule(kind);
  const onSave = async () => {
    try {
      const saved = await save.mutateAsync({
        id: rule?.id,
        body: { name, ...(rule ? {} : { module }), ...body() } as Partial<RuleInput<K>>,
      });
      notifications.show({ color: 'green', message: t('automationSettings.saved', { name: saved.name }) });
      navigate(`/settings/automation?tab=${kind}`);
    } catch (err) {
      notifications.show({ color: 'red', message: serverErrorMessage(t, err) });
    }
  };
  return (
    <Stack gap="md">
      <Title order={2}>{rule ? t('automationSettings.editRule', { name: rule.name }) : t(`automationSettings.new.${kind}`)}</Title>
      <Group grow align="flex-end">
        <TextInput label={t('automationSettings.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <ModuleSelect value={module} onChange={setModule} disabled={Boolean(rule)} />
      </Group>
      {children}
      <Group>
        <Button onClick={() => void onSave()} loading={save.isPending}>
          {t('automationSettings.save')}
        </Button>
        <Button variant="default" onClick={() => navigate(`/settings/automation?tab=${kind}`)}>
          {t('automationSettings.back')}
        </Button>
      </Group>
    </Stack>
  );
}

function ValidationEditor({ rule }: { rule?: RuleOf['validation'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(rule?.name ?? '');
  const [module, setModule] = useState(rule?.module ?? 'deals');
  const [active, setActive] = useState(rule?.active ?? true);
  const [filter, setFilter] = useState<FilterGroup>(() => criteriaToModel(rule?.criteria ?? null));
  const [message, setMessage] = useState(rule?.message ?? '');
  const [field, setField] = useState<string | null>(rule?.field ?? null);
  const fields = useFields(module);
  return (
    <EditorFrame
      kind="validation"
      rule={rule}
      name={name}
      setName={setName}
      module={module}
      setModule={(m) => (setModule(m), setFilter(emptyGroup()), setField(null))}
      body={() => ({ active, criteria: modelToCriteria(filter), message, field: field ?? undefined })}
    >
      <Switch label={t('automationSettings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      <CriteriaEditor module={module} legend={t('automationSettings.validation.refuseWhen')} value={filter} onChange={setFilter} />
      <TextInput
        label={t('automationSettings.validation.message')}
        required
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
      <Select
        label={t('automationSettings.validation.field')}
        clearable
        data={(fields.data ?? []).map((f) => ({ value: f.apiName, label: fieldLabel(t, module, f) }))}
        value={field}
        onChange={setField}
      />
    </EditorFrame>
  );
}

function ScoringEditor({ rule }: { rule?: RuleOf['scoring'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(rule?.name ?? '');
  const [module, setModule] = useState(rule?.module ?? 'leads');
  const [active, setActive] = useState(rule?.active ?? true);
  const [entries, setEntries] = useState(() =>
    (rule?.entries ?? [{ criteria: null, points: 10 }]).map((e) => ({
      id: newId(),
      filter: criteriaToModel(e.criteria),
      points: e.points,
    })),
  );
  return (
    <EditorFrame
      kind="scoring"
      rule={rule}
      name={name}
      setName={setName}
      module={module}
      setModule={(m) => (setModule(m), setEntries([{ id: newId(), filter: emptyGroup(), points: 10 }]))}
      body={() => ({ active, entries: entries.map((e) => ({ criteria: modelToCriteria(e.filter), points: e.points })) })}
    >
      <Switch label={t('automationSettings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      {entries.map((e, i) => (
        <Fieldset key={e.id} legend={t('automationSettings.entryN', { n: i + 1 })}>
          <Stack gap="xs">
            <CriteriaEditor
              module={module}
              legend={t('automationSettings.criteria')}
              value={e.filter}
              onChange={(filter) => setEntries(entries.map((x) => (x.id === e.id ? { ...x, filter } : x)))}
            />
            <Group align="flex-end">
              <NumberInput
                label={t('automationSettings.scoring.points')}
                allowDecimal={false}
                value={e.points}
                onChange={(v) => setEntries(entries.map((x) => (x.id === e.id ? { ...x, points: typeof v === 'number' ? v : 0 } : x)))}
              />
              <RemoveEntry n={i + 1} onRemove={() => setEntries(entries.filter((x) => x.id !== e.id))} disabled={entries.length === 1} />
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <AddEntry onAdd={() => setEntries([...entries, { id: newId(), filter: emptyGroup(), points: 5 }])} />
    </EditorFrame>
  );
}

function AssignmentEditor({ rule }: { rule?: RuleOf['assignment'] }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [name, setName] = useState(rule?.name ?? '');
  const [module, setModule] = useState(rule?.module ?? 'leads');
  const [fallback, setFallback] = useState<string | null>(rule?.fallbackUserId ?? null);
  const [entries, setEntries] = useState(() =>
    (rule?.entries ?? [{ criteria: null, assignTo: { roundRobin: [] as string[] } }]).map((e) => ({
      id: newId(),
      filter: criteriaToModel(e.criteria),
      users: 'userId' in e.assignTo ? [e.assignTo.userId] : e.assignTo.roundRobin,
    })),
  );
  const userData = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <EditorFrame
      kind="assignment"
      rule={rule}
      name={name}
      setName={setName}
      module={module}
      setModule={(m) => (setModule(m), setEntries([{ id: newId(), filter: emptyGroup(), users: [] }]))}
      body={() => ({
        entries: entries.map((e) => ({
          criteria: modelToCriteria(e.filter),
          assignTo: e.users.length === 1 ? { userId: e.users[0] } : { roundRobin: e.users },
        })),
        ...(fallback ? { fallbackUserId: fallback } : {}),
      })}
    >
      {entries.map((e, i) => (
        <Fieldset key={e.id} legend={t('automationSettings.entryN', { n: i + 1 })}>
          <Stack gap="xs">
            <CriteriaEditor
              module={module}
              legend={t('automationSettings.criteria')}
              value={e.filter}
              onChange={(filter) => setEntries(entries.map((x) => (x.id === e.id ? { ...x, filter } : x)))}
            />
            <Group align="flex-end">
              <MultiSelect
                label={t('automationSettings.assignment.users')}
                description={t('automationSettings.assignment.usersHint')}
                data={userData}
                searchable
                value={e.users}
                onChange={(u) => setEntries(entries.map((x) => (x.id === e.id ? { ...x, users: u } : x)))}
              />
              <RemoveEntry n={i + 1} onRemove={() => setEntries(entries.filter((x) => x.id !== e.id))} disabled={entries.length === 1} />
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <AddEntry onAdd={() => setEntries([...entries, { id: newId(), filter: emptyGroup(), users: [] }])} />
      <UserInput label={t('automationSettings.assignment.fallback')} value={fallback} onChange={setFallback} />
    </EditorFrame>
  );
}

function AddEntry({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
        {t('automationSettings.addEntry')}
      </Button>
    </Group>
  );
}

function RemoveEntry({ n, onRemove, disabled }: { n: number; onRemove: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      disabled={disabled}
      aria-label={t('automationSettings.removeEntry', { n })}
      onClick={onRemove}
    >
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}
