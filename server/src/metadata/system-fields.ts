import type { FieldDef } from './types.js';

/** The fields every module has, maintained by the record service (API.md "Conventions"). */
export function systemFields(module: string): FieldDef[] {
  const base = { module, required: false, unique: false, custom: false, system: true };
  return [
    { ...base, apiName: 'owner', label: 'Owner', type: 'user', readOnly: false, sortOrder: 10000 },
    { ...base, apiName: 'createdAt', label: 'Created Time', type: 'datetime', readOnly: true, sortOrder: 10001 },
    { ...base, apiName: 'createdBy', label: 'Created By', type: 'user', readOnly: true, sortOrder: 10002 },
    { ...base, apiName: 'modifiedAt', label: 'Modified Time', type: 'datetime', readOnly: true, sortOrder: 10003 },
    { ...base, apiName: 'modifiedBy', label: 'Modified By', type: 'user', readOnly: true, sortOrder: 10004 },
  ];
}
