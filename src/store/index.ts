export { Store, withStore, DEFAULT_DB_PATH } from './store.ts';
export type { OpenOptions, Row, SqlParam, SqlParams } from './store.ts';
export { migrate, knownMigrations } from './migrate.ts';
export type { Migration } from './migrate.ts';
