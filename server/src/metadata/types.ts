/** Metadata as the rest of the server sees it: immutable snapshots loaded from the database. */

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multiselect',
  'date',
  'datetime',
  'integer',
  'bigint',
  'decimal',
  'currency',
  'percent',
  'boolean',
  'lookup',
  'user',
  'autonumber',
  'address',
  'formula',
  'file',
  'relatedTo',
  'participants',
  'tags',
] as const;
export type FieldTypeName = (typeof FIELD_TYPES)[number];

export interface PicklistOption {
  value: string;
  label: string;
  /** Retired options stay on old records but cannot be chosen for new values. */
  retired?: boolean;
}

export interface FieldDef {
  module: string;
  apiName: string;
  label: string;
  type: FieldTypeName;
  required: boolean;
  unique: boolean;
  readOnly: boolean;
  custom: boolean;
  /** System fields (id, owner, createdAt, ...) are maintained by the record service. */
  system: boolean;
  options?: PicklistOption[];
  lookupModule?: string;
  maxLength?: number;
  decimals?: number;
  defaultValue?: unknown;
  tooltip?: string;
  sortOrder: number;
}

export interface RecordNameRule {
  /** Fields whose values make the record's name. */
  fields: string[];
  /** `join`: the non-empty values joined by a space; `first`: the first non-empty one. */
  mode: 'join' | 'first';
}

export interface LayoutSection {
  title: string;
  fields: string[];
}

export interface LayoutDef {
  id: string;
  module: string;
  name: string;
  isDefault: boolean;
  sections: LayoutSection[];
}

export interface ModuleDef {
  apiName: string;
  label: string;
  singularLabel: string;
  custom: boolean;
  hidden: boolean;
  tableName: string;
  recordName: RecordNameRule;
  sortOrder: number;
  fields: FieldDef[];
  fieldsByName: ReadonlyMap<string, FieldDef>;
  layouts: LayoutDef[];
}

export interface PipelineStage {
  id: string;
  pipelineId: string;
  name: string;
  probability: number;
  kind: 'open' | 'won' | 'lost' | 'unqualified';
  order: number;
  /** The Won, Lost and Unqualified stages every pipeline has: renameable, never deleted. */
  fixed: boolean;
}

export interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  stages: PipelineStage[];
}

export interface OrganizationSettings {
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
}

export interface MetadataSnapshot {
  version: number;
  /** Organisation settings travel with metadata: a change bumps the same version. */
  org: OrganizationSettings;
  modules: ModuleDef[];
  modulesByName: ReadonlyMap<string, ModuleDef>;
  pipelines: Pipeline[];
  /** Automation rules (workflow, validation, assignment, scoring): metadata like fields. */
  rules: AutomationRuleDef[];
}

export type AutomationRuleKind = 'workflow' | 'validation' | 'assignment' | 'scoring';

/** A stored automation rule; `definition` is its kind's body, checked when it was saved. */
export interface AutomationRuleDef {
  id: string;
  kind: AutomationRuleKind;
  module: string;
  name: string;
  active: boolean;
  definition: Record<string, unknown>;
  createdBy: string | null;
  createdAt: number;
  modifiedAt: number;
}

export const API_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;

/** Columns every record table has; custom fields may not take these names. */
export const SYSTEM_FIELD_NAMES = [
  'id',
  'owner',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
  'version',
  'tags',
] as const;
