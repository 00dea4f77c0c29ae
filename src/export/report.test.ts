import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { DISARM_TECHNIQUES } from './disarm-techniques.ts';
import { layoutNetwork } from './network-layout.ts';
import type { ReportData } from './report-data.ts';
import { toNetworkSummary } from './report-summary.ts';
import { FIXTURE_EDGES, fillFixtureStore, INJECT_IMG, INJECT_SCRIPT } from './test-fixture.ts';
import { writeReport, type WrittenReport } from './write-report.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

describe('takedown report', () => {
  let store: Store;
  let dir: string;
  let written: WrittenReport;
  let json: ReportData;
  let html: string;
  let md: string;

  beforeAll(async () => {
    store = await Store.memory();
    await fillFixtureStore(store, { withImpersonation: true });
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-report-'));
    written = await writeReport(store, dir);
    json = JSON.parse(readFileSync(written.json, 'utf8')) as ReportData;
    html = readFileSync(written.html, 'utf8');
    md = readFileSync(written.markdown, 'utf8');
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the likely_cib and coordinated networks of the latest run', () => {
    expect(json.runId).toBe('run-2');
    expect(json.networks.map((n) => [n.clusterId, n.verdict])).toEqual([
      ['c1', 'likely_cib'],
      ['c2', 'coordinated'],
    ]);
  });

  it('report.json figures equal the findings in the store', async () => {
    for (const n of json.networks) {
      const params = [json.runId, n.clusterId];
      const members = await store.all<{ platform: string; surface: string; accounts: number; followers: number }>(
        `SELECT a.platform, a.surface, count(*)::INTEGER AS accounts, sum(a.followers)::INTEGER AS followers
           FROM cluster_accounts ca JOIN accounts a ON a.account_id = ca.account_id AND a.platform = ca.platform
          WHERE ca.run_id = $1 AND ca.cluster_id = $2 GROUP BY 1, 2 ORDER BY 1, 2`,
        params,
      );
      expect(n.counts.map((c) => ({ platform: c.platform, surface: c.surface, accounts: c.accounts, followers: c.followers }))).toEqual(members);
      const removed = await store.one<{ n: number }>(
        `SELECT count(DISTINCT d.account_id)::INTEGER AS n FROM decisions d JOIN cluster_accounts ca ON ca.account_id = d.account_id
          WHERE ca.run_id = $1 AND ca.cluster_id = $2 AND d.action IN ('remove', 'suspend') AND d.status <> 'overturned'`,
        params,
      );
      expect(n.totals.removed).toBe(removed?.n);
      expect(n.totals.removed + n.totals.proposed).toBe(n.totals.accounts);
      const posts = await store.one<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM posts p JOIN cluster_accounts ca ON ca.account_id = p.account_id WHERE ca.run_id = $1 AND ca.cluster_id = $2`,
        params,
      );
      expect(n.totals.posts).toBe(posts?.n);
      expect(n.activity.reduce((s, d) => s + d.posts, 0)).toBe(posts?.n);
      const edges = await store.all<{ signal: string; edges: number }>(
        'SELECT signal, count(*)::INTEGER AS edges FROM edges WHERE run_id = $1 AND cluster_id = $2 GROUP BY 1 ORDER BY 1',
        params,
      );
      expect(n.signals.map((s) => ({ signal: s.signal, edges: s.edges })).sort((a, b) => (a.signal < b.signal ? -1 : 1))).toEqual(edges);
      for (const t of n.techniques) expect(DISARM_TECHNIQUES[t.id]).toBe(t.name);
      expect(n.accountCreation.reduce((s, m) => s + m.accounts, 0)).toBe(n.totals.accounts);
    }
    const c1 = json.networks[0];
    expect(c1?.totals).toEqual({ accounts: 8, removed: 3, proposed: 5, followers: 120 + 340 + 15000 + 4999 + 5400 + 800 + 40 + 2200, posts: 12 });
    expect(c1?.policy).toEqual({ violatingPosts: 1, labels: [{ value: 'glorification', count: 1 }] });
    expect(c1?.impersonations.map((i) => i.identityId).sort()).toEqual(['id-nyt', 'id-sara']);
    expect(c1?.network.edges).toHaveLength(new Set(FIXTURE_EDGES.filter((e) => e.cluster === 'c1').map((e) => [e.a, e.b].sort().join())).size);
  });

  it("states the takedown in the platforms' form, removed vs proposed by decisions", () => {
    const c1 = json.networks[0];
    expect(c1?.summary).toContain(
      'We removed 1 Facebook Page and 2 Twitter accounts for violating our policy against coordinated inauthentic behaviour. A further 1 Facebook account, 1 Group, 1 Instagram account and 2 Twitter accounts are proposed for removal.',
    );
    expect(c1?.summary).toContain('about 5,400 accounts followed one or more of these Pages');
    expect(c1?.summary).toContain('about 800 accounts joined one or more of these Groups');
    expect(c1?.status).toBe('partly_removed');
    expect(json.networks[1]?.summary).toMatch(/^We found 2 Twitter accounts acting in coordination/);
  });

  it('follows Meta’s template for a fully removed network', () => {
    const text = toNetworkSummary({
      verdict: 'likely_cib',
      origin: null,
      counts: [
        { platform: 'facebook', surface: 'account', accounts: 51, removed: 51, proposed: 0, followers: 0 },
        { platform: 'facebook', surface: 'page', accounts: 36, removed: 36, proposed: 0, followers: 14_321 },
        { platform: 'facebook', surface: 'group', accounts: 7, removed: 7, proposed: 0, followers: 1_234 },
        { platform: 'instagram', surface: 'account', accounts: 3, removed: 3, proposed: 0, followers: 77 },
      ],
    });
    expect(text).toBe(
      'We removed 51 Facebook accounts, 36 Pages, 7 Groups and 3 Instagram accounts for violating our policy against coordinated inauthentic behaviour. ' +
        'About 14,000 accounts followed one or more of these Pages, about 1,200 accounts joined one or more of these Groups and about 77 accounts followed one or more of these Instagram accounts.',
    );
  });

  it('report.md carries the same summary text', () => {
    for (const n of json.networks) expect(md).toContain(n.summary.replace(/[\\`*_{}[\]#|~]/g, (c) => `\\${c}`));
  });

  it('is self-contained and escapes every name, text and URL', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\b(src|href)=["']?https?:/i);
    expect(html).not.toContain(INJECT_SCRIPT);
    expect(html).not.toContain(INJECT_IMG);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain("Content-Security-Policy");
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
  });

  it('lays out the network picture deterministically', () => {
    const accounts = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, platform: 'twitter', removed: false }));
    const edges = [
      { a: 'a', b: 'b', signal: 'co_url', weight: 1, pValue: null, qValue: null, evidence: [] },
      { a: 'b', b: 'c', signal: 'co_url', weight: 2, pValue: null, qValue: null, evidence: [] },
      { a: 'c', b: 'a', signal: 'co_text', weight: 1, pValue: null, qValue: null, evidence: [] },
    ];
    const one = layoutNetwork(accounts, edges);
    expect(layoutNetwork([...accounts].reverse(), [...edges].reverse())).toEqual(one);
    for (const n of one.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(1);
    }
    expect(layoutNetwork(accounts, edges, 2).omittedNodes).toBe(2);
  });

  it.skipIf(!hasChromium)('opens in headless Chromium offline: no console error, no script runs, screenshot saved (skips without /usr/bin/chromium)', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(written.html).href, { waitUntil: 'load' });
      // A string expression: the test runs under Node types, the code under the page's DOM.
      const result = (await page.evaluate(`(() => ({
        active: document.querySelectorAll('script, img, iframe, object, embed, link[rel=stylesheet]').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        text: document.body.innerText,
        svgs: document.querySelectorAll('svg').length,
      }))()`)) as { active: number; handlers: number; text: string; svgs: number };
      const artifacts = path.resolve(process.cwd(), 'test-artifacts');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(result.active).toBe(0);
      expect(result.handlers).toBe(0);
      // The injected strings are shown as text, not run.
      expect(result.text).toContain(INJECT_SCRIPT);
      expect(result.text).toContain(INJECT_IMG);
      expect(result.svgs).toBeGreaterThanOrEqual(8); // 4 per network
      expect(existsSync(path.join(artifacts, 'report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

describe('chart series', () => {
  it('fills missing days and months with zero', async () => {
    const { fillDailySeries, fillMonthlySeries } = await import('./svg-charts.ts');
    expect(fillDailySeries([{ day: '2020-02-28', posts: 2 }, { day: '2020-03-01', posts: 1 }])).toEqual([
      { label: '2020-02-28', value: 2 },
      { label: '2020-02-29', value: 0 },
      { label: '2020-03-01', value: 1 },
    ]);
    expect(fillMonthlySeries([{ month: '2019-11', accounts: 1 }, { month: '2020-02', accounts: 3 }]).map((b) => b.value)).toEqual([1, 0, 0, 3]);
    // A long span is grouped so the chart stays readable.
    expect(fillDailySeries([{ day: '2019-01-01', posts: 1 }, { day: '2020-12-31', posts: 1 }]).length).toBeLessThanOrEqual(180);
  });
});
