import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useIsAdmin } from '../SettingsLayout';
import AutomaticTasksEditorPage from './AutomaticTasksEditor';
import SimpleRuleEditorPage from './SimpleRuleEditors';
import WorkflowRuleEditorPage from './WorkflowRuleEditor';

/** /settings/automation/:tab/:id ('new' for a new rule): the editor of that kind of rule. */
export default function RuleEditorPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const { tab, id } = useParams();
  const ruleId = id === 'new' ? undefined : id;
  if (!admin) return <Alert color="yellow">{t('automationSettings.adminsOnly')}</Alert>;
  switch (tab) {
    case 'workflow':
      return <WorkflowRuleEditorPage id={ruleId} />;
    case 'automatic-tasks':
      return <AutomaticTasksEditorPage id={ruleId} />;
    case 'assignment':
    case 'scoring':
    case 'validation':
      return <SimpleRuleEditorPage kind={tab} id={ruleId} />;
    default:
      return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  }
}
