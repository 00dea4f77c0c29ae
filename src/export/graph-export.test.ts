import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { loadFindingsGraph, renderGexf, renderGraphml, type FindingsGraph } from './graph-export.ts';
import { FIXTURE_ACCOUNTS, fillFixtureStore, INJECT_IMG, INJECT_SCRIPT } from './test-fixture.ts';
import { findAll, parseXml } from './test-xml.ts';

describe('Gephi export', () => {
  let store: Store;
  let graph: FindingsGraph;
  beforeAll(async () => {
    store = await Store.memory();
    await fillFixtureStore(store);
    graph = await loadFindingsGraph(store);
  });
  afterAll(() => store.close());

  it('holds every account of every cluster of the run, one edge per pair', () => {
    expect(graph.nodes).toHaveLength(12);
    expect(graph.edges).toHaveLength(8); // 9 edge rows, two of them on the same pair
  });

  it('GEXF is well-formed XML and carries cluster, verdict, indicators, followers and per-signal weights', () => {
    const xml = renderGexf(graph);
    expect(xml).not.toContain(INJECT_SCRIPT);
    const doc = parseXml(xml);
    expect(doc.name).toBe('gexf');
    expect(doc.attributes['version']).toBe('1.3');
    const nodes = findAll(doc, 'node');
    expect(nodes).toHaveLength(12);
    const values = (el: (typeof nodes)[number]): Record<string, string> =>
      Object.fromEntries(findAll(el, 'attvalue').map((a) => [a.attributes['for'] ?? '', a.attributes['value'] ?? '']));
    const t1 = nodes.find((n) => n.attributes['id'] === '8100000000000000001');
    expect(t1?.attributes['label']).toBe('@fakejournal_1984');
    expect(values(t1 ?? nodes[0]!)).toMatchObject({ cluster: 'c1', verdict: 'likely_cib', followers: '120', indicators: 'creation_batch', removed: 'true', platform: 'twitter' });
    const t4 = nodes.find((n) => n.attributes['id'] === '8100000000000000004');
    expect(values(t4!)['indicators']).toBe('creation_batch,impersonation,policy_violations');
    expect(values(t4!)['removed']).toBe('false'); // its removal was overturned
    expect(values(t4!)['cluster_indicators']).toBe('creation_batch,impersonation,policy_violations,undisclosed_state_media');
    const declared = new Set(findAll(doc, 'attribute').map((a) => a.attributes['id']));
    const edges = findAll(doc, 'edge');
    const pair = edges.find((e) => e.attributes['source'] === '8100000000000000002' && e.attributes['target'] === '8100000000000000004');
    expect(pair?.attributes['weight']).toBe('3');
    expect(values(pair!)).toMatchObject({ signals: 'co_retweet,sync_activity', w_co_retweet: '1', w_sync_activity: '2', q_co_retweet: '0.001', q_value: '0.001' });
    for (const e of edges) for (const a of findAll(e, 'attvalue')) expect(declared.has(a.attributes['for'])).toBe(true);
  });

  it('GraphML is well-formed XML with declared keys and escaped names', () => {
    const xml = renderGraphml(graph);
    const doc = parseXml(xml);
    expect(doc.name).toBe('graphml');
    const keys = new Set(findAll(doc, 'key').map((k) => k.attributes['id']));
    const nodes = findAll(doc, 'node');
    expect(nodes).toHaveLength(12);
    for (const d of findAll(doc, 'data')) expect(keys.has(d.attributes['key'])).toBe(true);
    const label = (id: string): string | undefined =>
      findAll(nodes.find((n) => n.attributes['id'] === id)!, 'data').find((d) => d.attributes['key'] === 'label')?.text;
    expect(label('8100000000000000002')).toBe('@ny_reporter_2020');
    // Names with markup survive as text.
    const names = FIXTURE_ACCOUNTS.filter((a) => a.name === INJECT_SCRIPT || a.name === INJECT_IMG);
    expect(names).toHaveLength(2);
    const edges = findAll(doc, 'edge');
    expect(edges).toHaveLength(8);
    const e = edges.find((x) => x.attributes['source'] === '8300000000000000001');
    expect(findAll(e!, 'data').find((d) => d.attributes['key'] === 'q_value')?.text).toBe('0.4');
  });

  it('escapes hostile ids and labels into valid XML', () => {
    const hostile: FindingsGraph = {
      runId: 'r"<&>',
      nodes: [
        { id: 'a"<b>&\u0001', label: INJECT_IMG, platform: 'x', surface: 'account', handle: INJECT_SCRIPT, cluster: 'c&1', verdict: 'likely_cib', score: 1, indicators: '', clusterIndicators: 'x<y', followers: null, removed: false },
      ],
      edges: [],
    };
    for (const xml of [renderGexf(hostile), renderGraphml(hostile)]) {
      const doc = parseXml(xml);
      expect(findAll(doc, 'node')[0]?.attributes['id']).toBe('a"<b>&');
    }
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('a real XML parser (Chromium DOMParser) accepts both files (skips without /usr/bin/chromium)', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      for (const xml of [renderGexf(graph), renderGraphml(graph)]) {
        const errors = (await page.evaluate(
          `((s) => new DOMParser().parseFromString(s, 'application/xml').getElementsByTagName('parsererror').length)(${JSON.stringify(xml)})`,
        )) as number;
        expect(errors).toBe(0);
      }
    } finally {
      await browser.close();
    }
  });
});
