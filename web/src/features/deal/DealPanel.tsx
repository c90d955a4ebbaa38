import type { CrmRecord, Field } from '../../api/types';
import { ContactRoles } from './ContactRoles';
import { StageHistory } from './StageHistory';
import { StagePath } from './StagePath';

/** What the deal page adds to a record page: stage path with closing buttons, stage history, contact roles. */
export function DealPanel({ deal, fields }: { deal: CrmRecord; fields: Field[] }) {
  return (
    <>
      <StagePath deal={deal} lossReason={fields.find((f) => f.apiName === 'lossReason')} />
      <StageHistory dealId={deal.id} />
      <ContactRoles dealId={deal.id} />
    </>
  );
}
