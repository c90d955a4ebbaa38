import type { Ctx } from '../../context.js';
import type { RecordValues } from '../values.js';

/**
 * Invariants of a standard module's computed fields, applied by the record service on every
 * write (API, UI, imports, automation alike). `next` is the whole record after the change and
 * may be adjusted; `given` are the fields the writer set; `prev` is null on create.
 */
export interface WriteRule {
  (ctx: Ctx, next: RecordValues, prev: RecordValues | null, given: ReadonlySet<string>): void;
}

/** One record as a write left it: `prev` is null on create. */
export interface RecordWrite {
  id: string;
  prev: RecordValues | null;
  next: RecordValues;
}

/**
 * What a module's write implies beyond its own row (e.g. a deal's stage history), run by the
 * record service inside the write's transaction, after the row is stored: a failure undoes the write.
 */
export interface AfterWriteRule {
  (tx: Ctx, writes: readonly RecordWrite[]): Promise<void>;
}
