import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { login, logout, SESSION_TTL_MS } from '../../auth/index.js';
import { getUser } from '../../users/index.js';
import type { AppDeps } from '../deps.js';
import { SESSION_COOKIE } from '../request-context.js';
import { errors } from '../schemas.js';
import { UserSchema } from './users.js';

const LoginBody = Type.Object(
  {
    email: Type.String({ maxLength: 320 }),
    password: Type.String({ maxLength: 1000 }),
    totp: Type.Optional(Type.String({ maxLength: 16, description: 'Two-factor code (not enforced yet)' })),
  },
  { additionalProperties: false },
);

const SignedInUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  profile: Type.Union([Type.Literal('Administrator'), Type.Literal('Standard')]),
});

/** HttpOnly keeps the session away from scripts; Lax keeps it off cross-site POSTs. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Authentication'];

  r.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: Type.Object({ user: SignedInUser }), ...errors() },
      },
    },
    async (request, reply) => {
      const { email, password, totp } = request.body;
      const result = await login(deps.database.db, deps.clock, {
        email,
        password,
        totp,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, result.sessionToken, result.expiresAt);
      return { user: result.user };
    },
  );

  r.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears its cookie',
        security: [],
        response: { 204: Type.Null({ description: 'Signed out' }), ...errors() },
      },
    },
    async (request, reply) => {
      await logout(deps.database.db, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user',
        response: { 200: Type.Object({ user: UserSchema }), ...errors() },
      },
    },
    async (request, reply) => {
      // The browser's cookie would expire 30 days after sign-in even though the session slides;
      // the web app asks for /me when it loads, so renewing the cookie here keeps both in step.
      const token = request.cookies[SESSION_COOKIE];
      if (token && !request.headers.authorization) {
        setSessionCookie(request, reply, token, new Date(request.ctx.clock.now().getTime() + SESSION_TTL_MS));
      }
      return { user: await getUser(request.ctx, request.ctx.user.id) };
    },
  );
}
