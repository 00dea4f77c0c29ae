/**
 * `takedown serve` and `takedown demo` in one call: open the store, make the first admin (once),
 * optionally a demo user, build the server and listen. Returns the URL and any credentials made,
 * so the caller prints them once.
 */
import type { FastifyInstance } from 'fastify';
import { Store } from '../store/index.ts';
import { addUser, bootstrapAdmin, findUser } from './auth/users.ts';
import type { Role } from './auth/roles.ts';
import { buildServer, type ServerOptions } from './build-server.ts';

export interface StartOptions {
  dbPath: string;
  port?: number;
  host?: string;
  /** Password of the first admin if none exists (default $TAKEDOWN_ADMIN_PASSWORD, else generated). */
  adminPassword?: string;
  /** A demo login to create if missing (for `takedown demo`). */
  demoUser?: { username: string; password: string; role?: Role };
  webDir?: string;
  loginRateLimit?: ServerOptions['loginRateLimit'];
  logger?: boolean;
}

export interface StartedServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** The first admin's credentials when this start created them (print once), else null. */
  admin: { username: string; password: string } | null;
  demo: { username: string; password: string } | null;
  close: () => Promise<void>;
}

export async function startServer(options: StartOptions): Promise<StartedServer> {
  const store = await Store.open(options.dbPath);
  try {
    const password = options.adminPassword ?? process.env['TAKEDOWN_ADMIN_PASSWORD'];
    const admin = await bootstrapAdmin(store, password ? { password } : {});
    let demo: StartedServer['demo'] = null;
    if (options.demoUser) {
      if (!(await findUser(store, options.demoUser.username))) {
        await addUser(store, {
          ...options.demoUser,
          role: options.demoUser.role ?? 'reviewer',
          createdBy: 'demo',
        });
      }
      demo = { username: options.demoUser.username, password: options.demoUser.password };
    }
    const app = await buildServer({
      store,
      ...(options.webDir ? { webDir: options.webDir } : {}),
      ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}),
      logger: options.logger ?? false,
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 8080, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    return {
      url,
      app,
      store,
      admin,
      demo,
      close: async () => {
        await app.close();
        store.close();
      },
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
