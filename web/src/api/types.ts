/** Shapes of the REST API's answers (shared/API.md, docs/api.md). */

export type Profile = 'Administrator' | 'Standard';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string | null;
  profile: Profile;
  active: boolean;
  timeZone: string;
  locale: string;
  createdAt: string;
}

export interface Organization {
  name: string;
  timeZone: string;
  currency: string;
  locale: string;
}

export interface RecordNameRule {
  fields: string[];
  mode: 'join' | 'first';
}

export interface ModuleSummary {
  apiName: string;
  label: string;
  singularLabel: string;
  custom: boolean;
  hidden: boolean;
  recordName: RecordNameRule;
}

export type FieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multiselect'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'lookup'
  | 'user'
  | 'autonumber'
  | 'address'
  | 'formula'
  | 'file'
  | 'relatedTo'
  | 'participants'
  | 'tags';

export interface PicklistOption {
  value: string;
  label: string;
  retired?: boolean;
}

export interface Field {
  apiName: string;
  label: string;
  type: FieldType;
  required: boolean;
  unique: boolean;
  readOnly: boolean;
  custom: boolean;
  system: boolean;
  options?: PicklistOption[];
  lookupModule?: string;
  maxLength?: number;
  decimals?: number;
  defaultValue?: unknown;
  tooltip?: string;
}

export interface LayoutSection {
  title: string;
  fields: string[];
}

export interface Layout {
  id: string;
  name: string;
  isDefault: boolean;
  sections: LayoutSection[];
}

export interface RecordRef {
  id: string;
  name: string | null;
}

export interface RelatedToValue extends RecordRef {
  module: string;
}

export interface AddressValue {
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/** A record: id, version and its fields by API name. */
export interface CrmRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}

export interface PageInfo {
  perPage: number;
  page?: number;
  moreRecords: boolean;
  nextCursor?: string;
}

export interface RecordList {
  data: CrmRecord[];
  info: PageInfo;
}

export interface WriteResult {
  status: 'success' | 'error';
  id?: string;
  record?: CrmRecord;
  code?: string;
  message?: string;
  details?: { field?: string; [key: string]: unknown };
}

export interface SearchHit {
  module: string;
  id: string;
  name: string | null;
  snippet?: string;
}

export interface SavedView {
  id: string;
  module: string;
  name: string;
  shared: boolean;
  owner: { id: string };
  filter: unknown;
  sort: string | null;
  fields: string[] | null;
  perPage: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface HistoryEntry {
  at: string;
  user: { id: string; name: string | null } | null;
  action: 'created' | 'updated' | 'deleted' | 'restored' | 'converted';
  changes: { field: string; old: unknown; new: unknown }[];
}
