/**
 * The OpenAPI 3.1 document, built from the schemas the routes are validated and serialised with
 * (collected by an onRoute hook), so it cannot drift from what the server does.
 */
import type { RouteOptions } from 'fastify';
import type { JsonSchema } from './schema-helpers.ts';

export interface RouteRecord {
  method: string;
  url: string;
  role: string | null;
  public: boolean;
  schema: Record<string, unknown>;
}

/** Collects routes under /api/ as they are added. */
export function recordRoute(table: RouteRecord[], route: RouteOptions): void {
  if (!route.url.startsWith('/api/')) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  for (const m of methods) {
    if (m === 'HEAD') continue;
    const config = (route.config ?? {}) as { role?: string; public?: boolean };
    table.push({
      method: m,
      url: route.url,
      role: config.role ?? (m === 'GET' ? 'viewer' : 'admin'),
      public: !!config.public,
      schema: (route.schema ?? {}) as Record<string, unknown>,
    });
  }
}

function parametersOf(schema: JsonSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const props = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

export function buildOpenApi(
  table: readonly RouteRecord[],
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of table) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const s = r.schema;
    const responses: Record<string, unknown> = {};
    for (const [code, body] of Object.entries(
      (s['response'] ?? {}) as Record<string, JsonSchema>,
    )) {
      const key = code.toUpperCase();
      responses[key] = {
        description: key === '200' ? 'OK' : 'Problem details (RFC 9457)',
        content: {
          [key === '200' ? 'application/json' : 'application/problem+json']: { schema: body },
        },
      };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: s['summary'] ?? '',
      'x-role': r.public ? 'public' : r.role,
      security: r.public ? [] : [{ session: [] }, { bearer: [] }],
      parameters: [
        ...parametersOf(s['params'] as JsonSchema | undefined, 'path'),
        ...parametersOf(s['querystring'] as JsonSchema | undefined, 'query'),
      ],
      ...(s['body']
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: s['body'] } } },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'takedown API',
      version,
      description:
        'Every route needs a session cookie (plus the x-csrf-token header on POST) or a bearer token; roles viewer < analyst < reviewer < admin.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'takedown_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
