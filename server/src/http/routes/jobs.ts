import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../../access/index.js';
import { jobToJson, listJobs, retryJob } from '../../jobs/index.js';
import type { JobStatus } from '../../jobs/index.js';
import type { AppDeps } from '../deps.js';
import { IdParam, errors } from '../schemas.js';

const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  payload: Type.Object({}, { additionalProperties: true }),
  runAt: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  idempotencyKey: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  doneAt: Type.Union([Type.String(), Type.Null()]),
});

/** The job queue for administrators: what waits, what failed, and retrying a failed job. */
export async function jobRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['Operations'];
  app.get('/jobs', {
    schema: {
      tags,
      summary: 'Background jobs (administrators), oldest due first, at most 200',
      querystring: Type.Object(
        { status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('failed'), Type.Literal('done'), Type.Literal('cancelled')])) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: Type.Array(JobSchema) }), ...errors() },
    },
    handler: async (req) => {
      requireAdmin(req.ctx);
      return { data: (await listJobs(req.ctx, (req.query as { status?: JobStatus }).status)).map(jobToJson) };
    },
  });
  app.post('/jobs/:id/retry', {
    schema: {
      tags,
      summary: 'Run a failed or cancelled job again (administrators)',
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ data: JobSchema }), ...errors(409) },
    },
    handler: async (req) => {
      requireAdmin(req.ctx);
      const job = await retryJob(req.ctx, (req.params as { id: string }).id);
      void deps.jobs?.runDue().catch(() => {});
      return { data: jobToJson(job) };
    },
  });
}
