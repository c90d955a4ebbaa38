import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateRequest } from '../auth/index.js';
import type { ActingUser, Ctx } from '../context.js';
import { unauthenticated } from '../errors.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in user (health, login, docs). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'rapport_session';

/** Builds the Ctx of a signed-in request; routes marked public skip it. */
export function contextHook(deps: AppDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    // Unknown routes answer 404 whoever asks; public routes and the web app's files need no user.
    const url = request.routeOptions.url;
    if (!url || !url.startsWith('/api/v1') || request.routeOptions.config?.public) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const sessionToken = request.cookies?.[SESSION_COOKIE];
    const user = await authenticateRequest(deps.database.db, deps.clock, { sessionToken, bearer });
    if (!user) throw unauthenticated();
    request.ctx = await buildCtx(deps, user);
  };
}

export async function buildCtx(deps: AppDeps, user: ActingUser): Promise<Ctx> {
  const { db, dialect } = deps.database;
  return { db, dialect, meta: await deps.metaCache.get(db), user, clock: deps.clock };
}
