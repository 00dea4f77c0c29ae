import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fillFixtureStore } from '../export/test-fixture.ts';
import { Store } from '../store/index.ts';
import { buildProgram } from './program.ts';

async function runCli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const program = buildProgram();
    program.exitOverride();
    await program.parseAsync(['node', 'takedown', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr };
}

describe('takedown report / export commands', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-cli-export-'));
    db = path.join(dir, 'case.duckdb');
    const store = await Store.open(db);
    await fillFixtureStore(store, { withImpersonation: true });
    store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('report writes the three files for the chosen verdicts', async () => {
    const { stdout } = await runCli(['report', '--db', db, '--out', path.join(dir, 'report'), '--verdict', 'likely_cib']);
    const result = JSON.parse(stdout) as { networks: { id: string }[] };
    expect(result.networks.map((n) => n.id)).toEqual(['c1']);
    expect(readdirSync(path.join(dir, 'report')).sort()).toEqual(['report.html', 'report.json', 'report.md']);
  });

  it('report rejects an unknown verdict', async () => {
    await expect(runCli(['report', '--db', db, '--out', path.join(dir, 'r2'), '--verdict', 'evil'])).rejects.toThrow(/Unknown verdict/);
  });

  it('export stix writes a bundle with the chosen TLP', async () => {
    const out = path.join(dir, 'bundle.json');
    await runCli(['export', 'stix', '--db', db, '--out', out, '--tlp', 'red', '--identity-name', 'Acme']);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { objects: { type: string; name?: string }[] };
    expect(bundle.objects.find((o) => o.type === 'marking-definition')?.name).toBe('TLP:RED');
    await expect(runCli(['export', 'stix', '--db', db, '--out', out, '--tlp', 'purple'])).rejects.toThrow(/--tlp/);
  });

  it('export io-archive without a key generates one and says to keep it', async () => {
    const saved = process.env['TAKEDOWN_HASH_KEY'];
    delete process.env['TAKEDOWN_HASH_KEY'];
    try {
      const { stdout, stderr } = await runCli(['export', 'io-archive', '--db', db, '--out', path.join(dir, 'release')]);
      expect(stderr).toMatch(/warning: no --hash-key/);
      expect(stderr.trim().split('\n').at(-1)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(JSON.parse(stdout)).toMatchObject({ accounts: 4, hashedAccounts: 3 });
    } finally {
      if (saved !== undefined) process.env['TAKEDOWN_HASH_KEY'] = saved;
    }
  });

  it('export io-archive takes the key from $TAKEDOWN_HASH_KEY and by cases', async () => {
    process.env['TAKEDOWN_HASH_KEY'] = 'env-key';
    try {
      const { stdout, stderr } = await runCli(['export', 'io-archive', '--db', db, '--out', path.join(dir, 'rel2'), '--cases', 'case-1', '--platform', 'all']);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)).toMatchObject({ accounts: 4 });
    } finally {
      delete process.env['TAKEDOWN_HASH_KEY'];
    }
  });

  it('export gexf and graphml write graphs', async () => {
    const { stdout } = await runCli(['export', 'gexf', '--db', db, '--out', path.join(dir, 'g.gexf')]);
    expect(JSON.parse(stdout)).toMatchObject({ nodes: 12, edges: 8 });
    const r = await runCli(['export', 'graphml', '--db', db, '--out', path.join(dir, 'g.graphml'), '--clusters', 'c2']);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: 2, edges: 1 });
  });
});
