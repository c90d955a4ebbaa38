import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../../access/index.js';
import type { Ctx } from '../../context.js';
import { DEMO_MODULES, DemoOperations, demoRecordCounts, totalOf } from '../../demo/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

const Counts = Type.Object(Object.fromEntries(DEMO_MODULES.map((m) => [m, Type.Integer()])), { additionalProperties: false });
const Operation = Type.Object(
  {
    action: Type.Union([Type.Literal('load'), Type.Literal('remove')]),
    status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    done: Type.Integer(),
    total: Type.Integer(),
    error: Type.Union([Type.Null(), Type.Object({ code: Type.String(), message: Type.String() })]),
    startedAt: Type.String(),
    finishedAt: Type.Union([Type.Null(), Type.String()]),
  },
  { additionalProperties: false },
);
const DemoState = Type.Object(
  {
    data: Type.Object(
      {
        loaded: Type.Boolean(),
        counts: Counts,
        operation: Type.Union([Type.Null(), Operation]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Sample data ([MOD-8]) for administrators: what is loaded, loading and removing it with progress. */
export async function demoRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Operations'];
  const operations = new DemoOperations();
  // Closing the server waits for a running load or removal instead of cutting it off mid-batch.
  app.addHook('onClose', async () => operations.idle());

  const stateOf = async (ctx: Ctx) => {
    const counts = await demoRecordCounts(ctx);
    return { data: { loaded: totalOf(counts) > 0, counts, operation: operations.current() } };
  };

  app.get('/demo-data', {
    schema: {
      tags,
      summary: 'Sample data: what is loaded and the last load or removal with its progress (administrators)',
      response: { 200: DemoState, ...errors() },
    },
    handler: async (req) => {
      requireAdmin(req.ctx);
      return stateOf(req.ctx);
    },
  });

  app.post('/demo-data', {
    schema: {
      tags,
      summary: 'Start loading sample data in the background (administrators); poll GET /demo-data for progress',
      response: { 202: DemoState, ...errors(409) },
    },
    handler: async (req, reply) => {
      requireAdmin(req.ctx);
      await operations.start(req.ctx, 'load');
      return reply.status(202).send(await stateOf(req.ctx));
    },
  });

  app.delete('/demo-data', {
    schema: {
      tags,
      summary: 'Start removing exactly the sample data in the background (administrators); poll GET /demo-data',
      response: { 202: DemoState, ...errors(409) },
    },
    handler: async (req, reply) => {
      requireAdmin(req.ctx);
      await operations.start(req.ctx, 'remove');
      return reply.status(202).send(await stateOf(req.ctx));
    },
  });
}
