import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  addStage,
  createPipeline,
  deletePipeline,
  deleteStage,
  getPipeline,
  listPipelines,
  updatePipeline,
  updateStage,
} from '../../sales/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const Stage = Type.Object({
  id: Type.String(),
  name: Type.String(),
  probability: Type.Number(),
  kind: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost'), Type.Literal('unqualified')]),
  order: Type.Integer({ description: '1-based position; open stages come first' }),
  fixed: Type.Boolean({ description: 'Won, Lost and Unqualified: renameable, not deletable' }),
});
const Pipeline = Type.Object({ id: Type.String(), name: Type.String(), default: Type.Boolean(), stages: Type.Array(Stage) });
const One = Type.Object({ data: Pipeline });
const Name = Type.String({ maxLength: 200 });
const Probability = Type.Number({ minimum: 0, maximum: 100 });
const PipelineParams = Type.Object({ id: IdParam });
const StageParams = Type.Object({ id: IdParam, stageId: IdParam });
const MoveTo = (what: string) =>
  Type.Object(
    { moveTo: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: what })) },
    { additionalProperties: false },
  );

/** Pipelines and their stages (API.md "Sales"); writes are for administrators. */
export async function pipelineRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Pipelines'];
  const stageBody = (required: boolean) => {
    const name = required ? Name : Type.Optional(Name);
    return Type.Object(
      {
        name,
        probability: Type.Optional(Type.Union([Probability, Type.Null()])),
        order: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        ...(required ? { kind: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('lost')])) } : {}),
      },
      { additionalProperties: false },
    );
  };

  app.get('/pipelines', {
    schema: {
      tags,
      summary: 'Pipelines with their stages in order',
      response: { 200: Type.Object({ data: Type.Array(Pipeline) }), ...errors() },
    },
    handler: async (req) => ({ data: await listPipelines(req.ctx) }),
  });

  app.get('/pipelines/:id', {
    schema: { tags, summary: 'One pipeline', params: PipelineParams, response: { 200: One, ...errors() } },
    handler: async (req) => ({ data: await getPipeline(req.ctx, (req.params as { id: string }).id) }),
  });

  app.post('/pipelines', {
    schema: {
      tags,
      summary: 'Create a pipeline (administrators)',
      description:
        'The stages given are the open ones, in order; Won, Lost and Unqualified are added. A stage without probability gets one spread evenly.',
      body: Type.Object(
        {
          name: Name,
          stages: Type.Array(
            Type.Object(
              { name: Name, probability: Type.Optional(Type.Union([Probability, Type.Null()])) },
              { additionalProperties: false },
            ),
            {
              minItems: 1,
              maxItems: 100,
            },
          ),
          default: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 201: One, ...errors(409) },
    },
    handler: async (req, reply) => reply.status(201).send({ data: await createPipeline(req.ctx, req.body as Record<string, unknown>) }),
  });

  app.patch('/pipelines/:id', {
    schema: {
      tags,
      summary: 'Rename a pipeline (its deals follow) or make it the default (administrators)',
      params: PipelineParams,
      body: Type.Object({ name: Type.Optional(Name), default: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: One, ...errors(409) },
    },
    handler: async (req) => ({
      data: await updatePipeline(req.ctx, (req.params as { id: string }).id, req.body as Record<string, unknown>),
    }),
  });

  app.delete('/pipelines/:id', {
    schema: {
      tags,
      summary: 'Delete a pipeline that is not the default (administrators)',
      params: PipelineParams,
      querystring: MoveTo('A stage of another pipeline its deals move to (required when it has deals)'),
      response: { 200: Type.Object({ data: Type.Object({ id: Type.String(), deleted: Type.Boolean() }) }), ...errors() },
    },
    handler: async (req) => {
      const { id } = req.params as { id: string };
      await deletePipeline(req.ctx, id, (req.query as { moveTo?: string }).moveTo);
      return { data: { id, deleted: true } };
    },
  });

  app.post('/pipelines/:id/stages', {
    schema: {
      tags,
      summary: 'Add a stage (administrators)',
      description: "An open stage goes at `order` (default: after the open stages); kind 'lost' adds a further closed stage at the end.",
      params: PipelineParams,
      body: stageBody(true),
      response: { 201: One, ...errors(409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ data: await addStage(req.ctx, (req.params as { id: string }).id, req.body as Record<string, unknown>) }),
  });

  app.patch('/pipelines/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Rename (its deals follow), set the probability of, or move a stage (administrators)',
      params: StageParams,
      body: stageBody(false),
      response: { 200: One, ...errors(409) },
    },
    handler: async (req) => {
      const { id, stageId } = req.params as { id: string; stageId: string };
      return { data: await updateStage(req.ctx, id, stageId, req.body as Record<string, unknown>) };
    },
  });

  app.delete('/pipelines/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Delete a stage (not Won, Lost or Unqualified) (administrators)',
      params: StageParams,
      querystring: MoveTo('Another stage of the pipeline its deals move to (required when it has deals)'),
      response: { 200: One, ...errors() },
    },
    handler: async (req) => {
      const { id, stageId } = req.params as { id: string; stageId: string };
      return { data: await deleteStage(req.ctx, id, stageId, (req.query as { moveTo?: string }).moveTo) };
    },
  });
}
