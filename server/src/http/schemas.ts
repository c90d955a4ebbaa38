import { type TSchema, Type } from '@sinclair/typebox';

/** Shared TypeBox schemas: they validate requests and generate the OpenAPI document. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Object({}, { additionalProperties: true }),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** A record: id, version and its fields by API name (shapes per field type, see API.md). */
export const RecordSchema = Type.Object(
  { id: Type.String(), version: Type.Integer() },
  { additionalProperties: true, description: 'A record; other properties are its fields by API name' },
);
export const RecordInput = Type.Object({}, { additionalProperties: true, description: 'Field values by API name' });

export const ModuleParam = Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$', maxLength: 64 });
export const IdParam = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const WriteResultSchema = Type.Object({
  status: Type.Union([Type.Literal('success'), Type.Literal('error')]),
  id: Type.Optional(Type.String()),
  record: Type.Optional(RecordSchema),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  details: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

export const PageInfo = Type.Object({
  perPage: Type.Integer(),
  page: Type.Optional(Type.Integer()),
  moreRecords: Type.Boolean(),
  nextCursor: Type.Optional(Type.String()),
});

/** The standard error answers every authenticated route may give. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const s of [400, 401, 403, 404, 413, 429, ...statuses]) out[s] = Type.Ref('ErrorResponse');
  return out;
}
