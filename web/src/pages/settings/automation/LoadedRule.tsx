import { Fragment, type ReactNode } from 'react';
import { type RuleKind, type RuleOf, useRule } from '../../../hooks/api/automation';
import { LoadFailed, Loading } from '../QueryStatus';

/**
 * Loads the rule an editor opens (none for a new rule) and renders the editor with it. The editor
 * is keyed by the id so that going from one rule to another starts from fresh state. `accept`
 * refuses a rule this editor cannot show (e.g. a workflow rule made in another editor).
 */
export function LoadedRule<K extends RuleKind>({
  kind,
  id,
  accept,
  children,
}: {
  kind: K;
  id?: string;
  accept?: (rule: RuleOf[K]) => boolean;
  children: (rule: RuleOf[K] | undefined) => ReactNode;
}) {
  const rule = useRule(kind, id);
  if (id && rule.isPending) return <Loading />;
  if (id && (rule.isError || (accept && !(rule.data && accept(rule.data))))) return <LoadFailed />;
  return <Fragment key={id ?? 'new'}>{children(rule.data)}</Fragment>;
}
