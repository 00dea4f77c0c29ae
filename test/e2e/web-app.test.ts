/**
 * The web app in a real browser (Debian's chromium through playwright-core) against a real server
 * and a real DuckDB file: log in, open the top cluster, see the graph drawn, click an edge for its
 * evidence, open a case, decide, see the audit entry; adversarial names and texts stay text.
 * Screenshots go to test-artifacts/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  hasChromium,
  launchChromium,
  openEdgeEvidence,
  waitForGraph,
} from './browser.ts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../src/server/index.ts';
import { withStore } from '../../src/store/index.ts';
import {
  seedFindings,
  SLASHED_ACCOUNT_ID,
  XSS_NAME,
  XSS_TEXT,
  type SeededFindings,
} from '../fixtures/seed-findings.ts';

const DEMO = { username: 'demo', password: 'demo-password-123' };

let dir: string;
let server: StartedServer;
let browser: Browser;
let page: Page;
let seeded: SeededFindings;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Share of the element's pixels that are not background (the canvas is white where nothing is drawn). */
async function inkedShare(selector: string): Promise<number> {
  const png = await page.locator(selector).screenshot();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let inked = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if ((data[i] as number) < 235 || (data[i + 1] as number) < 235 || (data[i + 2] as number) < 235)
      inked += 1;
  }
  return inked / (info.width * info.height);
}

describe.skipIf(!hasChromium)(
  `web app in chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; apt-get install chromium)'}`,
  () => {
    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      dir = await mkdtemp(join(tmpdir(), 'takedown-e2e-'));
      const dbPath = join(dir, 'e2e.duckdb');
      seeded = await withStore(dbPath, (store) => seedFindings(store));
      server = await startServer({
        dbPath,
        port: 0,
        adminPassword: 'admin-password-e2e',
        demoUser: { ...DEMO, role: 'reviewer' },
      });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('logs in, opens the top cluster, draws the graph and shows an edge’s evidence', async () => {
      await page.goto(server.url);
      await page.fill('input[name=username]', DEMO.username);
      await page.fill('input[name=password]', DEMO.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=clusters]');
      await shot('01-clusters');
      const first = page.locator('[data-testid=cluster-link]').first();
      expect(await first.textContent()).toBe('c1');
      await first.click();
      await page.waitForSelector('[data-testid=network] canvas');
      await waitForGraph(page);
      await page.waitForTimeout(500);
      const share = await inkedShare('[data-testid=network]');
      expect(share).toBeGreaterThan(0.002);
      await expect
        .poll(() => page.locator('[data-testid=timeline] rect').count())
        .toBeGreaterThan(1);
      expect(await page.locator('[data-testid=creation] rect').count()).toBeGreaterThan(0);
      await shot('02-cluster');

      // Click on the drawn edge (its midpoint on screen): sigma's edge picking opens the evidence.
      const opened = await openEdgeEvidence(page, {
        selector: '[data-testid=evidence-pair]',
        tries: 12,
        timeoutMs: 2000,
      });
      expect(opened).toBe(true);
      const pair = page.locator('[data-testid=evidence-pair]').first();
      expect(await pair.locator('[data-testid=post]').count()).toBe(2);
      expect(await pair.locator('[data-testid=delta]').textContent()).toMatch(/^Δt \d+ (s|min)/);
      expect(await pair.textContent()).toMatch(/shared (retweet|url)/);
      await shot('03-edge-evidence');
    });

    it('shows adversarial names and texts as text everywhere', async () => {
      await page.goto(`${server.url}#/clusters/c1`);
      await page.waitForSelector('[data-testid=cluster-accounts]');
      await expect
        .poll(() => page.getByText(XSS_NAME, { exact: true }).first().isVisible())
        .toBe(true);
      await page.goto(`${server.url}#/accounts/${seeded.xssAccountId}`);
      await page.waitForSelector('[data-testid=account]');
      expect(await page.locator('h1.display-name').textContent()).toBe(XSS_NAME);
      expect(await page.getByText(XSS_TEXT).count()).toBeGreaterThanOrEqual(2); // description and post
      await shot('04-account-xss');
      await page.goto(`${server.url}#/review`);
      await page.waitForSelector('[data-testid=review] [data-testid=post]');
      expect(await page.getByText(XSS_TEXT).count()).toBeGreaterThanOrEqual(1);
      await shot('05-review-queue');
      // A hashed-looking id (with '/' and '+') links to its account page.
      await page.goto(`${server.url}#/clusters/c3`);
      await page.getByRole('link', { name: SLASHED_ACCOUNT_ID, exact: true }).click();
      await page.waitForSelector('[data-testid=account]');
      expect(await page.locator('[data-testid=account] p.muted').first().textContent()).toContain(
        SLASHED_ACCOUNT_ID,
      );
      // Nothing was parsed as markup: no injected elements, no dialog, no script error.
      expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    it('opens a case from the cluster, decides, and shows the audit entries', async () => {
      await page.goto(`${server.url}#/clusters/c1`);
      await page.click('[data-testid=open-case]');
      await page.waitForSelector('[data-testid=case]');
      expect(page.url()).toMatch(/#\/cases\/case-\d+/);
      await page.locator('[data-testid=decide-one]').first().click();
      await expect.poll(() => page.locator('[data-testid=audit-entry]').count()).toBe(2);
      expect(
        await page.locator('[data-testid=audit-entry] .event-type').first().textContent(),
      ).toBe('account.suspended');
      // Bulk: remove every account under the CIB policy.
      await page.selectOption('select[aria-label=Action]', 'remove');
      await page.getByText('Select all').click();
      await page.click('[data-testid=bulk-decide]');
      await expect.poll(() => page.locator('[data-testid=audit-entry]').count()).toBe(14);
      const firstRow = await page.locator('[data-testid=audit-entry]').first().textContent();
      expect(firstRow).toMatch(/account\.removed/);
      expect(firstRow).toMatch(/demo/);
      await shot('06-case-decided');
      await page.goto(`${server.url}#/audit`);
      await page.click('[data-testid=verify-audit]');
      expect(await page.locator('[data-testid=audit-verification]').textContent()).toMatch(
        /^Intact: 14 events/,
      );
      const verify = await page.evaluate(async () => (await fetch('/api/audit/verify')).json());
      expect(verify).toMatchObject({ ok: true, events: 14 });
      expect(dialogs).toEqual([]);
    });
  },
);
