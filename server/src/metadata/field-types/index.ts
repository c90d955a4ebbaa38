import type { FieldTypeName } from '../types.js';
import { address } from './address.js';
import { autonumber } from './autonumber.js';
import { bigint } from './bigint.js';
import { boolean } from './boolean.js';
import { currency } from './currency.js';
import { date } from './date.js';
import { datetime } from './datetime.js';
import { decimal } from './decimal.js';
import { email } from './email.js';
import { file } from './file.js';
import { formula } from './formula.js';
import { integer } from './integer.js';
import { lookup } from './lookup.js';
import { multiselect } from './multiselect.js';
import { participants } from './participants.js';
import { percent } from './percent.js';
import { phone } from './phone.js';
import { picklist } from './picklist.js';
import { relatedTo } from './related-to.js';
import { tags } from './tags.js';
import { text } from './text.js';
import { textarea } from './textarea.js';
import type { FieldType } from './types.js';
import { url } from './url.js';
import { user } from './user.js';

/** The registry: adding a field type means adding one file and one line here. */
export const fieldTypes: Record<FieldTypeName, FieldType> = {
  text,
  textarea,
  email,
  phone,
  url,
  picklist,
  multiselect,
  date,
  datetime,
  integer,
  bigint,
  decimal,
  currency,
  percent,
  boolean,
  lookup,
  user,
  autonumber,
  address,
  formula,
  file,
  relatedTo,
  participants,
  tags,
};

export function fieldType(name: FieldTypeName): FieldType {
  return fieldTypes[name];
}

export type { FieldType, ValueKind, ColumnSpec, ValueReference } from './types.js';
export { columnName } from './types.js';
