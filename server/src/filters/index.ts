/**
 * One filter language, two evaluators (docs: ARCHITECTURE.md idea 3). Parse a filter once
 * against the metadata, then compile it to SQL for queries or evaluate it against a record in
 * memory; both select the same records.
 */

export { matchesRecord } from './evaluate.js';
export { matchesEmpty, OPS_BY_KIND } from './operators.js';
export { MAX_CONDITIONS, MAX_DEPTH, MAX_FILTER_VALUES, parseFilter } from './parse.js';
export { addLocalCalendar, localDate, startOfLocalDay } from './time-zone.js';
export { filterToSql } from './to-sql.js';
export {
  type CompareKind,
  FILTER_OPS,
  type FilterCondition,
  type FilterEnv,
  type FilterGroup,
  type FilterNode,
  type FilterOp,
  ME,
  type Operand,
  type Scalar,
  type Subject,
} from './types.js';
export { MAX_DAYS, MAX_LIST_VALUES } from './values.js';
export { criteriaMatch } from './compiled.js';
