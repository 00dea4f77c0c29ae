/** Login, logout, who am I, and user management (admin). */
import type { FastifyInstance } from 'fastify';
import { TakedownError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { sessionOf } from '../auth/auth-hook.ts';
import { ROLES } from '../auth/roles.ts';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, deleteSession } from '../auth/sessions.ts';
import { addUser, authenticateUser, listUsers } from '../auth/users.ts';
import { user } from '../api-schemas.ts';
import { arr, enumOf, errorResponses, nullable, obj, str } from '../schema-helpers.ts';

export interface AuthRouteOptions {
  store: Store;
  /** Login attempts allowed per IP and window. */
  loginRateLimit: { max: number; timeWindow: number };
  /** Mark cookies Secure (when served over HTTPS). */
  secureCookies: boolean;
}

const me = obj({ username: str, role: str, csrfToken: nullable(str) });

export function registerAuthRoutes(app: FastifyInstance, o: AuthRouteOptions): void {
  app.post<{ Body: { username: string; password: string; mode?: 'cookie' | 'token' } }>(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: o.loginRateLimit.max, timeWindow: o.loginRateLimit.timeWindow },
      },
      schema: {
        summary:
          'Log in with a local user: sets an httpOnly session cookie (mode cookie) or returns a bearer token (mode token)',
        body: obj(
          {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            mode: enumOf(['cookie', 'token']),
          },
          ['mode'],
        ),
        response: {
          200: obj({ username: str, role: str, csrfToken: nullable(str), token: nullable(str) }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const u = await authenticateUser(o.store, request.body.username, request.body.password);
        if (!u)
          throw new TakedownError({
            code: 'bad_credentials',
            title: 'Wrong user name or password',
            status: 401,
          });
        const mode = request.body.mode ?? 'cookie';
        const s = await createSession(o.store, u.username, mode);
        if (mode === 'cookie') {
          const base = {
            path: '/',
            sameSite: 'strict' as const,
            secure: o.secureCookies,
            expires: new Date(s.expiresMs),
          };
          void reply.setCookie(SESSION_COOKIE, s.secret, { ...base, httpOnly: true });
          // Readable by the page's script, which echoes it in the x-csrf-token header (double submit).
          void reply.setCookie(CSRF_COOKIE, s.csrfToken ?? '', { ...base, httpOnly: false });
        }
        return {
          username: u.username,
          role: u.role,
          csrfToken: s.csrfToken,
          token: mode === 'token' ? s.secret : null,
        };
      },
    },
  );

  app.post('/api/auth/logout', {
    config: { role: 'viewer' },
    schema: {
      summary: 'End the current session',
      response: { 200: obj({ ok: { type: 'boolean' } }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteSession(o.store, sessionOf(request).tokenHash);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  app.get('/api/auth/me', {
    schema: {
      summary: 'The logged-in user, and the CSRF token of a cookie session',
      response: { 200: me, ...errorResponses },
    },
    handler: async (request) => {
      const s = sessionOf(request);
      return { username: s.user.username, role: s.user.role, csrfToken: s.csrfToken };
    },
  });

  app.get('/api/users', {
    config: { role: 'admin' },
    schema: {
      summary: 'List users (admin)',
      response: { 200: obj({ items: arr(user) }), ...errorResponses },
    },
    handler: async () => ({ items: await listUsers(o.store) }),
  });

  app.post<{ Body: { username: string; password: string; role: string } }>('/api/users', {
    config: { role: 'admin' },
    schema: {
      summary: 'Add a user (admin)',
      body: obj({
        username: { type: 'string', minLength: 1, maxLength: 64 },
        password: { type: 'string', minLength: 12, maxLength: 1024 },
        role: enumOf(ROLES),
      }),
      response: { 200: user, ...errorResponses },
    },
    handler: async (request) =>
      addUser(o.store, { ...request.body, createdBy: sessionOf(request).user.username }),
  });
}
