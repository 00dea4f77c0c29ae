import type { Command } from 'commander';
import { knownMigrations, withStore } from '../store/index.ts';
import { dbOption, printJson } from './common.ts';

/** `takedown db info`: what the database holds. */
export function registerDbInfo(program: Command): void {
  const db = program.command('db').description('inspect the database');
  dbOption(db.command('info').description('print the schema version and row counts of the database as JSON')).action(
    async (opts: { db: string }) => {
      await withStore(opts.db, async (store) => {
        const tables = await store.all<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
        );
        const counts: Record<string, number> = {};
        for (const t of tables) {
          // Table names come from the catalogue, never from user input; quoted as identifiers.
          const row = await store.one<{ n: number }>(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`);
          counts[t.name] = row?.n ?? 0;
        }
        const applied = await store.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
        printJson(
          { db: opts.db, schema: applied.at(-1)?.id ?? null, migrations: applied.map((r) => r.id), known: knownMigrations(), rows: counts },
          true,
        );
      });
    },
  );
}
