import type { Store } from '../../store/index.ts';

/** The run id of the newest `takedown detect` run, or null before any. */
export async function readLatestRunId(store: Store): Promise<string | null> {
  const r = await store.one<{ run_id: string }>(
    'SELECT run_id FROM detect_runs ORDER BY created_ms DESC LIMIT 1',
  );
  return r?.run_id ?? null;
}

/** Names of the tables of the database (optional stages' tables may be missing). */
export async function readTableNames(store: Store): Promise<Set<string>> {
  const rows = await store.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'",
  );
  return new Set(rows.map((r) => r.name));
}
