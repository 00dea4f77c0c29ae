/** Bulk inserts with bound parameters (one INSERT per row is slow in DuckDB). */
import type { SqlParam, Store } from '../store/index.ts';

/**
 * Inserts `rows` into `table` as multi-row INSERT statements of about 1,000 parameters each.
 * `table` and `columns` are code constants, never user input; the values are always bound.
 */
export async function insertMany(store: Store, table: string, columns: readonly string[], rows: readonly (readonly SqlParam[])[]): Promise<void> {
  const chunk = Math.max(1, Math.floor(1000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const values = part.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await store.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, part.flat());
  }
}
