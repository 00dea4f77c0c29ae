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
    expect(edges?.n).toBe(findings.clusters.reduce((s, c) => s + c.edges_total, 0));
    for (const c of findings.clusters) expect(c.edges.length).toBe(c.edges_total);
  });

  it('lists only the strongest edges of a cluster when capped, with the same figures', async () => {
    const capped = await detectCoordination(store, { seeds: ['ring3'], edgesPerCluster: 3 });
    expect(capped.clusters.map((c) => [c.verdict, c.score, c.members, c.signals, c.density])).toEqual(
      findings.clusters.map((c) => [c.verdict, c.score, c.members, c.signals, c.density]),
    );
    const big = findings.clusters.filter((c) => c.edges_total > 3);
    expect(big.length).toBeGreaterThan(0);
    for (const [i, c] of capped.clusters.entries()) {
      const full = findings.clusters[i]!;
      expect(c.edges_total).toBe(full.edges_total);
      expect(c.edges.length).toBe(Math.min(3, full.edges_total));
      // The full list is sorted strongest first; the capped one is its head.
      expect(c.edges.map((e) => [e.signal, e.a, e.b])).toEqual(
        full.edges.slice(0, 3).map((e) => [e.signal, e.a, e.b]),
      );
    }
    const stored = await store.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM edges WHERE run_id = $1 AND cluster_id IS NOT NULL',
      [capped.run_id],
    );
    expect(stored?.n).toBe(capped.clusters.reduce((s, c) => s + c.edges_total, 0));
    expect(capped.seeds).toEqual(findings.seeds);
  });

  it('shows impersonation, state-media and policy findings of the latest runs on the cluster', async () => {
    const [r1, r2, r3] = world.ring as [string, string, string];
    const posts = await store.all<{ post_id: string; account_id: string }>(
      'SELECT post_id, account_id FROM posts WHERE account_id IN ($1, $2) ORDER BY post_id LIMIT 3',
      [r1, r2],
    );
    for (const [run, account, identity] of [
      [1, r3, 'id-old'],
      [2, r1, 'id-b'],
      [2, r2, 'id-a'],
      [2, r2, 'id-b'],
    ] as const) {
      await store.run(
        "INSERT INTO impersonation_findings (run_ms, platform, account_id, identity_id, score, reasons) VALUES ($1, 'twitter', $2, $3, 0.9, '[]')",
        [run, account, identity],
      );
    }
    await store.run(
      "INSERT INTO state_media_findings (run_ms, kind, account_id, outlet_id, reason, evidence) VALUES (5, 'undisclosed_state_media', $1, 'rt', 'x', '[]'), (5, 'post_links_state_media', $2, 'rt', 'x', '[]')",
      [r3, r2],
    );
    for (const p of posts) {
      await store.run(
        "INSERT INTO policy_results (post_id, account_id, violating, label, classified_ms) VALUES ($1, $2, true, 'support', 1)",
        [p.post_id, p.account_id],
      );
    }
    try {
      const run = await detectCoordination(store, { seeds: ['ring3'] });
      const ring = run.clusters.find((c) => c.members.includes(r1) && c.members.includes(r2))!;
      const ind = new Map(ring.indicators.map((i) => [i.indicator, i]));
      expect(ind.get('impersonation')?.accounts).toBe(2);
      expect(ind.get('impersonation')?.detail).toContain('(id-a, id-b)');
      expect(ring.members).toContain(r3);
      expect(ind.get('undisclosed_state_media')?.accounts).toBe(1);
      expect(ind.get('policy_violations')?.detail).toBe(
        `${posts.length} posts by ${new Set(posts.map((p) => p.account_id)).size} members labelled violating by the classifier`,
      );
      const others = run.clusters.filter((c) => c !== ring).flatMap((c) => c.indicators);
      expect(others.filter((i) => i.indicator === 'impersonation')).toEqual([]);
      // Stage indicators are shown, not counted: the verdicts are those of the run without them.
      expect(run.clusters.map((c) => c.verdict)).toEqual(findings.clusters.map((c) => c.verdict));
    } finally {
      for (const t of ['impersonation_findings', 'state_media_findings', 'policy_results'])
        await store.run(`DELETE FROM ${t}`);
    }
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
