import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.js';
import {
  createCustomModule,
  createField,
  deleteCustomModule,
  deleteField,
  moduleJson,
  updateField,
  updateLayout,
  updateModule,
} from '../../metadata/index.js';
import type { FieldDef, ModuleDef } from '../../metadata/index.js';
import type { AppDeps } from '../deps.js';
import { ModuleParam, errors } from '../schemas.js';

const Any = Type.Object({}, { additionalProperties: true });
const FieldSchema = Type.Object(
  {
    apiName: Type.String(),
    label: Type.String(),
    type: Type.String(),
    required: Type.Boolean(),
    unique: Type.Boolean(),
    readOnly: Type.Boolean(),
    custom: Type.Boolean(),
    system: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.String(), retired: Type.Optional(Type.Boolean()) }))),
    lookupModule: Type.Optional(Type.String()),
    maxLength: Type.Optional(Type.Integer()),
    decimals: Type.Optional(Type.Integer()),
    defaultValue: Type.Optional(Type.Unknown()),
    tooltip: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
const LayoutSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  sections: Type.Array(Type.Object({ title: Type.String(), fields: Type.Array(Type.String()) })),
});
const ModuleSummary = Type.Object(
  {
    apiName: Type.String(),
    label: Type.String(),
    singularLabel: Type.String(),
    custom: Type.Boolean(),
    hidden: Type.Boolean(),
    recordName: Any,
  },
  { additionalProperties: true },
);
const FieldBody = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: 200 })),
    type: Type.Optional(Type.String({ maxLength: 40 })),
    apiName: Type.Optional(Type.String({ maxLength: 100 })),
    required: Type.Optional(Type.Boolean()),
    unique: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 1000 })),
    renameOptions: Type.Optional(Type.Object({}, { additionalProperties: Type.String({ maxLength: 300 }) })),
    lookupModule: Type.Optional(Type.String({ maxLength: 64 })),
    maxLength: Type.Optional(Type.Integer()),
    decimals: Type.Optional(Type.Integer()),
    defaultValue: Type.Optional(Type.Unknown()),
    tooltip: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 300 })])),
  },
  { additionalProperties: false },
);
const FieldParams = Type.Object({ module: ModuleParam, apiName: Type.String({ maxLength: 64 }) });

export function fieldJson(f: FieldDef) {
  const { module: _m, sortOrder: _s, ...rest } = f;
  return rest;
}

function moduleOf(req: { ctx: { meta: { modulesByName: ReadonlyMap<string, ModuleDef> } } }, name: string): ModuleDef {
  const m = req.ctx.meta.modulesByName.get(name);
  if (!m) throw notFound(`The module '${name}'`);
  return m;
}

export async function metadataRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['Metadata'];

  app.get('/modules', {
    schema: { tags, summary: 'List modules', response: { 200: Type.Object({ data: Type.Array(ModuleSummary) }), ...errors() } },
    handler: async (req) => ({ data: req.ctx.meta.modules.map(moduleJson) }),
  });

  app.post('/modules', {
    schema: {
      tags,
      summary: 'Create a custom module (administrators)',
      body: Type.Object(
        {
          label: Type.String({ maxLength: 200 }),
          singularLabel: Type.String({ maxLength: 200 }),
          apiName: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: Type.Object({ data: Any }), ...errors(409) },
    },
    handler: async (req, reply) => {
      const apiName = await createCustomModule(req.ctx, req.body as Record<string, unknown>);
      const m = (await deps.metaCache.get(req.ctx.db)).modulesByName.get(apiName) as ModuleDef;
      return reply.status(201).send({ data: { ...moduleJson(m), fields: m.fields.map(fieldJson), layouts: m.layouts } });
    },
  });

  app.get('/modules/:module', {
    schema: { tags, summary: 'A module with its fields and layouts', params: Type.Object({ module: ModuleParam }), response: { 200: Any, ...errors() } },
    handler: async (req) => {
      const m = moduleOf(req, (req.params as { module: string }).module);
      return { data: { ...moduleJson(m), fields: m.fields.map(fieldJson), layouts: m.layouts }, ...moduleJson(m), fields: m.fields.map(fieldJson), layouts: m.layouts };
    },
  });

  app.patch('/modules/:module', {
    schema: {
      tags,
      summary: 'Rename or hide a module (administrators)',
      params: Type.Object({ module: ModuleParam }),
      body: Type.Object(
        {
          label: Type.Optional(Type.String({ maxLength: 200 })),
          singularLabel: Type.Optional(Type.String({ maxLength: 200 })),
          hidden: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: ModuleSummary }), ...errors() },
    },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      await updateModule(req.ctx, module, req.body as Record<string, unknown>);
      const m = (await deps.metaCache.get(req.ctx.db)).modulesByName.get(module) as ModuleDef;
      return { data: moduleJson(m) };
    },
  });

  app.delete('/modules/:module', {
    schema: {
      tags,
      summary: 'Delete a custom module with its records (administrators); refused while lookups, activities or rules point at it',
      params: Type.Object({ module: ModuleParam }),
      response: { 204: Type.Null(), ...errors(409) },
    },
    handler: async (req, reply) => {
      await deleteCustomModule(req.ctx, (req.params as { module: string }).module);
      return reply.status(204).send();
    },
  });

  app.get('/modules/:module/fields', {
    schema: { tags, summary: "A module's fields", params: Type.Object({ module: ModuleParam }), response: { 200: Type.Object({ data: Type.Array(FieldSchema) }), ...errors() } },
    handler: async (req) => ({ data: moduleOf(req, (req.params as { module: string }).module).fields.map(fieldJson) }),
  });

  app.post('/modules/:module/fields', {
    schema: {
      tags,
      summary: 'Add a custom field (administrators)',
      params: Type.Object({ module: ModuleParam }),
      body: FieldBody,
      response: { 201: Type.Object({ data: FieldSchema }), ...errors(409) },
    },
    handler: async (req, reply) => {
      const field = await createField(req.ctx, (req.params as { module: string }).module, req.body as Record<string, unknown>);
      return reply.status(201).send({ data: fieldJson(field) });
    },
  });

  app.patch('/modules/:module/fields/:apiName', {
    schema: {
      tags,
      summary: 'Change a field: label, required, unique, default, picklist options (add, rename, reorder, retire)',
      params: FieldParams,
      body: FieldBody,
      response: { 200: Type.Object({ data: FieldSchema }), ...errors(409) },
    },
    handler: async (req) => {
      const { module, apiName } = req.params as { module: string; apiName: string };
      return { data: fieldJson(await updateField(req.ctx, module, apiName, req.body as Record<string, unknown>)) };
    },
  });

  app.delete('/modules/:module/fields/:apiName', {
    schema: { tags, summary: 'Delete a custom field and its data (administrators)', params: FieldParams, response: { 204: Type.Null(), ...errors() } },
    handler: async (req, reply) => {
      const { module, apiName } = req.params as { module: string; apiName: string };
      await deleteField(req.ctx, module, apiName);
      return reply.status(204).send();
    },
  });

  app.get('/modules/:module/layouts', {
    schema: { tags, summary: "A module's layouts", params: Type.Object({ module: ModuleParam }), response: { 200: Type.Object({ data: Type.Array(LayoutSchema) }), ...errors() } },
    handler: async (req) => ({ data: moduleOf(req, (req.params as { module: string }).module).layouts }),
  });

  app.patch('/modules/:module/layouts/:layoutId', {
    schema: {
      tags,
      summary: 'Change a layout: its name, sections and field order (administrators)',
      params: Type.Object({ module: ModuleParam, layoutId: Type.String({ maxLength: 64 }) }),
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 200 })),
          sections: Type.Optional(
            Type.Array(Type.Object({ title: Type.String({ maxLength: 200 }), fields: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 }) }), {
              maxItems: 100,
            }),
          ),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: LayoutSchema }), ...errors() },
    },
    handler: async (req) => {
      const { module, layoutId } = req.params as { module: string; layoutId: string };
      return { data: await updateLayout(req.ctx, module, layoutId, req.body as Record<string, unknown>) };
    },
  });
}
