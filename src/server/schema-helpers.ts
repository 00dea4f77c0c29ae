/**
 * Small builders for the JSON schemas on every route. Response schemas are what Fastify
 * serialises with: a field not in the schema never leaves the server.
 */
declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
  }
}

export type JsonSchema = Record<string, unknown>;

export const str: JsonSchema = { type: 'string' };
export const int: JsonSchema = { type: 'integer' };
export const num: JsonSchema = { type: 'number' };
export const bool: JsonSchema = { type: 'boolean' };
/** Any JSON value (detection's free-form detail); serialised as is. */
export const anyJson: JsonSchema = {};

export const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });
export const arr = (items: JsonSchema, maxItems?: number): JsonSchema => ({
  type: 'array',
  items,
  ...(maxItems ? { maxItems } : {}),
});
export const enumOf = (values: readonly string[]): JsonSchema => ({
  type: 'string',
  enum: [...values],
});

/** An object whose listed properties are all required unless named in `optional`. */
export function obj(
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

/** RFC 9457 problem details. */
export const problemSchema = obj({ type: str, title: str, status: int, code: str, detail: str }, [
  'type',
  'detail',
]);

/** Error responses every route can give. */
export const errorResponses: Record<string, JsonSchema> = {
  '4xx': problemSchema,
  '5xx': problemSchema,
};

/** Query parameters of paged lists. */
export const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
};

export const idParam = (name: string): JsonSchema => ({
  type: 'object',
  properties: { [name]: { type: 'string', minLength: 1, maxLength: 256 } },
  required: [name],
  additionalProperties: false,
});
