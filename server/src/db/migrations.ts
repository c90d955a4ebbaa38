import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from './connection.js';
import { columnType } from './dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on the open schema
type AnyDb = Kysely<any>;

/**
 * System tables. Record tables are not here: they are created from metadata (seed in 0002, and
 * custom modules at run time). Migrations are append-only: never edit one that has shipped.
 */
export function systemMigrations(
  dialect: DialectName,
  seed: (db: AnyDb) => Promise<void>,
  addSalesFields: (db: AnyDb) => Promise<void>,
): Record<string, Migration> {
  const big = columnType(dialect, 'bigint');
  const serial = dialect === 'postgres' ? 'bigserial primary key' : 'integer primary key autoincrement';
  const exec = (db: AnyDb, q: string) => sql.raw(q).execute(db);

  return {
    '0001_system_tables': {
      async up(db) {
        await exec(db, 'create table settings (key text primary key, value text not null)');
        await exec(
          db,
          `create table users (id text primary key, email text not null, "emailFold" text not null unique,
            name text not null, "passwordHash" text, profile text not null, role text, active integer not null default 1,
            "timeZone" text not null default 'UTC', locale text not null default 'en',
            "createdAt" ${big} not null, "modifiedAt" ${big} not null)`,
        );
        await exec(
          db,
          `create table sessions (id text primary key, "userId" text not null, "createdAt" ${big} not null,
            "expiresAt" ${big} not null, "lastSeenAt" ${big} not null, ip text, "userAgent" text)`,
        );
        await exec(db, 'create index sessions_user on sessions ("userId")');
        await exec(
          db,
          `create table api_tokens (id text primary key, "userId" text not null, name text not null,
            "tokenHash" text not null unique, "createdAt" ${big} not null, "lastUsedAt" ${big})`,
        );
        await exec(
          db,
          `create table login_attempts (id ${serial}, "emailFold" text not null, ip text not null,
            at ${big} not null, success integer not null)`,
        );
        await exec(db, 'create index login_attempts_email on login_attempts ("emailFold", at)');
        await exec(db, 'create index login_attempts_ip on login_attempts (ip, at)');
        await exec(
          db,
          `create table modules ("apiName" text primary key, label text not null, "singularLabel" text not null,
            custom integer not null, hidden integer not null default 0, "tableName" text not null,
            "recordName" text not null, "sortOrder" integer not null, "createdAt" ${big} not null)`,
        );
        await exec(
          db,
          `create table fields (module text not null, "apiName" text not null, label text not null, type text not null,
            required integer not null default 0, "unique" integer not null default 0, "readOnly" integer not null default 0,
            custom integer not null default 0, system integer not null default 0, options text, "lookupModule" text,
            "maxLength" integer, decimals integer, "defaultValue" text, tooltip text, "sortOrder" integer not null,
            primary key (module, "apiName"))`,
        );
        await exec(
          db,
          `create table layouts (id text primary key, module text not null, name text not null,
            "isDefault" integer not null, sections text not null)`,
        );
        await exec(
          db,
          `create table pipelines (id text primary key, name text not null, "isDefault" integer not null,
            "sortOrder" integer not null)`,
        );
        await exec(
          db,
          `create table pipeline_stages (id text primary key, "pipelineId" text not null, name text not null,
            probability real not null, kind text not null, "sortOrder" integer not null)`,
        );
        await exec(
          db,
          `create table record_history (id ${serial}, module text not null, "recordId" text not null,
            at ${big} not null, "userId" text, action text not null, changes text not null)`,
        );
        await exec(db, 'create index record_history_record on record_history (module, "recordId", at)');
        // The outbox: one row per record write, in the same transaction; automation reads it.
        await exec(
          db,
          `create table record_events (seq ${serial}, module text not null, "recordId" text not null,
            type text not null, at ${big} not null, "userId" text, payload text not null)`,
        );
        await exec(
          db,
          `create table recycle_bin (id text primary key, module text not null, "recordId" text not null,
            name text, "deletedAt" ${big} not null, "deletedBy" text, data text not null)`,
        );
        await exec(db, 'create index recycle_bin_deleted on recycle_bin ("deletedAt")');
        await exec(db, 'create index recycle_bin_record on recycle_bin (module, "recordId")');
        await exec(db, `create table counters (name text primary key, value ${big} not null)`);
        await exec(
          db,
          `create table saved_views (id text primary key, module text not null, name text not null,
            "ownerId" text not null, shared integer not null default 0, definition text not null,
            "createdAt" ${big} not null, "modifiedAt" ${big} not null)`,
        );
        if (dialect === 'postgres') {
          await exec(
            db,
            `create table search_index (module text not null, "recordId" text not null, name text,
              body text, tsv tsvector not null, primary key (module, "recordId"))`,
          );
          await exec(db, 'create index search_index_tsv on search_index using gin (tsv)');
        } else {
          // FTS5 keys documents by integer rowid; search_docs maps (module, recordId) to it.
          await exec(
            db,
            `create table search_docs ("docId" integer primary key autoincrement, module text not null,
              "recordId" text not null, unique (module, "recordId"))`,
          );
          await exec(
            db,
            `create virtual table search_fts using fts5(name, body, tokenize = 'unicode61 remove_diacritics 0',
              prefix = '2 3 4')`,
          );
        }
      },
    },
    '0002_standard_modules': { up: seed },
    '0003_demo_records': {
      async up(db) {
        // Which records are sample data (`rapport demo load`), so `demo remove` deletes exactly those.
        await exec(db, 'create table demo_records (module text not null, "recordId" text not null, primary key (module, "recordId"))');
      },
    },
    '0004_sales': {
      async up(db) {
        // Won, Lost and Unqualified of every pipeline are fixed: renameable, never deleted.
        await exec(db, 'alter table pipeline_stages add column fixed integer not null default 0');
        await exec(db, "update pipeline_stages set fixed = 1 where kind <> 'open'");
        // Every stage change of a deal, written with the deal (reports: stage duration, conversion).
        await exec(
          db,
          `create table deal_stage_history (id ${serial}, "dealId" text not null, "pipelineId" text, pipeline text,
            "fromStageId" text, "fromStage" text, "toStageId" text, "toStage" text not null, "toKind" text,
            at ${big} not null, "userId" text, amount ${big})`,
        );
        await exec(db, 'create index deal_stage_history_deal on deal_stage_history ("dealId", at)');
        await exec(db, 'create index deal_stage_history_stage on deal_stage_history ("toStageId", at)');
        // The new standard fields of leads and deals (metadata/sales-fields.ts), with their backfill.
        await addSalesFields(db);
      },
    },
    '0005_automation': {
      async up(db) {
        // Durable work (jobs/): claimed with a lease (lockedBy/lockedUntil), retried with back-off.
        await exec(
          db,
          `create table jobs (id text primary key, kind text not null, payload text not null, "runAt" ${big} not null,
            attempts integer not null default 0, "maxAttempts" integer not null, "lockedBy" text, "lockedUntil" ${big},
            "lastError" text, status text not null, "idempotencyKey" text unique, "createdAt" ${big} not null, "doneAt" ${big})`,
        );
        await exec(db, 'create index jobs_due on jobs (status, "runAt")');
        // Workflow, validation, assignment and scoring rules: metadata, loaded with the snapshot.
        await exec(
          db,
          `create table automation_rules (id text primary key, kind text not null, module text not null, name text not null,
            active integer not null, definition text not null, secret text, "createdBy" text,
            "createdAt" ${big} not null, "modifiedAt" ${big} not null)`,
        );
        await exec(
          db,
          `create table workflow_runs (id text primary key, "ruleId" text not null, module text not null,
            "recordId" text not null, trigger text not null, "eventSeq" ${big}, "condition" integer, depth integer not null,
            status text not null, actions text not null, at ${big} not null)`,
        );
        await exec(db, 'create index workflow_runs_rule on workflow_runs ("ruleId", at)');
        // The outbox reader starts after the events written before automation existed.
        await exec(
          db,
          `insert into settings (key, value) select 'automationCursor', cast(coalesce(max(seq), 0) as text) from record_events`,
        );
      },
    },
    '0006_sales_contact_roles': {
      async up(db) {
        // Several contacts on a deal, each with a role (sales/contact-roles.ts); one entry per contact.
        await exec(
          db,
          `create table deal_contact_roles (id text primary key, "dealId" text not null, "contactId" text not null,
            role text, "createdAt" ${big} not null, "createdBy" text)`,
        );
        await exec(db, 'create unique index deal_contact_roles_deal on deal_contact_roles ("dealId", "contactId")');
        await exec(db, 'create index deal_contact_roles_contact on deal_contact_roles ("contactId")');
        // lastActivityAt on leads, accounts and deals; imported late so db/ does not depend on sales/ at load.
        const { addLastActivityFields } = await import('../sales/activity-fields.js');
        await addLastActivityFields(db, dialect);
        // Boards (sales/board.ts), so that a pipeline of 100,000 deals stays fast: the per-stage count
        // and sums read a narrow covering index, and each column's first cards come in board order
        // (newest first) from the other. They replace the (pipeline, stage) index of 0004, their prefix.
        const deals = await db.selectFrom('modules').select('tableName').where('apiName', '=', 'deals').executeTakeFirst();
        if (deals) {
          const t = deals.tableName as string;
          await exec(db, `drop index if exists "${t}_pipeline_stage"`);
          await exec(db, `create index "${t}_board_totals" on "${t}" (pipeline, stage, amount, "expectedRevenue")`);
          await exec(db, `create index "${t}_board_cards" on "${t}" (pipeline, stage, "createdAt", id)`);
        }
      },
    },
    '0009_meetings': {
      async up(db) {
        // Every email the server sent (mail/): timelines list them as "emails sent". Column names
        // are the contract shared with the timeline; dedupe_key makes a retried send a no-op.
        await exec(
          db,
          `create table sent_emails (id text primary key, module text, record_id text, user_id text,
            to_addresses text not null, subject text not null, kind text not null, sent_at ${big} not null,
            dedupe_key text unique)`,
        );
        await exec(db, 'create index sent_emails_record on sent_emails (module, record_id, sent_at)');
        // Invitation state of each meeting (meetings/): its iCalendar UID, SEQUENCE and who was invited last.
        await exec(
          db,
          `create table event_invitations ("eventId" text primary key, uid text not null, sequence integer not null,
            "organiserId" text, attendees text not null, "modifiedAt" ${big} not null)`,
        );
        // Private iCalendar feeds (calendar/): one per user; only the token's hash is stored.
        await exec(
          db,
          `create table calendar_feeds (id text primary key, "userId" text not null unique, "tokenHash" text not null unique,
            "createdAt" ${big} not null)`,
        );
        // The invitation reader starts after the events written before meetings existed.
        await exec(db, `insert into settings (key, value) select 'meetingsCursor', cast(coalesce(max(seq), 0) as text) from record_events`);
      },
    },
    '0008_activities': {
      async up(db) {
        // Notifications (notifications/): one row per user and event; dedupeKey makes notify() idempotent;
        // seq orders them for the live stream's cheap polling across processes.
        await exec(
          db,
          `create table notifications (seq ${serial}, id text not null unique, "userId" text not null, kind text not null,
            title text not null, body text, module text, "recordId" text, "createdAt" ${big} not null, "readAt" ${big},
            "dedupeKey" text unique)`,
        );
        await exec(db, 'create index notifications_user on notifications ("userId", seq)');
        // Per user and kind: inApp, email or off (absent → inApp).
        await exec(
          db,
          'create table notification_settings ("userId" text not null, kind text not null, channel text not null, primary key ("userId", kind))',
        );
        // Custom notifications: a user's own filter and trigger on leads, contacts or deals.
        await exec(
          db,
          `create table notification_subscriptions (id text primary key, "userId" text not null, module text not null,
            name text not null, trigger text not null, fields text not null, criteria text, active integer not null,
            "createdAt" ${big} not null)`,
        );
        await exec(db, 'create index notification_subscriptions_module on notification_subscriptions (module)');
        // A completed repeating task makes its next occurrence once (activities/repeat.ts).
        await exec(db, 'create table task_repeats ("taskId" text primary key, "nextTaskId" text not null)');
        // The notifications outbox reader starts after the events written before it existed.
        await exec(
          db,
          `insert into settings (key, value) select 'notificationsCursor', cast(coalesce(max(seq), 0) as text) from record_events`,
        );
        // Repeat fields on tasks, a reminder on calls; imported late so db/ does not depend on activities/ at load.
        const { addActivityFields } = await import('../activities/fields.js');
        await addActivityFields(db, dialect);
      },
    },
    '0010_home_timeline': {
      async up(db) {
        // The home page's activity feed reads the newest history of all records first.
        await exec(db, 'create index record_history_at on record_history (at, id)');
      },
    },
    '0012_tags': {
      async up(db) {
        // The standard `tags` field on leads, contacts, accounts and deals; imported late like 0008's.
        const { addTagFields } = await import('../tags/fields.js');
        await addTagFields(db, dialect);
      },
    },
    '0013_workflow_in_transaction': {
      async up(db) {
        // Workflow rules now run inside the triggering write's transaction; the outbox reader only
        // finishes the events written before, up to this seq (automation/workflow/outbox-reader.ts).
        await exec(
          db,
          `insert into settings (key, value) select 'automationCursorEnd', cast(coalesce(max(seq), 0) as text) from record_events`,
        );
        // The runs one write fires of one rule, logged as one row (automation/workflow/run-log.ts).
        await exec(
          db,
          `create table workflow_run_sets (id text primary key, "ruleId" text not null, module text not null,
            at ${big} not null, runs text not null)`,
        );
        await exec(db, 'create index workflow_run_sets_rule on workflow_run_sets ("ruleId", at)');
      },
    },
  };
}
