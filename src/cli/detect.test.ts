import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSmallWorld } from '../coordination/testing/small-world.ts';
import { withStore } from '../store/index.ts';

const run = promisify(execFile);
const CLI = path.resolve(process.cwd(), 'bin/takedown.js');

describe('takedown detect (command line)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-detect-cli-'));
    db = path.join(dir, 'world.duckdb');
    await withStore(db, async (store) => {
      await buildSmallWorld(store, 5);
    });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists at most --edges-per-cluster edges a cluster and says how many it has', async () => {
    const out = path.join(dir, 'findings.json');
    const { stdout } = await run(process.execPath, [
      CLI, 'detect', '--db', db, '--out', out, '--edges-per-cluster', '2', '--quiet',
    ]);
    const summary = JSON.parse(stdout) as { clusters: number; out: string };
    expect(summary.out).toBe(out);
    const findings = JSON.parse(readFileSync(out, 'utf8')) as {
      clusters: { edges_total: number; edges: { q_value: number; weight: number }[] }[];
    };
    expect(findings.clusters.length).toBe(summary.clusters);
    expect(findings.clusters.some((c) => c.edges_total > 2)).toBe(true);
    for (const c of findings.clusters) {
      expect(c.edges.length).toBe(Math.min(2, c.edges_total));
      const [x, y] = c.edges;
      if (x && y) expect(x.q_value < y.q_value || (x.q_value === y.q_value && x.weight >= y.weight)).toBe(true);
    }
    const bad = await run(process.execPath, [CLI, 'detect', '--db', db, '--edges-per-cluster', 'many']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/--edges-per-cluster must be a number ≥ 0/);
  }, 120_000);

  it("shows DuckDB's message when a statement fails (here: out of memory), the SQL only with --verbose", async () => {
    const failed = await run(process.execPath, [
      CLI, 'detect', '--db', db, '--memory-limit', '4MB', '--quiet',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toMatch(/^takedown: A database (statement|query) failed\n/);
    expect(stderr).toMatch(/Out of Memory Error/);
    expect(stderr).toMatch(/--verbose for the statement/);
    expect(stderr).not.toMatch(/SQL:/);
  }, 120_000);
});
