import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../../src/store/index.ts';
import { seedFindings } from '../fixtures/seed-findings.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'takedown.js');
let dir: string;
let db: string;

async function takedown(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, TAKEDOWN_ACTOR: 'cli-reviewer' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'takedown-cli-'));
  db = join(dir, 'case.duckdb');
  await withStore(db, (store) => seedFindings(store));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('takedown case / audit', () => {
  it('opens, decides, verifies, and fails verification after a tampered row', async () => {
    const opened = await takedown('case', 'open', '--db', db, '--cluster', 'c1');
    expect(opened.code).toBe(0);
    const caseId = (JSON.parse(opened.stdout) as { caseId: string }).caseId;
    const decided = await takedown(
      'case',
      'decide',
      caseId,
      'iran_voice_1000',
      'iran_voice_1001',
      '--db',
      db,
      '--action',
      'suspend',
      '--policy',
      'coordinated_inauthentic_behaviour',
    );
    expect(decided.code).toBe(0);
    const list = await takedown('case', 'list', '--db', db);
    expect(JSON.parse(list.stdout.trim().split('\n')[0] as string)).toMatchObject({
      caseId,
      decisions: 2,
    });
    const ok = await takedown('audit', 'verify', '--db', db);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, events: 3 });
    await withStore(db, (store) =>
      store.run("UPDATE case_events SET payload = json_object('after', 'no_action') WHERE seq = 2"),
    );
    const broken = await takedown('audit', 'verify', '--db', db);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken at seq 2/);
  });
});
