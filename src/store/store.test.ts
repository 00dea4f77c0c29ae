import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, knownMigrations } from './index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Store', () => {
  it('creates every known table and records the migrations', async () => {
    const store = await Store.memory();
    const ids = (await store.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual(knownMigrations());
    const tables = (await store.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables")).map((r) => r.name);
    for (const t of ['accounts', 'posts', 'post_objects', 'ingest_files', 'clusters', 'edges', 'policy_results']) {
      expect(tables).toContain(t);
    }
    store.close();
  });

  it('re-opening a file applies nothing twice and keeps data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takedown-store-'));
    dirs.push(dir);
    const path = join(dir, 't.duckdb');
    const a = await Store.open(path);
    await a.run("INSERT INTO accounts (platform, account_id) VALUES ('twitter', $1)", ['u1']);
    a.close();
    const b = await Store.open(path);
    expect(await b.all('SELECT account_id FROM accounts')).toEqual([{ account_id: 'u1' }]);
    const n = await b.one<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
    expect(n?.n).toBe(knownMigrations().length);
    b.close();
  });

  it('binds parameters instead of splicing text into SQL', async () => {
    const store = await Store.memory();
    const hostile = "x'); DROP TABLE accounts; --";
    await store.run('INSERT INTO accounts (platform, account_id) VALUES ($1, $2)', ['twitter', hostile]);
    expect(await store.all('SELECT account_id FROM accounts')).toEqual([{ account_id: hostile }]);
    store.close();
  });

  it('rolls a failed transaction back', async () => {
    const store = await Store.memory();
    await expect(
      store.transaction(async (tx) => {
        await tx.run("INSERT INTO accounts (platform, account_id) VALUES ('twitter', 'a')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.all('SELECT * FROM accounts')).toEqual([]);
    store.close();
  });

  it('streams results in chunks', async () => {
    const store = await Store.memory();
    let n = 0;
    let chunks = 0;
    for await (const rows of store.stream<{ i: number }>('SELECT range AS i FROM range(5000)')) {
      n += rows.length;
      chunks++;
    }
    expect(n).toBe(5000);
    expect(chunks).toBeGreaterThan(1);
    store.close();
  });
});
