import { MultiSelect, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyGroup, type FilterGroup, newId } from '../../../features/filter-builder/filter-model';
import { UserInput } from '../../../features/record-form/UserInput';
import type { RuleInput, RuleKind, RuleOf } from '../../../hooks/api/automation';
import { useFields } from '../../../hooks/api/modules';
import { useUsers } from '../../../hooks/api/users';
import { fieldLabel } from '../../../i18n/labels';
import { CriteriaEntries } from './CriteriaEntries';
import { LoadedRule } from './LoadedRule';
import { CriteriaEditor, criteriaToModel, modelToCriteria } from './parts';
import { RuleEditorShell, type RuleEditorShellProps } from './RuleEditorShell';

type SimpleKind = Exclude<RuleKind, 'workflow'>;

/** Loads a rule (when editing) and renders its kind's editor. */
export default function SimpleRuleEditorPage({ kind, id }: { kind: SimpleKind; id?: string }) {
  return (
    <LoadedRule kind={kind} id={id}>
      {(rule) =>
        kind === 'validation' ? (
          <ValidationEditor rule={rule as RuleOf['validation'] | undefined} />
        ) : kind === 'scoring' ? (
          <ScoringEditor rule={rule as RuleOf['scoring'] | undefined} />
        ) : (
          <AssignmentEditor rule={rule as RuleOf['assignment'] | undefined} />
        )
      }
    </LoadedRule>
  );
}

/** The shell for a simple rule: its name, and its module when new, go in the saved body. */
function SimpleFrame<K extends SimpleKind>({ body, ...shell }: Omit<RuleEditorShellProps<K>, 'tab'>) {
  const { name, module, rule } = shell;
  return (
    <RuleEditorShell {...shell} tab={shell.kind} body={() => ({ name, ...(rule ? {} : { module }), ...body() }) as Partial<RuleInput<K>>} />
  );
}

/** A simple rule's name and module; a new rule starts on `defaultModule`. */
function useNameAndModule(rule: { name: string; module: string } | undefined, defaultModule: string) {
  const [name, setName] = useState(rule?.name ?? '');
  const [module, setModule] = useState(rule?.module ?? defaultModule);
  return { name, setName, module, setModule };
}

function ValidationEditor({ rule }: { rule?: RuleOf['validation'] }) {
  const { t } = useTranslation();
  const basics = useNameAndModule(rule, 'deals');
  const { module } = basics;
  const [active, setActive] = useState(rule?.active ?? true);
  const [filter, setFilter] = useState<FilterGroup>(() => criteriaToModel(rule?.criteria ?? null));
  const [message, setMessage] = useState(rule?.message ?? '');
  const [field, setField] = useState<string | null>(rule?.field ?? null);
  const fields = useFields(module);
  return (
    <SimpleFrame
      kind="validation"
      rule={rule}
      {...basics}
      setModule={(m) => (basics.setModule(m), setFilter(emptyGroup()), setField(null))}
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
    </SimpleFrame>
  );
}

function ScoringEditor({ rule }: { rule?: RuleOf['scoring'] }) {
  const { t } = useTranslation();
  const basics = useNameAndModule(rule, 'leads');
  const { module } = basics;
  const [active, setActive] = useState(rule?.active ?? true);
  const [entries, setEntries] = useState(() =>
    (rule?.entries ?? [{ criteria: null, points: 10 }]).map((e) => ({
      id: newId(),
      filter: criteriaToModel(e.criteria),
      points: e.points,
    })),
  );
  return (
    <SimpleFrame
      kind="scoring"
      rule={rule}
      {...basics}
      setModule={(m) => (basics.setModule(m), setEntries([{ id: newId(), filter: emptyGroup(), points: 10 }]))}
      body={() => ({ active, entries: entries.map((e) => ({ criteria: modelToCriteria(e.filter), points: e.points })) })}
    >
      <Switch label={t('automationSettings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      <CriteriaEntries
        module={module}
        entries={entries}
        onChange={setEntries}
        blank={() => ({ id: newId(), filter: emptyGroup(), points: 5 })}
      >
        {(e, set) => (
          <NumberInput
            label={t('automationSettings.scoring.points')}
            allowDecimal={false}
            value={e.points}
            onChange={(v) => set({ points: typeof v === 'number' ? v : 0 })}
          />
        )}
      </CriteriaEntries>
    </SimpleFrame>
  );
}

function AssignmentEditor({ rule }: { rule?: RuleOf['assignment'] }) {
  const { t } = useTranslation();
  const users = useUsers();
  const basics = useNameAndModule(rule, 'leads');
  const { module } = basics;
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
    <SimpleFrame
      kind="assignment"
      rule={rule}
      {...basics}
      setModule={(m) => (basics.setModule(m), setEntries([{ id: newId(), filter: emptyGroup(), users: [] }]))}
      body={() => ({
        entries: entries.map((e) => ({
          criteria: modelToCriteria(e.filter),
          assignTo: e.users.length === 1 ? { userId: e.users[0] } : { roundRobin: e.users },
        })),
        ...(fallback ? { fallbackUserId: fallback } : {}),
      })}
    >
      <CriteriaEntries
        module={module}
        entries={entries}
        onChange={setEntries}
        blank={() => ({ id: newId(), filter: emptyGroup(), users: [] })}
      >
        {(e, set) => (
          <MultiSelect
            label={t('automationSettings.assignment.users')}
            description={t('automationSettings.assignment.usersHint')}
            data={userData}
            searchable
            value={e.users}
            onChange={(u) => set({ users: u })}
          />
        )}
      </CriteriaEntries>
      <UserInput label={t('automationSettings.assignment.fallback')} value={fallback} onChange={setFallback} />
    </SimpleFrame>
  );
}
