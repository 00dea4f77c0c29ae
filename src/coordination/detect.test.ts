import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { detectCoordination, type Findings } from './index.ts';
import { buildSmallWorld, type SmallWorld } from './testing/small-world.ts';

describe('detectCoordination on a small hand-built world', () => {
  let store: Store;
  let world: SmallWorld;
  let findings: Findings;

  beforeAll(async () => {
    store = await Store.memory();
    world = await buildSmallWorld(store, 11);
    findings = await detectCoordination(store, { seeds: ['ring3'] });
  }, 120_000);
  afterAll(() => store.close());

  const cib = (): Set<string> =>
    new Set(findings.clusters.filter((c) => c.verdict === 'likely_cib').flatMap((c) => c.accounts));

  it('puts the retweet ring with its personas in one likely_cib cluster', () => {
    const planted = [...world.ring, ...world.personas];
    const best = findings.clusters
      .map((c) => ({ c, n: c.accounts.filter((a) => planted.includes(a)).length }))
      .sort((x, y) => y.n - x.n)[0]!;
    expect(best.c.verdict).toBe('likely_cib');
    expect(best.n / planted.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the copy-paste group with one- and two-word edits', () => {
    const best = findings.clusters
      .map((c) => ({ c, n: c.accounts.filter((a) => world.copyPaste.includes(a)).length }))
      .sort((x, y) => y.n - x.n)[0]!;
    expect(best.c.verdict).toBe('likely_cib');
    expect(best.n / world.copyPaste.length).toBeGreaterThanOrEqual(0.8);
    expect(best.c.signals.map((s) => s.signal)).toContain('near_text');
  });

  it('flags no organic account, fast fan or breaking-news account as likely_cib', () => {
    const planted = new Set([...world.ring, ...world.personas, ...world.copyPaste]);
    const flagged = [...cib()];
    expect(flagged.filter((a) => !planted.has(a))).toEqual([]);
    expect(world.fans.filter((a) => cib().has(a))).toEqual([]);
    expect(world.news.filter((a) => cib().has(a))).toEqual([]);
  });

  it('keeps evidence that points at stored posts of the two accounts, within the window', async () => {
    const edges = findings.clusters.flatMap((c) => c.edges);
    expect(edges.length).toBeGreaterThan(0);
    const wanted = edges.flatMap((e) => e.evidence.flatMap((ev) => [ev.post_a, ev.post_b]));
    const rows = await store.all<{ post_id: string; account_id: string; time_ms: number }>(
      'SELECT post_id, account_id, time_ms FROM posts WHERE list_contains($1::VARCHAR[], post_id)',
      [`[${[...new Set(wanted)].map((p) => `"${p}"`).join(',')}]`],
    );
    const byId = new Map(rows.map((r) => [r.post_id, r]));
    for (const e of edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.q_value).toBeLessThanOrEqual(0.01);
      for (const ev of e.evidence) {
        const pa = byId.get(ev.post_a);
        const pb = byId.get(ev.post_b);
        expect(pa?.account_id).toBe(e.a);
        expect(pb?.account_id).toBe(e.b);
        if (e.signal !== 'sync_activity') {
          expect(pb!.time_ms - pa!.time_ms).toBe(ev.delta_ms);
          expect(Math.abs(ev.delta_ms)).toBeLessThanOrEqual(e.window_ms);
        }
      }
    }
  });

  it('stores the run in the findings tables', async () => {
    const run = await store.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM detect_runs WHERE run_id = $1',
      [findings.run_id],
    );
    expect(run?.n).toBe(1);
    const clusters = await store.all<{ cluster_id: string; verdict: string }>(
      'SELECT cluster_id, verdict FROM clusters WHERE run_id = $1 ORDER BY rank',
      [findings.run_id],
    );
    expect(clusters.map((c) => c.cluster_id)).toEqual(findings.clusters.map((c) => c.id));
    const edges = await store.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM edges WHERE run_id = $1 AND cluster_id IS NOT NULL',
      [findings.run_id],
    );
    expect(edges?.n).toBe(findings.clusters.reduce((s, c) => s + c.edges.length, 0));
  });

  it('ranks the seed cluster first and says what the seed connects to', () => {
    expect(findings.clusters[0]!.accounts).toContain('ring3');
    const seed = findings.seeds[0]!;
    expect(seed.cluster_id).toBe(findings.clusters[0]!.id);
    expect(seed.connections.length).toBeGreaterThan(0);
    for (const c of seed.connections) expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('gives the same clusters for the same seed', async () => {
    const again = await detectCoordination(store, { seeds: ['ring3'] });
    expect(again.clusters.map((c) => [c.verdict, c.accounts])).toEqual(
      findings.clusters.map((c) => [c.verdict, c.accounts]),
    );
  }, 60_000);
});

describe('chance model', () => {
  it('treats obscure co-shares within seconds as strong evidence and a viral crowd as weak', async () => {
    const store = await Store.memory();
    const rows: [string, string, number, string][] = [];
    let seq = 0;
    const t0 = Date.UTC(2024, 0, 1);
    // Background: 300 accounts each retweeting 20 random posts of a 2,000-post pool over 10 days.
    let x = 12345;
    const rand = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let a = 0; a < 300; a++) {
      for (let i = 0; i < 20; i++)
        rows.push([
          `bg${a}`,
          `pool${Math.floor(rand() * 2000)}`,
          t0 + Math.floor(rand() * 10 * 86_400_000),
          `x${++seq}`,
        ]);
    }
    // Four accounts as active as the background; one pair co-shares 6 obscure posts within
    // seconds, the other 6 viral posts, each retweeted by 150 background accounts in that minute.
    for (const a of ['pairA', 'pairB', 'viralA', 'viralB']) {
      for (let i = 0; i < 20; i++)
        rows.push([
          a,
          `pool${Math.floor(rand() * 2000)}`,
          t0 + Math.floor(rand() * 10 * 86_400_000),
          `x${++seq}`,
        ]);
    }
    for (let i = 0; i < 6; i++) {
      const t = t0 + i * 3_600_000;
      rows.push(
        ['pairA', `obscure${i}`, t, `x${++seq}`],
        ['pairB', `obscure${i}`, t + 3000, `x${++seq}`],
      );
    }
    for (let i = 0; i < 6; i++) {
      const t = t0 + 86_400_000 + i * 3_600_000;
      rows.push(
        ['viralA', `viral${i}`, t, `x${++seq}`],
        ['viralB', `viral${i}`, t + 3000, `x${++seq}`],
      );
      for (let a = 0; a < 300; a++)
        if (rand() < 0.5)
          rows.push([`bg${a}`, `viral${i}`, t + Math.floor(rand() * 60_000), `x${++seq}`]);
    }
    await store.run(
      'CREATE TEMP TABLE r (account_id VARCHAR, object_id VARCHAR, time_ms BIGINT, post_id VARCHAR)',
    );
    const ap = await store.appender('r');
    for (const [a, o, t, p] of rows) {
      ap.appendVarchar(a);
      ap.appendVarchar(o);
      ap.appendBigInt(BigInt(t));
      ap.appendVarchar(p);
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    await store.run(
      "INSERT INTO posts (platform, post_id, account_id, time_ms, kind, ref_post_id) SELECT 'twitter', post_id, account_id, time_ms, 'retweet', object_id FROM r",
    );
    await store.run(
      "INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id) SELECT 'twitter', post_id, account_id, time_ms, 'retweet', object_id FROM r",
    );
    const f = await detectCoordination(store, { window: 60, signals: ['co_retweet'] });
    const edges = await store.all<{ a: string; b: string }>(
      'SELECT a, b FROM edges WHERE run_id = $1',
      [f.run_id],
    );
    const has = (x: string, y: string): boolean =>
      edges.some((e) => (e.a === x && e.b === y) || (e.a === y && e.b === x));
    expect(has('pairA', 'pairB')).toBe(true);
    expect(has('viralA', 'viralB')).toBe(false);
    store.close();
  }, 60_000);
});
