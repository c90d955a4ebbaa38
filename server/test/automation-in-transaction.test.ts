import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdInSet, setActionOutcome } from '../src/automation/workflow/run-log.js';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';
import { startWebhookCapture, type WebhookCapture } from './webhook-capture.js';

// Workflow rules run inside the triggering write's transaction (automation/workflow/in-transaction.ts):
// instant record writes are done by the time the write answers, with no worker run in between.
const API = '/api/v1';

interface HistoryEntry {
  action: string;
  changes: { field: string; old?: unknown; new?: unknown }[];
}
interface Run {
  record: { module: string; id: string };
  actions: { status: string; error?: string }[];
}
const dialects = await testDialects();

describe.each(dialects)('workflow rules in the write’s transaction on %s', (dialect) => {
  let t: TestServer;
  let hooks: WebhookCapture;
  const rules: string[] = [];

  beforeAll(async () => {
    hooks = await startWebhookCapture();
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.close();
  });

  const rule = async (body: Record<string, unknown>) => {
    const r = await t.admin.post(`${API}/automation/workflow-rules`, { active: true, ...body });
    expect(r.status, r.text).toBe(201);
    rules.push(r.body.data.id);
    return r.body.data.id as string;
  };
  const switchOff = async () => {
    for (const id of rules.splice(0)) await t.admin.patch(`${API}/automation/workflow-rules/${id}`, { active: false });
  };

  it('answers a create with the rules’ changes made, logged as the rules’ own', async () => {
    const a = t.admin;
    const ruleId = await rule({
      name: 'Qualify bankers',
      module: 'leads',
      trigger: { on: 'create' },
      conditions: [
        {
          criteria: { field: 'industry', op: 'eq', value: 'Banking' },
          instant: [
            { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
            { type: 'addTag', tag: 'finance' },
            { type: 'createTask', subject: 'Call {{lastName}}', dueInDays: 1 },
          ],
        },
      ],
    });
    const created = await a.post(`${API}/records/leads`, {
      data: [
        { lastName: 'Banker', industry: 'Banking', tags: ['vip'] },
        { lastName: 'Baker', industry: 'Retail' },
      ],
    });
    expect(created.status).toBe(201);
    const [banker, baker] = created.body.data;
    // The answer is the record as stored: the rule's change is in it, one version on.
    expect(banker.record).toMatchObject({ leadStatus: 'Contacted', tags: ['vip', 'finance'], version: 2 });
    expect(baker.record).toMatchObject({ leadStatus: 'New', version: 1 });
    // No worker run: the task is there already.
    const tasks = await a.get(
      `${API}/records/tasks?filter=${encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: 'Call Banker' }))}`,
    );
    expect(tasks.body.data).toHaveLength(1);
    expect(tasks.body.data[0].relatedTo).toMatchObject({ module: 'leads', id: banker.id });
    const stored = (await a.get(`${API}/records/leads/${banker.id}`)).body.data;
    expect(stored).toMatchObject({ leadStatus: 'Contacted', tags: ['vip', 'finance'], version: 2 });
    // History: created as given, then changed.
    const history: HistoryEntry[] = (await a.get(`${API}/records/leads/${banker.id}/history`)).body.data;
    const updated = history.find((h) => h.action === 'updated') as HistoryEntry;
    expect(history.some((h) => h.action === 'created')).toBe(true);
    expect(updated.changes.map((c) => c.field).sort()).toEqual(['leadStatus', 'tags']);
    expect(updated.changes.find((c) => c.field === 'leadStatus')).toMatchObject({ old: 'New', new: 'Contacted' });
    const runs = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ record: { module: 'leads', id: banker.id }, trigger: 'create', depth: 0 });
    expect(typeof runs[0].eventSeq).toBe('number');
    expect(runs[0].actions.map((x: { status: string }) => x.status)).toEqual(['done', 'done', 'done']);
    await switchOff();
  });

  it('fires edit rules on a create rule’s change, one level deeper', async () => {
    const a = t.admin;
    await rule({
      name: 'Rate web leads',
      module: 'leads',
      trigger: { on: 'create' },
      conditions: [
        {
          criteria: { field: 'leadSource', op: 'eq', value: 'Web Form' },
          instant: [{ type: 'fieldUpdate', field: 'rating', value: 'Hot' }],
        },
      ],
    });
    const onRating = await rule({
      name: 'Hot means a call',
      module: 'leads',
      trigger: { on: 'fieldUpdate', fields: ['rating'] },
      conditions: [
        { criteria: { field: 'rating', op: 'eq', value: 'Hot' }, instant: [{ type: 'createTask', subject: 'Hot: {{lastName}}' }] },
      ],
    });
    const id = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Webby', leadSource: 'Web Form' }] })).body.data[0].id;
    const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: 'Hot: Webby' }));
    expect((await a.get(`${API}/records/tasks?filter=${q}`)).body.data).toHaveLength(1);
    const runs = (await a.get(`${API}/automation/workflow-rules/${onRating}/runs`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ record: { id }, trigger: 'edit', depth: 1 });
    await switchOff();
  });

  it('a rule’s change a validation rule refuses fails that action, and the record is created as given', async () => {
    const a = t.admin;
    const check = await a.post(`${API}/automation/validation-rules`, {
      name: 'No cold contact',
      module: 'leads',
      active: true,
      criteria: {
        and: [
          { field: 'leadStatus', op: 'eq', value: 'Contacted' },
          { field: 'rating', op: 'eq', value: 'Cold' },
        ],
      },
      message: 'Cold leads are not contacted',
    });
    expect(check.status).toBe(201);
    const ruleId = await rule({
      name: 'Contact everyone',
      module: 'leads',
      trigger: { on: 'create' },
      conditions: [{ criteria: null, instant: [{ type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' }] }],
    });
    const created = await a.post(`${API}/records/leads`, {
      data: [
        { lastName: 'Frosty', rating: 'Cold' },
        { lastName: 'Sunny', rating: 'Hot' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.data[0].record).toMatchObject({ leadStatus: 'New', version: 1 });
    expect(created.body.data[1].record).toMatchObject({ leadStatus: 'Contacted', version: 2 });
    const runs = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
    const frosty = (runs as Run[]).find((r) => r.record.id === created.body.data[0].id) as Run;
    expect(frosty.actions[0]).toMatchObject({ status: 'failed' });
    expect(frosty.actions[0].error).toContain('Cold leads are not contacted');
    await a.patch(`${API}/automation/validation-rules/${check.body.data.id}`, { active: false });
    await switchOff();
  });

  it('a rule’s change that would duplicate a unique value fails that action, and the write still commits', async () => {
    const a = t.admin;
    const field = await a.post(`${API}/modules/contacts/fields`, { label: 'Badge', type: 'text', unique: true });
    expect(field.status).toBe(201);
    const badge = field.body.data.apiName;
    expect((await a.post(`${API}/records/contacts`, { data: [{ lastName: 'Holder', [badge]: 'B-1' }] })).status).toBe(201);
    const ruleId = await rule({
      name: 'Badge everyone',
      module: 'contacts',
      trigger: { on: 'create' },
      conditions: [
        {
          criteria: null,
          instant: [
            { type: 'fieldUpdate', field: badge, value: 'B-1' },
            { type: 'createTask', subject: 'Welcome {{lastName}}' },
          ],
        },
      ],
    });
    const created = await a.post(`${API}/records/contacts`, { data: [{ lastName: 'Newcomer' }] });
    expect(created.status).toBe(201);
    const id = created.body.data[0].id;
    expect((await a.get(`${API}/records/contacts/${id}`)).body.data[badge]).toBeNull();
    const runs = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
    expect(runs[0].actions.map((x: { status: string }) => x.status)).toEqual(['failed', 'done']);
    expect(runs[0].actions[0].error).toMatch(/DUPLICATE_DATA/);
    await switchOff();
  });

  it('a rule on an update runs with it; a rule on a delete queues its actions with it', async () => {
    const a = t.admin;
    const onEdit = await rule({
      name: 'Edited',
      module: 'accounts',
      trigger: { on: 'edit' },
      conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'Edited {{phone}}' }] }],
    });
    const onDelete = await rule({
      name: 'Deleted',
      module: 'accounts',
      trigger: { on: 'delete' },
      conditions: [{ criteria: null, instant: [{ type: 'webhook', url: hooks.url }] }],
    });
    const id = (await a.post(`${API}/records/accounts`, { data: [{ name: 'Initech' }] })).body.data[0].id;
    expect((await a.patch(`${API}/records/accounts/${id}`, { data: { phone: '555-0100' } })).status).toBe(200);
    const subject = (s: string) =>
      `${API}/records/tasks?filter=${encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: s }))}`;
    expect((await a.get(subject('Edited 555-0100'))).body.data).toHaveLength(1);
    expect((await a.get(`${API}/automation/workflow-rules/${onEdit}/runs`)).body.data).toHaveLength(1);
    // The webhook is a job: queued by the delete, sent by the worker after commit.
    expect((await a.delete(`${API}/records/accounts/${id}`)).status).toBe(200);
    const runs = (await a.get(`${API}/automation/workflow-rules/${onDelete}/runs`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0].actions[0].status).toBe('pending');
    expect((await a.post(`${API}/test-clock/advance`, { minutes: 0 })).status).toBe(200);
    expect(hooks.deliveries).toHaveLength(1);
    expect(JSON.parse(hooks.deliveries[0].body)).toMatchObject({ event: 'deleted', module: 'accounts', record: { id, phone: '555-0100' } });
    await switchOff();
  });

  it('an outright failure of the rules’ actions undoes them all, search documents too, and the write commits', async () => {
    const a = t.admin;
    // A real database error no per-record check foresees: a trigger refusing some tasks.
    // The server's own connection: the trigger must be on its database, whatever the engine.
    const { db } = t.server.database;
    const trigger =
      dialect === 'postgres'
        ? [
            `create function refuse_tasks() returns trigger language plpgsql as $$ begin
               if new.subject like 'Explode%' then raise exception 'tasks are switched off'; end if; return new; end $$`,
            'create trigger refuse_tasks before insert on r_tasks for each row execute function refuse_tasks()',
          ]
        : [
            `create trigger refuse_tasks before insert on r_tasks when new.subject like 'Explode%'
               begin select raise(abort, 'tasks are switched off'); end`,
          ];
    const drop =
      dialect === 'postgres' ? ['drop trigger refuse_tasks on r_tasks', 'drop function refuse_tasks()'] : ['drop trigger refuse_tasks'];
    try {
      for (const q of trigger) await sql.raw(q).execute(db);
      const tasksBefore = (await a.get(`${API}/records/tasks/count`)).body.count;
      const taskDocs = async () =>
        Number(
          (
            await db
              .selectFrom(dialect === 'postgres' ? 'search_index' : 'search_docs')
              .select((e) => e.fn.countAll().as('n'))
              .where('module', '=', 'tasks')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const taskDocsBefore = await taskDocs();
      // Six tasks for each of 100 leads: created in two calls (500 a call), the second refused.
      const ruleId = await rule({
        name: 'Explode on energy',
        module: 'leads',
        trigger: { on: 'create' },
        conditions: [
          {
            criteria: { field: 'industry', op: 'eq', value: 'Energy' },
            instant: [
              { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
              ...[1, 2, 3, 4, 5, 6].map((n) => ({ type: 'createTask', subject: `{{lastName}} call ${n}` })),
            ],
          },
        ],
      });
      const leads = Array.from({ length: 100 }, (_, i) => ({ lastName: i === 99 ? 'Explode' : `Quasar${i}`, industry: 'Energy' }));
      const created = await a.post(`${API}/records/leads`, { data: leads });
      expect(created.status, created.text).toBe(201);
      const id = created.body.data[0].id;
      // The leads and the change folded into their insert commit; all the tasks are undone together.
      expect((await a.get(`${API}/records/leads/${id}`)).body.data).toMatchObject({ leadStatus: 'Contacted' });
      expect((await a.get(`${API}/records/leads/${id}/related/tasks`)).body.data).toHaveLength(0);
      expect((await a.get(`${API}/records/tasks/count`)).body.count).toBe(tasksBefore);
      // The undone tasks’ search documents were never written; the leads’ were.
      expect(await taskDocs()).toBe(taskDocsBefore);
      expect((await a.get(`${API}/search?q=quasar0&modules=tasks`)).body.data).toEqual([]);
      expect((await a.get(`${API}/search?q=quasar0`)).body.data).toEqual([expect.objectContaining({ module: 'leads', id })]);
      const runs = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
      expect(runs).toHaveLength(100);
      const outcomes = runs.find((r: Run) => r.record.id === id).actions;
      expect(outcomes.map((x: { status: string }) => x.status)).toEqual(['done', ...Array(6).fill('failed')]);
      expect(outcomes[1].error).toMatch(/^undone: .*tasks are switched off/);
    } finally {
      for (const q of drop) await sql.raw(q).execute(db);
      await switchOff();
    }
  });
});

describe.each(dialects)('what an earlier version stored, on %s', (dialect) => {
  let t: TestServer;
  const createRule = async (body: Record<string, unknown>) => {
    const r = await t.admin.post(`${API}/automation/workflow-rules`, body);
    expect(r.status, r.text).toBe(201);
    return r.body.data.id as string;
  };
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are still read by the outbox reader, once, up to the seq the upgrade recorded', async () => {
    const a = t.admin;
    const { db } = t.server.database;
    const ruleId = await createRule({
      name: 'Late',
      module: 'leads',
      active: true,
      trigger: { on: 'create' },
      conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'Late {{lastName}}' }] }],
    });
    // An event as an earlier version left it: written, not yet read by the automation reader.
    const lead = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Before' }] })).body.data[0];
    const [{ seq }] = await db
      .insertInto('record_events')
      .values({
        module: 'leads',
        recordId: lead.id,
        type: 'created',
        at: Date.now(),
        userId: lead.record.owner.id,
        payload: JSON.stringify({ record: { ...lead.record, lastName: 'Upgraded' } }),
      })
      .returning('seq')
      .execute();
    await db
      .updateTable('settings')
      .set({ value: String(Number(seq) - 1) })
      .where('key', '=', 'automationCursor')
      .execute();
    await db
      .updateTable('settings')
      .set({ value: String(seq) })
      .where('key', '=', 'automationCursorEnd')
      .execute();
    expect((await a.post(`${API}/test-clock/advance`, { minutes: 0 })).status).toBe(200);
    const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: 'Late Upgraded' }));
    expect((await a.get(`${API}/records/tasks?filter=${q}`)).body.data).toHaveLength(1);
    // Its create fired in its own transaction (Late Before); the replayed event once (Late Upgraded).
    expect((await a.post(`${API}/test-clock/advance`, { minutes: 0 })).status).toBe(200);
    expect((await a.get(`${API}/records/tasks?filter=${q}`)).body.data).toHaveLength(1);
    const cursor = await db.selectFrom('settings').select('value').where('key', '=', 'automationCursor').executeTakeFirstOrThrow();
    expect(Number(cursor.value)).toBe(Number(seq));
    const runs = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
    expect(runs).toHaveLength(2);
  });

  it('run sets stored whole, as before the compact form, still list and take outcomes', async () => {
    const a = t.admin;
    const { db } = t.server.database;
    const ruleId = await createRule({
      name: 'Old sets',
      module: 'leads',
      active: false,
      trigger: { on: 'create' },
      conditions: [{ criteria: null, instant: [{ type: 'webhook', url: 'http://127.0.0.1:9/never' }] }],
    });
    const at = Date.parse('2026-11-20T10:00:00Z');
    const setId = 'oldset0000000000000000000a';
    const run = (n: number) => ({
      id: runIdInSet(setId, n),
      recordId: `lead${n}`,
      trigger: 'create',
      eventSeq: 10 + n,
      condition: 0,
      depth: 0,
      status: 'started',
      actions: [{ condition: 0, group: null, index: 0, type: 'webhook', status: 'pending' }],
      at,
    });
    await db
      .insertInto('workflow_run_sets')
      .values({ id: setId, ruleId, module: 'leads', at, runs: JSON.stringify([run(0), run(1)]) })
      .execute();
    const listed = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data;
    expect(listed.map((r: { id: string }) => r.id).sort()).toEqual([runIdInSet(setId, 0), runIdInSet(setId, 1)]);
    expect(listed[0]).toMatchObject({ trigger: 'create', depth: 0, status: 'started', actions: [{ type: 'webhook', status: 'pending' }] });
    // An action's outcome rewrites the set in the compact form; both runs read back the same.
    await setActionOutcome(db, dialect, runIdInSet(setId, 1), { condition: 0, group: null, index: 0 }, 'failed', 'gone');
    const after = (await a.get(`${API}/automation/workflow-rules/${ruleId}/runs`)).body.data as {
      id: string;
      record: { id: string };
      eventSeq: number;
      actions: { condition: number; status: string; error?: string }[];
    }[];
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(runIdInSet(setId, 1))).toMatchObject({
      record: { module: 'leads', id: 'lead1' },
      eventSeq: 11,
      actions: [{ condition: 0, status: 'failed', error: 'gone' }],
    });
    expect(byId.get(runIdInSet(setId, 0))).toMatchObject({ eventSeq: 10, actions: [{ condition: 0, status: 'pending' }] });
    const stored = await db.selectFrom('workflow_run_sets').select('runs').where('id', '=', setId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.runs as string)).toMatchObject({ v: 2, common: { trigger: 'create', at } });
  });
});
