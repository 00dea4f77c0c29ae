/**
 * The real pipeline in a browser: `takedown synth → ingest → detect → classify`, then the web
 * app on that database: open the top cluster, see the graph, click an edge for its evidence,
 * open a case, remove every account, and `takedown report` says they were removed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  hasChromium,
  launchChromium,
  openEdgeEvidence,
  waitForGraph,
} from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../src/server/index.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'takedown.js');
const DEMO = { username: 'demo', password: 'demo-password-123' };

async function takedown(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

let dir: string;
let db: string;
let server: StartedServer | undefined;
let browser: Browser;
let page: Page;

describe.skipIf(!hasChromium)(
  `synth → ingest → detect → classify → web app → report${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed)'}`,
  () => {
    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      dir = await mkdtemp(join(tmpdir(), 'takedown-pipeline-'));
      db = join(dir, 'pipeline.duckdb');
      await takedown(
        'synth',
        '--out',
        join(dir, 'sample'),
        '--seed',
        '3',
        '--accounts',
        '1500',
        '--days',
        '7',
      );
      const files = (await readdir(join(dir, 'sample')))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(dir, 'sample', f));
      await takedown('ingest', ...files, '--db', db);
      await takedown('detect', '--db', db, '--quiet');
      await takedown('classify', '--db', db);
      server = await startServer({
        dbPath: db,
        port: 0,
        adminPassword: 'admin-password-pipeline',
        demoUser: { ...DEMO, role: 'reviewer' },
      });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('investigates the top cluster, removes its accounts, and the report says so', async () => {
      const s = server as StartedServer;
      await page.goto(s.url);
      await page.fill('input[name=username]', DEMO.username);
      await page.fill('input[name=password]', DEMO.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=cluster-link]');
      const top = page.locator('[data-testid=cluster-link]').first();
      const clusterId = (await top.textContent()) ?? '';
      await top.click();
      await waitForGraph(page);
      await page.waitForTimeout(300);

      // Click the drawn edges' midpoints until one opens its evidence (a midpoint may sit on a node).
      const opened = await openEdgeEvidence(page, {
        selector: '[data-testid=edge-evidence] h3',
        tries: 15,
        timeoutMs: 3000,
      });
      expect(opened).toBe(true);
      await page.screenshot({
        path: join(ARTIFACTS, 'pipeline-01-cluster-evidence.png'),
        fullPage: true,
      });

      await page.click('[data-testid=open-case]');
      await page.waitForSelector('[data-testid=case]');
      const subjects = await page.locator('[data-testid=subjects] tbody tr').count();
      expect(subjects).toBeGreaterThan(1);
      await page.selectOption('select[aria-label=Action]', 'remove');
      await page.getByText('Select all').click();
      await page.click('[data-testid=bulk-decide]');
      await expect.poll(() => page.locator('[data-testid=audit-entry]').count()).toBe(subjects + 1);
      await page.screenshot({ path: join(ARTIFACTS, 'pipeline-02-case.png'), fullPage: true });

      // The report reads the decisions projection: the DuckDB file is released first.
      await s.close();
      server = undefined;
      const out = join(dir, 'report');
      await takedown('report', '--db', db, '--out', out, '--clusters', clusterId);
      const md = await readFile(join(out, 'report.md'), 'utf8');
      expect(md).toMatch(/We removed /);
      const json = JSON.stringify(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
      expect(json).toMatch(new RegExp(`"removed":${subjects}[,}]`));
      expect(JSON.parse(await takedown('audit', 'verify', '--db', db))).toMatchObject({
        ok: true,
        events: subjects + 1,
      });
    });
  },
);
