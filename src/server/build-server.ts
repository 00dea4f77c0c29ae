/**
 * The HTTP server as a Fastify instance, built apart from listen() so tests use inject().
 * Order matters: security headers and cookies, then the auth hook (every /api/ route is closed
 * unless marked public), then routes; the web app's static files are served last.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { notFoundError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { registerAuthHook } from './auth/auth-hook.ts';
import { buildOpenApi, recordRoute, type RouteRecord } from './openapi.ts';
import { registerProblemHandlers } from './problem.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerCaseRoutes } from './routes/case-routes.ts';
import { registerFindingRoutes } from './routes/finding-routes.ts';
import { errorResponses } from './schema-helpers.ts';

export interface ServerOptions {
  store: Store;
  /** Folder of the built web app; default web/dist of this package. */
  webDir?: string;
  /** Login attempts per IP per window (default 10 a minute). */
  loginRateLimit?: { max: number; timeWindow: number };
  /** Largest request body in bytes (default 1 MiB: a bulk decision on 10,000 accounts fits). */
  bodyLimit?: number;
  secureCookies?: boolean;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/ route with its role: the OpenAPI document and the auth tests read it. */
    apiRoutes: RouteRecord[];
  }
}

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Hashed archive ids are 44 characters and an edge key holds two of them (default limit: 100).
    maxParamLength: 4096,
    trustProxy: false,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
      },
    },
  });
  const table: RouteRecord[] = [];
  app.decorate('apiRoutes', table);
  app.addHook('onRoute', (route) => recordRoute(table, route));

  registerProblemHandlers(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuthHook(app, options.store);

  registerAuthRoutes(app, {
    store: options.store,
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    secureCookies: options.secureCookies ?? false,
  });
  registerFindingRoutes(app, options.store);
  registerCaseRoutes(app, options.store);
  app.get('/api/openapi.json', {
    schema: {
      summary: 'This OpenAPI document',
      response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
    },
    handler: async () => buildOpenApi(table, '0.1.0'),
  });

  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
    });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET')
      throw notFoundError(
        `There is no ${request.method} ${request.url.split('?')[0]?.slice(0, 200)}`,
      );
    if (!hasWeb) {
      return reply
        .type('text/plain; charset=utf-8')
        .send(
          'The web app is not built: run `npm run build:web` (or `npm install`), then restart takedown serve.\n',
        );
    }
    // The single-page app routes in the browser (#/…); any other path gets the app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
