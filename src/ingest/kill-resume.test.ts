import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Store } from '../store/index.ts';
import { ingestFiles, type IngestSummary } from './index.ts';
import { ARCHIVE_HEADER, archiveRows } from '../../test/fixtures/ingest/generate-archive.ts';

const BIN = resolve(process.cwd(), 'bin/takedown.js');
const ROWS = 40_000;
let dir = '';
let file = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'takedown-kill-'));
  file = join(dir, 'big_tweets.csv');
  // A generated archive with a 32-column row every 997 rows and a repeated row every 1,500.
  const out: string[] = [ARCHIVE_HEADER];
  let i = 0;
  let previous = '';
  for (const row of archiveRows(ROWS, 3)) {
    i++;
    if (i % 997 === 0) out.push(`${row.replaceAll('\n', ' ')},extra column`);
    else if (i % 1500 === 0) out.push(previous);
    else out.push(row);
    previous = row;
  }
  writeFileSync(file, out.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI and kills it with SIGKILL once its progress passes `fraction` of the file. */
function runAndKill(db: string, fraction: number): Promise<{ killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [BIN, 'ingest', file, '--db', db, '--batch-rows', '2000'],
      {
        env: { ...process.env, TAKEDOWN_PROGRESS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let killed = false;
    child.stderr.on('data', (d: Buffer) => {
      const pcts = [...d.toString().matchAll(/ ([0-9.]+)% /g)].map((m) => Number(m[1]));
      if (!killed && pcts.some((p) => p >= fraction * 100)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', fail);
    child.on('exit', () => done({ killed }));
  });
}

describe('ingest: killed half-way and re-run', () => {
  it('leaves a usable database and completes without duplicates, totals equal to a clean run', async () => {
    const db = join(dir, 'k.duckdb');
    const { killed } = await runAndKill(db, 0.4);
    expect(killed).toBe(true);

    // The database opens and holds whole batches only.
    const store = await Store.open(db);
    try {
      const progress = await store.one<{
        status: string;
        committed_line: number;
        accepted: number;
      }>('SELECT status, committed_line, accepted FROM ingest_files');
      expect(progress?.status).toBe('running');
      expect(progress!.committed_line).toBeGreaterThan(0);
      const posts = await store.one<{ n: number; d: number }>(
        'SELECT count(*) AS n, count(DISTINCT post_id) AS d FROM posts',
      );
      expect(posts!.n).toBe(posts!.d);
      expect(
        await store.one('SELECT max(source_line) <= $1 AS ok FROM posts', [
          progress!.committed_line,
        ]),
      ).toEqual({ ok: true });
    } finally {
      store.close();
    }

    const rerun = spawnSync(process.execPath, [BIN, 'ingest', file, '--db', db], {
      encoding: 'utf8',
    });
    expect(rerun.status, rerun.stderr).toBe(0);
    const resumed = JSON.parse(rerun.stdout) as IngestSummary;
    expect(resumed.files[0]!.status).toBe('resumed');

    const cleanStore = await Store.memory();
    let clean: IngestSummary;
    try {
      clean = await ingestFiles(cleanStore, [file], {
        quarantineDir: join(dir, 'clean-q'),
        tempDir: join(dir, 'tmp'),
      });
      const after = await Store.open(db);
      try {
        for (const t of ['posts', 'post_objects', 'accounts']) {
          const a = await after.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
          const b = await cleanStore.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
          expect(a, t).toEqual(b);
        }
        expect(
          await after.one(
            'SELECT count(*) - count(DISTINCT (post_id, object_type, object_id)) AS n FROM post_objects',
          ),
        ).toEqual({ n: 0 });
      } finally {
        after.close();
      }
    } finally {
      cleanStore.close();
    }
    const { status: _a, file: _f, quarantine: _q, ...resumedCounts } = resumed.files[0]!;
    const { status: _b, file: _g, quarantine: _r, ...cleanCounts } = clean.files[0]!;
    expect(resumedCounts).toEqual(cleanCounts);
    expect(cleanCounts.rejected).toBe(Math.floor(ROWS / 997));
    // Each reject is in the quarantine file exactly once.
    const q = readFileSync(`${db}.quarantine/big_tweets.csv.jsonl`, 'utf8').trim().split('\n');
    const lines = q.map((l) => (JSON.parse(l) as { line: number }).line);
    expect(lines.length).toBe(cleanCounts.rejected);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
