/**
 * Findings of stages that may not have run (hash banks, impersonation, state media): their tables
 * are found in the catalogue by name and shown as generic rows, so this server works before and
 * after those stages land, whatever their exact columns.
 */
import type { Store } from '../../store/index.ts';
import { clipText } from './json-column.ts';

export const FINDING_KINDS = {
  'hash-banks': ['media_bank_hits', 'hash_banks'],
  impersonation: ['impersonation_findings'],
  'state-media': ['state_media_findings'],
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;

const MAX_ROWS = 500;

export interface FindingTable {
  table: string;
  columns: string[];
  total: number;
  rows: (string | null)[][];
}

async function tablesLike(
  store: Store,
  patterns: readonly string[],
): Promise<{ name: string; columns: string[] }[]> {
  const rows = await store.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'
       AND (${patterns.map((_, i) => `table_name LIKE $${i + 1}`).join(' OR ')}) ORDER BY table_name, ordinal_position`,
    [...patterns],
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows)
    (byTable.get(r.table_name) ?? byTable.set(r.table_name, []).get(r.table_name))?.push(
      r.column_name,
    );
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;

/** Rows of a finding kind's tables; `accountId` filters tables that have an account_id column. */
export async function readFindings(
  store: Store,
  kind: FindingKind,
  options: { accountId?: string; limit?: number } = {},
): Promise<{ available: boolean; tables: FindingTable[] }> {
  const tables = await tablesLike(store, FINDING_KINDS[kind]);
  const out: FindingTable[] = [];
  for (const t of tables) {
    const filter = options.accountId !== undefined;
    if (filter && !t.columns.includes('account_id')) continue;
    // Identifiers come from the catalogue, never from the request; values are bound.
    const where = filter ? ' WHERE account_id = $1' : '';
    const params = filter ? [options.accountId as string] : [];
    const total = await store.one<{ n: number }>(
      `SELECT count(*) AS n FROM ${quote(t.name)}${where}`,
      params,
    );
    const rows = await store.all(
      `SELECT * FROM ${quote(t.name)}${where} LIMIT ${Math.min(options.limit ?? MAX_ROWS, MAX_ROWS)}`,
      params,
    );
    out.push({
      table: t.name,
      columns: t.columns,
      total: total?.n ?? 0,
      rows: rows.map((r) =>
        t.columns.map((c) =>
          r[c] === null || r[c] === undefined
            ? null
            : clipText(typeof r[c] === 'object' ? JSON.stringify(r[c]) : r[c], 1000),
        ),
      ),
    });
  }
  return { available: tables.length > 0, tables: out };
}
