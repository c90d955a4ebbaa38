/** The record service: the only door to records (ARCHITECTURE.md idea 2). */
export { createRecords, createRecordsInBulk, type CreateOptions, type WriteOutcome, type WriteResult, MAX_WRITE_BATCH } from './create.js';
export { rescoreModule } from './rescore.js';
export { updateRecord, updateRecords, type UpdateOptions } from './update.js';
export {
  deleteRecord,
  deleteRecords,
  listRecycleBin,
  restoreFromRecycleBin,
  purgeRecycleBinEntry,
  purgeExpired,
} from './recycle-bin.js';
export { getRecord, listRelated, recordHistory } from './read.js';
export { listRecords, countRecords, listConditions, type ListQuery, type ListResult, MAX_PER_PAGE } from './list.js';
export { exportCsv, safeCell } from './export-csv.js';
