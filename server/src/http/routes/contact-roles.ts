import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  addContactRole,
  contactRoleOptions,
  listContactRoles,
  removeContactRole,
  saveContactRoleOptions,
  updateContactRole,
} from '../../sales/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const RoleName = Type.String({ minLength: 1, maxLength: 100 });
const ContactRole = Type.Object({
  id: Type.String(),
  contact: Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  role: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
const DealParams = Type.Object({ id: IdParam });
const RoleParams = Type.Object({ id: IdParam, roleId: IdParam });
const ContactRef = Type.Union([IdParam, Type.Object({ id: IdParam }, { additionalProperties: false })], {
  description: 'The contact: its id, or {"id"}',
});

/** Contact roles on deals and their role picklist (issue 4, "Deal page"; docs/api.md "Contact roles"). */
export async function contactRoleRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Sales'];

  app.get('/records/deals/:id/contact-roles', {
    schema: {
      tags,
      summary: 'The contacts on a deal with their roles, in the order they were added',
      params: DealParams,
      response: { 200: Type.Object({ data: Type.Array(ContactRole) }), ...errors() },
    },
    handler: async (req) => ({ data: await listContactRoles(req.ctx, (req.params as { id: string }).id) }),
  });

  app.post('/records/deals/:id/contact-roles', {
    schema: {
      tags,
      summary: 'Put a contact on a deal with a role',
      description:
        'role is a value of the contact-role picklist (GET /settings/contact-roles) or null. A contact already on the deal → 409 DUPLICATE_DATA.',
      params: DealParams,
      body: Type.Object({ contact: ContactRef, role: Type.Optional(Type.Union([Type.Null(), RoleName])) }, { additionalProperties: false }),
      response: { 201: Type.Object({ data: ContactRole }), ...errors(409) },
    },
    handler: async (req, reply) => {
      const body = req.body as { contact: unknown; role?: unknown };
      reply.code(201);
      return { data: await addContactRole(req.ctx, (req.params as { id: string }).id, body) };
    },
  });

  app.patch('/records/deals/:id/contact-roles/:roleId', {
    schema: {
      tags,
      summary: "Change a contact's role on a deal",
      params: RoleParams,
      body: Type.Object({ role: Type.Union([Type.Null(), RoleName]) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: ContactRole }), ...errors() },
    },
    handler: async (req) => {
      const { id, roleId } = req.params as { id: string; roleId: string };
      return { data: await updateContactRole(req.ctx, id, roleId, req.body as { role: unknown }) };
    },
  });

  app.delete('/records/deals/:id/contact-roles/:roleId', {
    schema: {
      tags,
      summary: 'Take a contact off a deal',
      params: RoleParams,
      response: { 200: Type.Object({ data: Type.Object({ id: Type.String(), deleted: Type.Boolean() }) }), ...errors() },
    },
    handler: async (req) => {
      const { id, roleId } = req.params as { id: string; roleId: string };
      await removeContactRole(req.ctx, id, roleId);
      return { data: { id: roleId, deleted: true } };
    },
  });

  app.get('/settings/contact-roles', {
    schema: {
      tags: ['Settings'],
      summary: 'The contact-role picklist',
      response: { 200: Type.Object({ data: Type.Object({ options: Type.Array(Type.String()) }) }), ...errors() },
    },
    handler: async (req) => ({ data: { options: await contactRoleOptions(req.ctx) } }),
  });

  app.put('/settings/contact-roles', {
    schema: {
      tags: ['Settings'],
      summary: 'Replace the contact-role picklist (administrators)',
      description: 'Roles already given keep their value even when it leaves the list.',
      body: Type.Object({ options: Type.Array(RoleName, { maxItems: 100 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Object({ options: Type.Array(Type.String()) }) }), ...errors() },
    },
    handler: async (req) => ({ data: { options: await saveContactRoleOptions(req.ctx, (req.body as { options: unknown }).options) } }),
  });
}
