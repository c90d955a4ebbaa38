import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createUser, getUser, listUsers, updateUser } from '../../users/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const Profile = Type.Union([Type.Literal('Administrator'), Type.Literal('Standard')]);
const Role = Type.Union([Type.String({ maxLength: 255 }), Type.Null()]);
const TimeZone = Type.String({ maxLength: 64, description: "IANA time zone, e.g. 'Europe/Paris'" });
const Locale = Type.String({ maxLength: 35, description: "BCP 47 language tag, e.g. 'en' or 'fr-CA'" });
// The minimum is the service's to check, so a short password answers INVALID_DATA naming the field.
const Password = Type.String({ maxLength: 1000, description: '8 to 1000 characters' });

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  profile: Profile,
  active: Type.Boolean(),
  timeZone: Type.String(),
  locale: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const CreateUserBody = Type.Object(
  {
    email: Type.String({ maxLength: 255 }),
    name: Type.String({ maxLength: 255 }),
    password: Type.Optional(Password),
    profile: Profile,
    role: Type.Optional(Role),
    timeZone: Type.Optional(TimeZone),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 255 })),
    profile: Type.Optional(Profile),
    role: Type.Optional(Role),
    active: Type.Optional(Type.Boolean()),
    timeZone: Type.Optional(TimeZone),
    locale: Type.Optional(Locale),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

const IdParams = Type.Object({ id: IdParam });
const OneUser = Type.Object({ data: UserSchema });

export async function userRoutes(app: FastifyInstance, _deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Users'];

  r.get(
    '/users',
    {
      schema: { tags, summary: 'All users', response: { 200: Type.Object({ data: Type.Array(UserSchema) }), ...errors() } },
    },
    async (request) => ({ data: await listUsers(request.ctx) }),
  );

  r.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: IdParams, response: { 200: OneUser, ...errors() } } },
    async (request) => ({ data: await getUser(request.ctx, request.params.id) }),
  );

  r.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (administrators)',
        body: CreateUserBody,
        response: { 201: OneUser, ...errors(409) },
      },
    },
    async (request, reply) => reply.status(201).send({ data: await createUser(request.ctx, request.body) }),
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (administrators; anyone for their own name, time zone, locale and password)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: OneUser, ...errors() },
      },
    },
    async (request) => ({ data: await updateUser(request.ctx, request.params.id, request.body) }),
  );
}
