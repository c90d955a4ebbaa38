import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppDeps } from './deps.js';
import { errorBody, handleError } from './error-mapper.js';
import { rejectHostileInput } from './input-guards.js';
import { contextHook } from './request-context.js';
import { registerRoutes } from './routes/index.js';
import { registerWebApp } from './web-app.js';

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps, opts: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    trustProxy: process.env.RAPPORT_TRUST_PROXY === '1',
    // Errors raised before routing (a bad URL, an over-long path parameter) get the API error body too.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      return (reply as FastifyReply).status(status).send(errorBody('INVALID_REQUEST', err.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed' : err.message));
    },
    // Errors of the HTTP parser itself (headers too large, garbage on the wire) answer in JSON as well.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
      const status = tooLarge ? 431 : 400;
      const body = JSON.stringify(errorBody(tooLarge ? 'INVALID_REQUEST' : 'INVALID_REQUEST', tooLarge ? 'The request headers (or URL) are too large' : 'Malformed HTTP request'));
      socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  // The API speaks JSON only: without Fastify's text parser a text/plain body is a 415.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );

  await app.register(helmet, {
    // The API docs page loads its own inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rapport REST API',
        version: '1.0.0',
        description: 'The v1 API of Rapport. See docs/api.md for the conventions and error codes.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  app.addHook('onRoute', (route) => {
    // The docs UI's own asset routes are public.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // Who is asking is settled first, before the body is even parsed: an anonymous caller gets 401
  // whatever it sent (an empty or malformed body included), never a 400 about the schema.
  app.addHook('onRequest', contextHook(deps));
  // After schema validation (which coerces the query string), before any handler.
  app.addHook('preHandler', rejectHostileInput);
  await app.register(async (api) => registerRoutes(api, deps), { prefix: '/api/v1' });
  await registerWebApp(app);
  return app;
}
