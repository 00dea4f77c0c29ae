/**
 * Forward-only schema migrations. Each migration has a stable id; the set of applied ids is kept
 * in `schema_migrations`, so migrations written by different stages can be added side by side.
 * They run in id order, each in its own transaction.
 */
import { storeError } from '../model/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Store } from './store.ts';

export interface Migration {
  /** Stable id, sorted lexically: NNNN-name (0001–0099 core, 01xx detection, 02xx policy, 03xx media/identity, 04xx cases, 05xx export). */
  id: string;
  /** What it adds, for `takedown db info`. */
  description: string;
  sql: string;
}

/** Brings the schema up to date; returns the ids it applied. */
export async function migrate(store: Store): Promise<string[]> {
  await store.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)',
  );
  const done = new Set((await store.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const pending = [...MIGRATIONS].sort((a, b) => a.id.localeCompare(b.id)).filter((m) => !done.has(m.id));
  const applied: string[] = [];
  for (const m of pending) {
    try {
      await store.transaction(async (tx) => {
        await tx.run(m.sql);
        await tx.run('INSERT INTO schema_migrations (id, description) VALUES ($1, $2)', [m.id, m.description]);
      });
    } catch (cause) {
      throw storeError(`Cannot migrate the database ${store.path} to ${m.id}`, cause);
    }
    applied.push(m.id);
  }
  return applied;
}

/** The ids of migrations the code knows, in order (the newest is the schema version). */
export function knownMigrations(): string[] {
  return MIGRATIONS.map((m) => m.id).sort();
}
