import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireAdmin } from '../../access/index.js';
import { AdjustableClock } from '../../clock.js';
import { purgeExpired } from '../../records/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

/** Only with RAPPORT_TEST_CLOCK=1 (API.md "Test clock"); otherwise the path does not exist (404). */
export async function testClockRoutes(app: FastifyInstance, deps: AppDeps) {
  const clock = deps.clock;
  if (!deps.config.testClock || !(clock instanceof AdjustableClock)) return;
  app.post('/test-clock/advance', {
    schema: {
      tags: ['Operations'],
      summary: 'Move the server clock forward (test servers only) and run what became due',
      body: Type.Object({ minutes: Type.Integer({ minimum: 0, maximum: 5_256_000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ now: Type.String() }), ...errors() },
    },
    handler: async (req) => {
      requireAdmin(req.ctx);
      clock.advance((req.body as { minutes: number }).minutes * 60_000);
      // Run what became due: the recycle bin's retention and every due job (outbox first).
      await purgeExpired(deps.database.db, clock.now(), deps.config.recycleBinRetentionDays);
      await deps.jobs?.runDue();
      return { now: clock.now().toISOString() };
    },
  });
}
