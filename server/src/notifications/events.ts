import type { Clock } from '../clock.js';
import type { Db, DialectName } from '../db/connection.js';
import { criteriaMatch } from '../filters/index.js';
import { consumeOutbox, type JobEnv } from '../jobs/index.js';
import type { MetadataSnapshot } from '../metadata/types.js';
import { columnsToRecord, recordToJson } from '../records/rows.js';
import { notify } from './notify.js';
import { rowToSubscription, STAGE_FIELD, type Subscription } from './subscriptions.js';

const CURSOR_KEY = 'notificationsCursor';
const BATCH = 2000;

type Values = Record<string, unknown>;

interface RecordEventRow {
  seq: number;
  module: string;
  recordId: string;
  type: string;
  at: number;
  userId: string | null;
  payload: { record?: Values; changes?: { field: string; old?: unknown; new?: unknown }[]; automation?: unknown };
}

const idOf = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string'
      ? (v as { id: string }).id
      : undefined;

const refOf = (v: unknown): { module: string; id: string } | undefined =>
  v && typeof v === 'object' && typeof (v as { module?: unknown }).module === 'string' && typeof (v as { id?: unknown }).id === 'string'
    ? { module: (v as { module: string }).module, id: (v as { id: string }).id }
    : undefined;

/**
 * Reads record events past its own cursor and turns them into notifications: assigned (a record's
 * owner set by someone else), mention (@name in a note) and the users' custom notifications. Like
 * the automation reader, the notifications and the cursor's advance commit together, and on
 * PostgreSQL the cursor row is locked so one process reads at a time; dedupe keys keep each
 * notification single.
 */
export async function readNotificationsOutbox(env: JobEnv): Promise<boolean> {
  const { db, dialect } = env.database;
  const meta = await env.metaCache.get(db);
  return consumeOutbox(env, CURSOR_KEY, BATCH, async (trx, rows) => {
    const subs = (await trx.selectFrom('notification_subscriptions').selectAll().where('active', '=', 1).execute()).map((r) => ({
      ...rowToSubscription(r),
      userId: r.userId as string,
    }));
    const users = await trx.selectFrom('users').select(['id', 'name']).where('active', '=', 1).execute();
    const actorNames = new Map(users.map((u) => [u.id as string, u.name as string]));
    const watched = new Set(subs.map((sub) => (sub.trigger === 'taskAdded' ? 'tasks' : sub.module)));
    for (const r of rows) {
      if (cannotNotify(r, watched)) continue;
      const event: RecordEventRow = {
        ...(r as unknown as RecordEventRow),
        seq: Number(r.seq),
        at: Number(r.at),
        payload: JSON.parse(r.payload as string),
      };
      const deps = { db: trx, clock: env.clock, dialect, meta, actorNames };
      await assigned(deps, event);
      if (event.module === 'notes') await mentions(deps, event, users as { id: string; name: string }[]);
      await custom(deps, event, subs);
    }
  });
}

/**
 * An event that cannot notify anyone, known without parsing its payload (most events: parsing them
 * all was most of this reader's time): no subscription watches its module, it is not a note, and
 * the record's owner is who made the write — so nobody was assigned it. The owner is recognised
 * by how the outbox serialises it (`"owner":{"id":"…"`, as recordToJson orders it); any other form
 * is parsed and checked in full.
 */
function cannotNotify(r: Record<string, unknown>, watched: ReadonlySet<string>): boolean {
  if (watched.has(r.module as string) || r.module === 'notes' || typeof r.userId !== 'string') return false;
  return typeof r.payload === 'string' && r.payload.includes(`"owner":{"id":${JSON.stringify(r.userId)}`);
}

interface Deps {
  db: Db;
  clock: Clock;
  dialect: DialectName;
  meta: MetadataSnapshot;
  actorNames: Map<string, string>;
}

const recordName = (deps: Deps, module: string, record: Values | undefined) =>
  String(record?._name ?? record?.name ?? record?.subject ?? record?.title ?? deps.meta.modulesByName.get(module)?.singularLabel ?? module);

/** A record or task whose owner someone else set (on create or by a change) is assigned to that owner. */
async function assigned(deps: Deps, e: RecordEventRow) {
  const record = e.payload.record;
  if (!record || (e.type !== 'created' && e.type !== 'updated')) return;
  const owner = idOf(record.owner);
  if (!owner || owner === e.userId) return;
  if (e.type === 'updated' && !(e.payload.changes ?? []).some((c) => c.field === 'owner')) return;
  await notify(deps.db, deps.clock, {
    userId: owner,
    kind: 'assigned',
    title: await nameOf(deps, e.module, e.recordId, record),
    ...(e.userId && deps.actorNames.has(e.userId) ? { body: deps.actorNames.get(e.userId) } : {}),
    record: { module: e.module, id: e.recordId },
    dedupeKey: `assigned:${e.seq}:${owner}`,
  });
}

/** `@Name` in a note notifies the named user once per note; the notification opens what the note is about. */
async function mentions(deps: Deps, e: RecordEventRow, users: { id: string; name: string }[]) {
  const record = e.payload.record;
  if (!record || (e.type !== 'created' && e.type !== 'updated')) return;
  const content = typeof record.content === 'string' ? record.content.toLowerCase() : '';
  if (!content.includes('@')) return;
  const target = refOf(record.relatedTo) ?? { module: 'notes', id: e.recordId };
  for (const u of users) {
    if (u.id === e.userId || !mentionsName(content, u.name)) continue;
    await notify(deps.db, deps.clock, {
      userId: u.id,
      kind: 'mention',
      title: [...content].length > 0 ? firstLine(record.content as string) : recordName(deps, 'notes', record),
      ...(e.userId && deps.actorNames.has(e.userId) ? { body: deps.actorNames.get(e.userId) } : {}),
      record: target,
      dedupeKey: `mention:${e.recordId}:${u.id}`,
    });
  }
}

/** "@Ada Lovelace" mentions Ada Lovelace when not followed by more of a word ("@Ada Lovelaces" does not). */
export function mentionsName(lowerContent: string, name: string): boolean {
  const needle = `@${name.trim().toLowerCase()}`;
  if (needle.length < 2) return false;
  let from = 0;
  for (;;) {
    const i = lowerContent.indexOf(needle, from);
    if (i < 0) return false;
    const after = lowerContent.charAt(i + needle.length);
    if (!/[\p{L}\p{N}_]/u.test(after)) return true;
    from = i + 1;
  }
}

const firstLine = (s: string) => [...s.split(/\r?\n/)[0]].slice(0, 200).join('');

/** The users' own filters and triggers on leads, contacts and deals. */
async function custom(deps: Deps, e: RecordEventRow, subs: (Subscription & { userId: string })[]) {
  if (subs.length === 0 || !e.payload.record) return;
  // A task added to a watched record: the filter applies to that record, loaded as it is now.
  if (e.module === 'tasks' && e.type === 'created') {
    const parent = refOf(e.payload.record.relatedTo);
    if (!parent) return;
    const watching = subs.filter((s) => s.trigger === 'taskAdded' && s.module === parent.module && s.userId !== e.userId);
    if (watching.length === 0) return;
    const module = deps.meta.modulesByName.get(parent.module);
    if (!module) return;
    const record = await loadRecord(deps, parent.module, parent.id);
    if (!record) return;
    for (const s of watching)
      if (matches(deps, s, parent.module, record)) await send(deps, s, e, parent, await nameOf(deps, parent.module, parent.id, record));
    return;
  }
  const changed = new Set((e.payload.changes ?? []).map((c) => c.field));
  for (const s of subs) {
    if (s.module !== e.module || s.userId === e.userId) continue;
    const fires =
      (s.trigger === 'created' && e.type === 'created') ||
      (s.trigger === 'fieldChanged' && e.type === 'updated' && s.fields.some((f) => changed.has(f))) ||
      (s.trigger === 'stageChanged' && e.type === 'updated' && changed.has(STAGE_FIELD[e.module] ?? '\u0000'));
    if (!fires || !matches(deps, s, e.module, e.payload.record)) continue;
    await send(deps, s, e, { module: e.module, id: e.recordId }, await nameOf(deps, e.module, e.recordId, e.payload.record));
  }
}

function matches(deps: Deps, s: Subscription & { userId: string }, moduleName: string, record: Values): boolean {
  const module = deps.meta.modulesByName.get(moduleName);
  if (!module) return false;
  return criteriaMatch(s.criteria, record, { meta: deps.meta, module, dialect: deps.dialect, userId: s.userId, now: deps.clock.now() });
}

async function send(
  deps: Deps,
  s: Subscription & { userId: string },
  e: RecordEventRow,
  record: { module: string; id: string },
  name: string,
) {
  await notify(deps.db, deps.clock, {
    userId: s.userId,
    kind: 'custom',
    title: s.name,
    body: name,
    record,
    dedupeKey: `custom:${s.id}:${e.seq}`,
  });
}

/** A record in API shape enough for filters: its stored row through the module's field types. */
async function loadRecord(deps: Deps, moduleName: string, id: string): Promise<Values | undefined> {
  const module = deps.meta.modulesByName.get(moduleName);
  if (!module) return undefined;
  const row = await deps.db.selectFrom(module.tableName).selectAll().where('id', '=', id).executeTakeFirst();
  return row ? recordToJson(columnsToRecord(module, row)) : undefined;
}

async function nameOf(deps: Deps, module: string, id: string, record: Values): Promise<string> {
  const def = deps.meta.modulesByName.get(module);
  if (def) {
    const row = await deps.db.selectFrom(def.tableName).select('_name').where('id', '=', id).executeTakeFirst();
    if (row?._name) return String(row._name);
  }
  return recordName(deps, module, record);
}
