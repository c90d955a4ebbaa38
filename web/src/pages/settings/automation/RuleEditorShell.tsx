import { Button, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { serverErrorMessage } from '../../../features/record-form/server-error';
import { type RuleInput, type RuleKind, type RuleOf, useSaveRule } from '../../../hooks/api/automation';
import { ModuleSelect } from './parts';

/** The shell's props; an editor passes its state and what to save. */
export interface RuleEditorShellProps<K extends RuleKind> {
  kind: K;
  /** The automation page's tab listing these rules. */
  tab: string;
  rule?: RuleOf[K];
  /** Defaults to "Edit …" for a rule, the tab's "New …" otherwise. */
  title?: string;
  name: string;
  setName: (name: string) => void;
  module: string;
  setModule: (module: string) => void;
  /** The modules this kind of rule may apply to (all when absent). */
  modules?: string[];
  active?: boolean;
  setActive?: (active: boolean) => void;
  body: () => Partial<RuleInput<K>>;
  onSaved?: (saved: RuleOf[K]) => void;
  children: ReactNode;
  /** Panels below the buttons (test, run log). */
  footer?: ReactNode;
}

/**
 * What every rule editor shares: its title, name and module (the module is fixed once a rule
 * exists), the active switch (for kinds that have one), the kind's own inputs, then save and back.
 * Saving reports success or the server's refusal as a notification; by default it returns to the
 * rules list on `tab`, which is also where "back" goes.
 */
export function RuleEditorShell<K extends RuleKind>({
  kind,
  tab,
  rule,
  title,
  name,
  setName,
  module,
  setModule,
  modules,
  active,
  setActive,
  body,
  onSaved,
  children,
  footer,
}: RuleEditorShellProps<K>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRule(kind);
  const back = () => navigate(`/settings/automation?tab=${tab}`);
  const onSave = async () => {
    try {
      const saved = await save.mutateAsync({ id: rule?.id, body: body() });
      notifications.show({ color: 'green', message: t('automationSettings.saved', { name: saved.name }) });
      if (onSaved) onSaved(saved);
      else back();
    } catch (err) {
      notifications.show({ color: 'red', message: serverErrorMessage(t, err) });
    }
  };
  return (
    <Stack gap="md">
      <Title order={2}>
        {title ?? (rule ? t('automationSettings.editRule', { name: rule.name }) : t(`automationSettings.new.${tab}`))}
      </Title>
      <Group grow align="flex-end">
        <TextInput label={t('automationSettings.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <ModuleSelect value={module} only={modules} onChange={setModule} disabled={Boolean(rule)} />
      </Group>
      {active !== undefined && setActive && (
        <Switch label={t('automationSettings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      )}
      {children}
      <Group>
        <Button onClick={() => void onSave()} loading={save.isPending}>
          {t('automationSettings.save')}
        </Button>
        <Button variant="default" onClick={back}>
          {t('automationSettings.back')}
        </Button>
      </Group>
      {footer}
    </Stack>
  );
}
