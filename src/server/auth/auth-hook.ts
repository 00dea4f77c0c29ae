/**
 * Authentication and authorisation of every /api/ request, before any route runs: a valid
 * session cookie or bearer token (else 401), the route's role (else 403), and for cookie
 * sessions on mutating methods the double-submit CSRF header bound to the session (else 403).
 * Routes opt out only with `config.public` (login). Unknown /api/ paths get 401 too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TakedownError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { hasRole, type Role } from './roles.ts';
import { CSRF_HEADER, SESSION_COOKIE, checkCsrf, findSession, type Session } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Least role allowed to call the route; GET routes default to viewer. */
    role?: Role;
    /** No session needed (login only). */
    public?: boolean;
  }
  interface FastifyRequest {
    session: Session | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthenticated = (): TakedownError =>
  new TakedownError({ code: 'unauthenticated', title: 'Log in first', status: 401 });
const forbidden = (title: string): TakedownError =>
  new TakedownError({ code: 'forbidden', title, status: 403 });

async function readSession(store: Store, request: FastifyRequest): Promise<Session | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!m) return undefined;
    const s = await findSession(store, m[1] as string);
    return s?.kind === 'token' ? s : undefined;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const s = await findSession(store, cookie);
  return s?.kind === 'cookie' ? s : undefined;
}

export function registerAuthHook(app: FastifyInstance, store: Store): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && request.url !== '/api') return;
    const config = request.routeOptions.config;
    if (config?.public) return;
    const session = await readSession(store, request);
    if (!session) throw unauthenticated();
    request.session = session;
    const method = request.method.toUpperCase();
    const needs: Role = config?.role ?? (SAFE.has(method) ? 'viewer' : 'admin');
    if (!hasRole(session.user.role, needs))
      throw forbidden(`This needs the ${needs} role; you are ${session.user.role}`);
    if (!SAFE.has(method) && session.kind === 'cookie') {
      const token = request.headers[CSRF_HEADER];
      if (!checkCsrf(session, typeof token === 'string' ? token : undefined)) {
        throw forbidden(`Missing or wrong ${CSRF_HEADER} header: reload the page and try again`);
      }
    }
  });
}

/** The session of an authenticated request (the hook guarantees one outside public routes). */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw unauthenticated();
  return request.session;
}
