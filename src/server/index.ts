/** The HTTP API and web app server. */
export { buildServer, DEFAULT_WEB_DIR } from './build-server.ts';
export type { ServerOptions } from './build-server.ts';
export { startServer } from './start-server.ts';
export type { StartOptions, StartedServer } from './start-server.ts';
export { addUser, listUsers, bootstrapAdmin } from './auth/users.ts';
export type { User } from './auth/users.ts';
export { ROLES } from './auth/roles.ts';
export type { Role } from './auth/roles.ts';
