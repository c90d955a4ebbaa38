/** The record service: the only door to records (ARCHITECTURE.md idea 2). */
export { type CreateOptions, createRecords, createRecordsInBulk, MAX_WRITE_BATCH, type WriteOutcome, type WriteResult } from './create.js';
export { exportCsv, safeCell } from './export-csv.js';
export { countRecords, type ListQuery, type ListResult, listConditions, listRecords, MAX_PER_PAGE } from './list.js';
export { getRecord, listRelated, recordHistory } from './read.js';
export {
  deleteRecord,
  deleteRecords,
  listRecycleBin,
  purgeExpired,
  purgeRecycleBinEntry,
  restoreFromRecycleBin,
} from './recycle-bin.js';
export { rescoreModule } from './rescore.js';
export { type UpdateOptions, updateRecord, updateRecords } from './update.js';
