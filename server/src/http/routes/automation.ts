import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireManageMetadata } from '../../access/index.js';
import { createRule, deleteRule, dryRunWorkflowRule, getRule, listRules, listRuns, updateRule } from '../../automation/index.js';
import type { AutomationRuleKind } from '../../metadata/types.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam, ModuleParam } from '../schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Criteria = Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
  description: 'A filter (API.md "Filters"); null matches all',
});
const Loose = (description: string, maxItems = 50) =>
  Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems, description });

/** Request bodies per kind; the service checks their contents and names what is wrong. */
const BODIES: Record<AutomationRuleKind, TProperties> = {
  workflow: {
    active: Type.Optional(Type.Boolean()),
    trigger: Type.Object(
      {
        on: Type.String({ maxLength: 20, description: 'create, edit, createOrEdit, fieldUpdate, delete or date' }),
        fields: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
        date: Type.Optional(Type.Object({}, { additionalProperties: true })),
      },
      { additionalProperties: false },
    ),
    conditions: Loose('1–10 conditions {criteria, instant?: [action], scheduled?: [{after: {days?, hours?, minutes?}, actions}]}', 10),
    editor: Type.Optional(
      Type.Union([Type.Null(), Type.Literal('automaticTasks')], {
        description: "'automaticTasks': written by the automatic-tasks editor, which lists only such rules",
      }),
    ),
  },
  validation: {
    active: Type.Optional(Type.Boolean()),
    criteria: Criteria,
    message: Type.String({ minLength: 1, maxLength: 500 }),
    field: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  assignment: {
    entries: Loose('[{criteria, assignTo: {userId} | {roundRobin: [userId]}}]'),
    fallbackUserId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  },
  scoring: {
    active: Type.Optional(Type.Boolean()),
    entries: Loose('[{criteria, points}]', 100),
  },
};

const Rule = Type.Object(
  { id: Type.String(), name: Type.String(), module: Type.String(), createdAt: Type.String(), modifiedAt: Type.String() },
  { additionalProperties: true, description: "The rule's definition as sent, with id and timestamps" },
);
const RunSchema = Type.Object({
  id: Type.String(),
  record: Type.Object({ module: Type.String(), id: Type.String() }),
  trigger: Type.String(),
  eventSeq: Type.Union([Type.Integer(), Type.Null()]),
  condition: Type.Union([Type.Integer(), Type.Null()]),
  depth: Type.Integer(),
  status: Type.String(),
  actions: Type.Array(
    Type.Object({
      condition: Type.Integer(),
      group: Type.Union([Type.Integer(), Type.Null()]),
      index: Type.Integer(),
      type: Type.String(),
      status: Type.String(),
      error: Type.Optional(Type.String()),
    }),
  ),
  at: Type.String(),
});

const DryRunSchema = Type.Object({
  record: Type.Object({ module: Type.String(), id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  condition: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The first matching condition; null when none matches (nothing would happen)',
  }),
  nextDateFiring: Type.Union([Type.String(), Type.Null()], { description: 'Date rules: when the rule would next fire for this record' }),
  actions: Type.Array(
    Type.Object({
      condition: Type.Integer(),
      group: Type.Union([Type.Integer(), Type.Null()]),
      index: Type.Integer(),
      type: Type.String(),
      runAt: Type.String(),
      scheduled: Type.Boolean(),
      effect: Type.Object(
        {},
        {
          additionalProperties: true,
          description:
            'fieldUpdate/assignOwner: {field, from, to}; addTag: {field, tag, alreadyPresent}; createTask: {task}; emailNotification: {to, subject, html}; webhook: {url, headers, payload}',
        },
      ),
    }),
  ),
});
const RecordId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

const PATHS: Record<AutomationRuleKind, string> = {
  workflow: 'workflow-rules',
  validation: 'validation-rules',
  assignment: 'assignment-rules',
  scoring: 'scoring-rules',
};

function strictBody(props: TProperties, partial: boolean): TObject {
  const all: TProperties = { name: Name, module: ModuleParam, ...props };
  const fields = partial ? Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Type.Optional(v)])) : all;
  return Type.Object(fields, { additionalProperties: false });
}

/** API.md "Automation": rules are metadata (administrators write them, everyone signed in reads). */
export async function automationRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Automation'];
  for (const kind of Object.keys(PATHS) as AutomationRuleKind[]) {
    const base = `/automation/${PATHS[kind]}`;
    const Params = Type.Object({ id: IdParam });
    app.get(base, {
      schema: {
        tags,
        summary: `List ${kind} rules`,
        querystring: Type.Object({ module: Type.Optional(ModuleParam) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(Rule) }), ...errors() },
      },
      handler: async (req) => ({ data: await listRules(req.ctx, kind, (req.query as { module?: string }).module) }),
    });
    app.get(`${base}/:id`, {
      schema: { tags, summary: `One ${kind} rule`, params: Params, response: { 200: Type.Object({ data: Rule }), ...errors() } },
      handler: async (req) => ({ data: await getRule(req.ctx, kind, (req.params as { id: string }).id) }),
    });
    app.post(base, {
      schema: {
        tags,
        summary: `Create a ${kind} rule${kind === 'workflow' ? ' (the answer carries the webhook signing secret, shown only here)' : ''}`,
        body: strictBody(BODIES[kind], false),
        response: { 201: Type.Object({ data: Rule }), ...errors() },
      },
      handler: async (req, reply) => {
        requireManageMetadata(req.ctx);
        return reply.status(201).send({ data: await createRule(req.ctx, kind, req.body as Record<string, unknown>) });
      },
    });
    app.patch(`${base}/:id`, {
      schema: {
        tags,
        summary: `Change a ${kind} rule`,
        params: Params,
        body: strictBody(BODIES[kind], true),
        response: { 200: Type.Object({ data: Rule }), ...errors() },
      },
      handler: async (req) => {
        requireManageMetadata(req.ctx);
        return { data: await updateRule(req.ctx, kind, (req.params as { id: string }).id, req.body as Record<string, unknown>) };
      },
    });
    app.delete(`${base}/:id`, {
      schema: {
        tags,
        summary: `Delete a ${kind} rule`,
        params: Params,
        response: { 200: Type.Object({ data: Type.Object({ id: Type.String(), deleted: Type.Boolean() }) }), ...errors() },
      },
      handler: async (req) => {
        requireManageMetadata(req.ctx);
        const { id } = req.params as { id: string };
        await deleteRule(req.ctx, kind, id);
        return { data: { id, deleted: true } };
      },
    });
  }
  app.post('/automation/workflow-rules/:id/test', {
    schema: {
      tags,
      summary: 'Run a saved workflow rule dry against a record: what it would do, doing nothing',
      params: Type.Object({ id: IdParam }),
      body: Type.Object({ recordId: RecordId }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: DryRunSchema }), ...errors() },
    },
    handler: async (req) => {
      requireManageMetadata(req.ctx);
      const { id } = req.params as { id: string };
      await getRule(req.ctx, 'workflow', id);
      return { data: await dryRunWorkflowRule(req.ctx, { ruleId: id }, (req.body as { recordId: string }).recordId) };
    },
  });
  app.post('/automation/workflow-rules/test', {
    schema: {
      tags,
      summary: 'Run a not-yet-saved workflow rule dry against a record (the rule is checked as on create)',
      body: Type.Object({ rule: strictBody(BODIES.workflow, false), recordId: RecordId }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: DryRunSchema }), ...errors() },
    },
    handler: async (req) => {
      requireManageMetadata(req.ctx);
      const body = req.body as { rule: Record<string, unknown>; recordId: string };
      return { data: await dryRunWorkflowRule(req.ctx, { definition: body.rule }, body.recordId) };
    },
  });
  app.get('/automation/workflow-rules/:id/runs', {
    schema: {
      tags,
      summary: "A workflow rule's latest 100 runs: record, trigger, matched condition, each action's outcome",
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ data: Type.Array(RunSchema) }), ...errors() },
    },
    handler: async (req) => {
      const { id } = req.params as { id: string };
      await getRule(req.ctx, 'workflow', id);
      return { data: await listRuns(req.ctx.db, id) };
    },
  });
}
