import { updateRecord } from '../../../records/index.js';
import type { ActionInput } from './types.js';

export async function fieldUpdate({ ctx, action, module, record }: ActionInput): Promise<void> {
  await updateRecord(ctx, module, record.id as string, { [action.field as string]: action.value });
}

export async function assignOwner({ ctx, action, module, record }: ActionInput): Promise<void> {
  await updateRecord(ctx, module, record.id as string, { owner: { id: action.userId as string } });
}
