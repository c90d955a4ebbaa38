import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createView, deleteView, getView, listViews, updateView } from '../../views/index.js';
import type { AppDeps } from '../deps.js';
import { IdParam, ModuleParam, errors } from '../schemas.js';

const View = Type.Object({
  id: Type.String(),
  module: Type.String(),
  name: Type.String(),
  shared: Type.Boolean(),
  owner: Type.Object({ id: Type.String() }),
  filter: Type.Unknown(),
  sort: Type.Union([Type.String(), Type.Null()]),
  fields: Type.Union([Type.Array(Type.String()), Type.Null()]),
  perPage: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  modifiedAt: Type.String(),
});
const Body = Type.Object(
  {
    module: Type.Optional(ModuleParam),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    shared: Type.Optional(Type.Boolean()),
    filter: Type.Optional(Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })])),
    // Null first: with query coercion on, Ajv would turn a null into '' (or ['']) for the first branch.
    sort: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 300 })])),
    fields: Type.Optional(Type.Union([Type.Null(), Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })])),
    perPage: Type.Optional(Type.Union([Type.Null(), Type.Integer()])),
  },
  { additionalProperties: false },
);

/** Saved list views (not in API.md; documented here and in docs/api.md). */
export async function viewRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Saved views'];
  app.get('/views', {
    schema: {
      tags,
      summary: "My views and shared views (optionally of one module)",
      querystring: Type.Object({ module: Type.Optional(ModuleParam) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(View) }), ...errors() },
    },
    handler: async (req) => ({ data: await listViews(req.ctx, (req.query as { module?: string }).module) }),
  });
  app.get('/views/:id', {
    schema: { tags, summary: 'One saved view', params: Type.Object({ id: IdParam }), response: { 200: Type.Object({ data: View }), ...errors() } },
    handler: async (req) => ({ data: await getView(req.ctx, (req.params as { id: string }).id) }),
  });
  app.post('/views', {
    schema: { tags, summary: 'Save a list view', body: Body, response: { 201: Type.Object({ data: View }), ...errors() } },
    handler: async (req, reply) => reply.status(201).send({ data: await createView(req.ctx, req.body as Record<string, unknown>) }),
  });
  app.patch('/views/:id', {
    schema: { tags, summary: 'Change a saved view (its owner or an administrator)', params: Type.Object({ id: IdParam }), body: Body, response: { 200: Type.Object({ data: View }), ...errors() } },
    handler: async (req) => ({ data: await updateView(req.ctx, (req.params as { id: string }).id, req.body as Record<string, unknown>) }),
  });
  app.delete('/views/:id', {
    schema: { tags, summary: 'Delete a saved view', params: Type.Object({ id: IdParam }), response: { 204: Type.Null(), ...errors() } },
    handler: async (req, reply) => {
      await deleteView(req.ctx, (req.params as { id: string }).id);
      return reply.status(204).send();
    },
  });
}
