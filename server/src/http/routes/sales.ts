import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  type ConvertLeadRequest,
  convertLead,
  dealStageHistory,
  leadConversionSettings,
  saveLeadConversionMapping,
} from '../../sales/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const RecordRef = Type.Object({ id: IdParam }, { additionalProperties: false });
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));
const ConvertBody = Type.Object(
  {
    account: Type.Optional(RecordRef),
    contact: Type.Optional(RecordRef),
    deal: Type.Optional(
      Type.Object(
        {
          dealName: Nullable(Type.String({ maxLength: 1000 })),
          amount: Nullable(Type.Number()),
          stage: Nullable(Type.String({ maxLength: 300 })),
          closingDate: Nullable(Type.String({ maxLength: 100 })),
          pipeline: Nullable(Type.String({ maxLength: 300 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const Ref = Type.Object({ id: Type.String() });
const ConvertResult = Type.Object({
  contact: Ref,
  account: Ref,
  deal: Type.Optional(Ref),
  skipped: Type.Optional(
    Type.Array(Type.Object({ module: Type.String(), field: Type.String(), leadField: Type.String(), message: Type.String() }), {
      description: 'Lead values a target field did not accept (e.g. a picklist value it lacks): left out of the new record',
    }),
  ),
});
const Mapping = Type.Object(
  { leadField: Type.String({ maxLength: 64 }), module: Type.String({ maxLength: 64 }), field: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
const MappingSettings = Type.Object({
  mappings: Type.Array(Mapping),
  options: Type.Array(
    Type.Object({
      leadField: Type.String(),
      label: Type.String(),
      type: Type.String(),
      targets: Type.Object({ contacts: Type.Array(Type.String()), accounts: Type.Array(Type.String()), deals: Type.Array(Type.String()) }),
    }),
    { description: 'Per custom lead field, the fields of each module it may map to' },
  ),
});
const StageChange = Type.Object({
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.String(),
  at: Type.String(),
  user: Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  amount: Type.Union([Type.Number(), Type.Null()]),
  pipeline: Type.Union([Type.String(), Type.Null()]),
});

/** Lead conversion, its field mapping, and a deal's stage history (API.md "Sales"). */
export async function salesRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Sales'];

  app.post('/records/leads/:id/convert', {
    schema: {
      tags,
      summary: 'Convert a lead into a contact, an account and optionally a deal',
      description:
        'One transaction: any failure changes nothing. The account is the chosen one, else one named like the company ' +
        "(case-insensitively), else new; the contact is the chosen one, else one with the lead's email, else new. " +
        'Converting twice → 400 LEAD_CONVERTED.',
      params: Type.Object({ id: IdParam }),
      body: ConvertBody,
      response: { 200: Type.Object({ data: ConvertResult }), ...errors(409) },
    },
    handler: async (req) => ({ data: await convertLead(req.ctx, (req.params as { id: string }).id, req.body as ConvertLeadRequest) }),
  });

  app.get('/records/deals/:id/stage-history', {
    schema: {
      tags,
      summary: "A deal's stage changes, oldest first (its creation is the first, from null)",
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ data: Type.Array(StageChange) }), ...errors() },
    },
    handler: async (req) => ({ data: await dealStageHistory(req.ctx, (req.params as { id: string }).id) }),
  });

  app.get('/settings/lead-conversion', {
    schema: {
      tags: ['Settings'],
      summary: 'How custom lead fields map to contact, account and deal fields on conversion',
      response: { 200: Type.Object({ data: MappingSettings }), ...errors() },
    },
    handler: async (req) => ({ data: await leadConversionSettings(req.ctx) }),
  });

  app.put('/settings/lead-conversion', {
    schema: {
      tags: ['Settings'],
      summary: 'Replace the lead conversion mapping (administrators)',
      description: 'Each custom lead field maps at most once per module, to a field of a compatible type.',
      body: Type.Object({ mappings: Type.Array(Mapping, { maxItems: 500 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: MappingSettings }), ...errors() },
    },
    handler: async (req) => ({ data: await saveLeadConversionMapping(req.ctx, (req.body as { mappings: unknown }).mappings) }),
  });
}
