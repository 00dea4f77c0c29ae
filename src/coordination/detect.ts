/**
 * `takedown detect`: signals → evidence-bearing edges tested against chance → one fused account
 * graph → Louvain communities → indicators, amplified accounts, verdicts → findings (JSON and the
 * findings tables). The statistics live in co-share-chance.ts, the verdict in cluster-verdict.ts.
 */
import { randomUUID } from 'node:crypto';
import { SIGNALS, type Signal, usageError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import {
  computeClusterIndicators,
  computeStageIndicators,
  prepareIndicators,
  readMemberFlags,
} from './account-indicators.ts';
import {
  findCommunities,
  type FusedEdge,
  MAX_FUSED_STRENGTH,
  MIN_FUSED_STRENGTH,
} from './cluster-graph.ts';
import { decideVerdict } from './cluster-verdict.ts';
import {
  createTestsTable,
  loadActivity,
  loadSignalShares,
  collectEdgeEvidence,
  createEvidenceTables,
  selectSignificantEdges,
  testCoShareSignal,
  type ShareSource,
  type SignalTestResult,
} from './co-share-chance.ts';
import type {
  Cluster,
  EvidenceItem,
  FindingEdge,
  Findings,
  SeedConnection,
} from './findings-types.ts';
import {
  computeAmplified,
  computeExclusivity,
  computeMemberAuthors,
  createClusterEdgesTable,
  readClusterFigures,
  readListedEdges,
} from './cluster-summary.ts';
import {
  buildNearTextShares,
  DEFAULT_NEAR_TEXT_MIN_TOKENS,
  DEFAULT_NEAR_TEXT_THRESHOLD,
} from './near-text.ts';
import { materialiseTextKeys } from './text-keys.ts';
import { detectTimeResolutionMs, estimateCoordWindow } from './window-estimate.ts';

export interface DetectOptions {
  /** Fixed window in seconds, or 'auto' (default): estimated per signal from the data. */
  window?: number | 'auto';
  /** BH false-discovery-rate threshold on edges (default 0.01). */
  qValue?: number;
  /** Seed of Louvain's random generator (default 1). */
  seed?: number;
  /** Signals to compute (default: all that have data). */
  signals?: readonly Signal[];
  /** Seed account ids from a tip-off; when absent the `seeds` table is read if present. */
  seeds?: readonly string[];
  /** Shares of one object in one window bucket above which they are not paired (default 500). */
  maxCrowd?: number;
  /** Bin of sync_activity in seconds (default: the data's clock resolution, at least 60 s). */
  syncBinSeconds?: number;
  /** Evidence items kept per edge (default 5). */
  evidencePerEdge?: number;
  /**
   * Edges a cluster lists in the findings, its strongest (default 2,000); `edges_total` gives
   * the count and the `edges` table holds them all.
   */
  edgesPerCluster?: number;
  /** Stage names as they start; a stage that runs in passes also reports `done` of `total`. */
  onProgress?: (stage: string, done?: number, total?: number) => void;
}

/** Object type in post_objects behind each co-sharing signal. */
const SIGNAL_OBJECT: Partial<Record<Signal, string>> = {
  co_retweet: 'retweet',
  co_url: 'url',
  co_domain: 'domain',
  co_hashtag_set: 'hashtag_set',
  co_text: 'text',
  co_image: 'media',
  reply_target: 'reply',
  mention_target: 'mention',
  co_object: 'object',
};

/** Object types a retweet inherits from the post it retweets. */
const INHERITED_TYPES: ReadonlySet<string> = new Set(['url', 'domain', 'hashtag', 'hashtag_set', 'mention']);

const HOUR_MS = 3_600_000;
/** The wide window scale is never below ten minutes. */
const SLOW_SCALE_FLOOR_MS = 600_000;
const MIN_CO_OBJECTS = 2;
/** Edges listed per seed in the seed report (its strongest, by co-shares). */
const SEED_EDGES_LISTED = 1000;
/** Edges written to the edges table per INSERT (their evidence lists are built in memory). */
const EDGES_PER_INSERT = 250_000;
/** Default of DetectOptions.edgesPerCluster. */
export const DEFAULT_EDGES_PER_CLUSTER = 2000;

/** Runs detection on the store and saves the findings under a new run id. */
export async function detectCoordination(
  store: Store,
  options: DetectOptions = {},
): Promise<Findings> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const qMax = options.qValue ?? 0.01;
  const seed = options.seed ?? 1;
  const maxCrowd = options.maxCrowd ?? 500;
  const perEdge = options.evidencePerEdge ?? 5;
  const edgesPerCluster = options.edgesPerCluster ?? DEFAULT_EDGES_PER_CLUSTER;
  if (!(Number.isInteger(edgesPerCluster) && edgesPerCluster >= 0))
    throw usageError(`--edges-per-cluster must be a whole number ≥ 0, got ${edgesPerCluster}`);
  const wanted = new Set<Signal>(options.signals ?? SIGNALS);
  for (const s of wanted)
    if (!SIGNALS.includes(s))
      throw usageError(`Unknown signal '${s}'`, `Known: ${SIGNALS.join(', ')}`);
  if (!(qMax > 0 && qMax <= 1)) throw usageError(`--q-value must be in (0, 1], got ${qMax}`);

  const resolutionMs = await detectTimeResolutionMs(store);
  const timings: Record<string, number> = {};
  const tick = (name: string, t0: number): void => {
    timings[name] = Date.now() - t0;
  };

  let t0 = Date.now();
  let textInfo: Record<string, unknown> = {};
  const hasText =
    ((
      await store.one<{ n: number }>(
        'SELECT count(*)::BIGINT AS n FROM (SELECT 1 FROM posts WHERE text IS NOT NULL LIMIT 1)',
      )
    )?.n ?? 0) > 0;
  if (hasText && (wanted.has('co_text') || wanted.has('near_text'))) {
    progress('text keys');
    const keys = await materialiseTextKeys(store);
    textInfo = { text_keys: keys.keyed, reused: keys.reused };
    if (wanted.has('near_text')) {
      progress('near-duplicate text');
      const near = await buildNearTextShares(store, {
        threshold: DEFAULT_NEAR_TEXT_THRESHOLD,
        minTokens: DEFAULT_NEAR_TEXT_MIN_TOKENS,
      });
      textInfo = {
        ...textInfo,
        near_text: {
          threshold: DEFAULT_NEAR_TEXT_THRESHOLD,
          min_tokens: DEFAULT_NEAR_TEXT_MIN_TOKENS,
          ...near,
        },
      };
    }
  }
  tick('text', t0);

  const syncBinMs = Math.max(
    resolutionMs,
    60_000,
    Math.round((options.syncBinSeconds ?? 0) * 1000),
  );
  // A retweet carries the retweeted post's links, tags and mentions: two accounts retweeting one
  // post are co_retweet evidence once, not also co_url, co_domain, co_hashtag_set and
  // mention_target evidence. Those signals read the objects of the accounts' own posts only.
  await store.run(
    "CREATE OR REPLACE TEMP TABLE retweet_posts AS SELECT platform, post_id FROM posts WHERE kind = 'retweet'",
  );
  const sources: { signal: Signal; objectType: string; source: ShareSource }[] = [];
  for (const signal of SIGNALS) {
    if (!wanted.has(signal)) continue;
    const type = SIGNAL_OBJECT[signal];
    if (signal === 'co_domain') {
      // Rare domains only: shared by at most √(accounts sharing any domain) accounts. A domain
      // most of the platform links (youtube.com) says nothing about who works together.
      sources.push({
        signal,
        objectType: 'domain',
        source: {
          sql: `WITH d AS (SELECT po.account_id, po.post_id, po.time_ms, po.object_id FROM post_objects po
                         ANTI JOIN retweet_posts r ON r.platform = po.platform AND r.post_id = po.post_id
                         WHERE po.object_type = 'domain'),
                rare AS (SELECT object_id FROM d GROUP BY 1 HAVING count(DISTINCT account_id) <= sqrt((SELECT count(DISTINCT account_id) FROM d)))
                SELECT d.* FROM d SEMI JOIN rare USING (object_id)`,
          params: [],
        },
      });
    } else if (type !== undefined) {
      sources.push({
        signal,
        objectType: type,
        source: {
          sql: INHERITED_TYPES.has(type)
            ? `SELECT po.account_id, po.post_id, po.time_ms, po.object_id FROM post_objects po
               ANTI JOIN retweet_posts r ON r.platform = po.platform AND r.post_id = po.post_id
               WHERE po.object_type = $1`
            : 'SELECT account_id, post_id, time_ms, object_id FROM post_objects WHERE object_type = $1',
          params: [type],
        },
      });
    } else if (signal === 'near_text' && textInfo['near_text'] !== undefined) {
      sources.push({
        signal,
        objectType: 'near_text',
        source: { sql: 'SELECT * FROM d_near', params: [] },
      });
    } else if (signal === 'sync_activity') {
      sources.push({
        signal,
        objectType: 'time_bin',
        source: {
          sql: `SELECT account_id, post_id, (time_ms // $1) * $1 AS time_ms, ('bin:' || (time_ms // $1))::VARCHAR AS object_id FROM posts`,
          params: [syncBinMs],
        },
      });
    }
  }

  await createTestsTable(store);
  const totalPosts = await loadActivity(store);
  const stats: SignalTestResult[] = [];
  const windows: Record<string, unknown> = {};
  let hypotheses = 0;
  for (const { signal, objectType, source } of sources) {
    t0 = Date.now();
    progress(`signal ${signal}`);
    await loadSignalShares(store, source);
    const present = await store.one<{ n: number }>(
      'SELECT count(*)::BIGINT AS n FROM (SELECT DISTINCT ah FROM d_sh LIMIT 2)',
    );
    if ((present?.n ?? 0) < 2) continue;
    let scales: number[];
    if (signal === 'sync_activity') {
      scales = [0];
      windows[signal] = { bin_ms: syncBinMs, method: 'same bin' };
    } else if (options.window !== undefined && options.window !== 'auto') {
      scales = [Math.round(options.window * 1000)];
      windows[signal] = { windows_ms: scales, method: 'fixed' };
    } else {
      // Two scales: CooRnet's estimate (the quickest tenth of objects, half their shares) and the
      // typical half-life of all objects (q = 1), at least ten minutes and at most one hour: slow
      // rings that post minutes apart are caught by the second, and the chance model prices the
      // wider window. The floor matters when the data holds few organic shares to estimate from
      // (a release of the networks alone), where the half-life is the operations' own.
      const fast = await estimateCoordWindow(store, 'd_sh', {
        q: 0.1,
        p: 0.5,
        floorMs: resolutionMs,
        capMs: HOUR_MS,
      });
      const slow = await estimateCoordWindow(store, 'd_sh', {
        q: 1,
        p: 0.5,
        floorMs: Math.max(resolutionMs, SLOW_SCALE_FLOOR_MS),
        capMs: HOUR_MS,
      });
      scales = slow.windowMs > fast.windowMs ? [fast.windowMs, slow.windowMs] : [fast.windowMs];
      windows[signal] = {
        windows_ms: scales,
        method: 'auto (CooRnet estimate_coord_interval: q=0.1,p=0.5 and q=1,p=0.5)',
        objects: fast.objects,
      };
    }
    const res = await testCoShareSignal(store, signal, objectType, scales, {
      maxCrowd: signal === 'sync_activity' ? Math.min(64, maxCrowd) : maxCrowd,
      posts: totalPosts,
      qMax,
      onPass: (done, passes) => progress(`signal ${signal}`, done, passes),
    });
    stats.push(res);
    hypotheses += res.hypotheses;
    tick(`signal_${signal}`, t0);
  }

  t0 = Date.now();
  progress('false discovery rate');
  const significant = await selectSignificantEdges(store, hypotheses, {
    qMax,
    minObjects: MIN_CO_OBJECTS,
  });
  // Evidence stays in the database (d_evid, d_med): at 10M posts a run has millions of items.
  await createEvidenceTables(store);
  const sigSignals = new Set(
    (await store.all<{ signal: string }>('SELECT DISTINCT signal FROM d_sig')).map((r) => r.signal),
  );
  for (const { signal, source } of sources) {
    if (!sigSignals.has(signal)) continue;
    progress(`evidence ${signal}`);
    await loadSignalShares(store, source, { edgesOf: signal });
    await collectEdgeEvidence(store, signal, perEdge, {
      maxCrowd: signal === 'sync_activity' ? Math.min(64, maxCrowd) : maxCrowd,
    });
  }
  tick('fdr_evidence', t0);

  t0 = Date.now();
  progress('clusters');
  const seeds = options.seeds ?? (await readSeedsTable(store));
  const { ranked, seedReport, idOfCommunity } = await judgeClusters(store, {
    seed,
    seeds,
    edgesPerCluster,
    withNearText: textInfo['near_text'] !== undefined,
  });
  tick('clusters', t0);
  const runId = randomUUID();
  const parameters: Record<string, unknown> = {
    window: options.window ?? 'auto',
    windows,
    q_value: qMax,
    seed,
    signals: stats.map((s) => s.signal),
    max_crowd: maxCrowd,
    sync_bin_ms: syncBinMs,
    time_resolution_ms: resolutionMs,
    min_co_shared_objects: MIN_CO_OBJECTS,
    hypotheses,
    tested_pairs: stats.reduce((s, r) => s + r.scales.reduce((t, sc) => t + sc.testedPairs, 0), 0),
    significant_edges: significant,
    text: textInfo,
    signal_stats: stats.map((s) => ({
      signal: s.signal,
      accounts: s.accounts,
      shares: s.shares,
      objects: s.objects,
      passes: s.passes,
      scales: s.scales.map((sc) => ({
        window_ms: sc.windowMs,
        pairs_in_window: Math.round(sc.pairsInWindow),
        crowded_buckets: sc.crowdedBuckets,
        crowded_pairs_estimate: sc.crowdedPairsEstimate,
        chance_constant: sc.chanceConstant,
        tested_pairs: sc.testedPairs,
      })),
    })),
    null_model:
      'bipartite configuration model with time (λ = k_a k_b 2P_w/N²), Poisson tail, Benjamini–Hochberg',
    timings_ms: { ...timings, total: Date.now() - started },
  };
  const findings: Findings = { run_id: runId, clusters: ranked, seeds: seedReport, parameters };
  progress('saving findings');
  await saveFindings(store, findings, idOfCommunity, seeds, (done, chunks) =>
    progress('saving edges', done, chunks),
  );
  for (const t of [
    'd_sh',
    'd_k',
    'd_kpost',
    'd_tests',
    'd_sig',
    'd_members',
    'd_flags',
    'd_near',
    'd_near_groups',
    'd_evid',
    'd_med',
    'd_listed',
    'd_cedge',
    'd_seed_ids',
    'd_cluster_ids',
  ]) {
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  }
  return findings;
}

/**
 * From the significant edges (`d_sig`, `d_med`, `d_evid`) to ranked clusters: Louvain on the
 * fused pair weights, then each community's figures, indicators, amplified accounts and verdict,
 * and the seed report. Leaves `d_members` (cluster, account_id) for saveFindings.
 */
export async function judgeClusters(
  store: Store,
  options: { seed: number; seeds: readonly string[]; edgesPerCluster: number; withNearText: boolean },
): Promise<{ ranked: Cluster[]; seedReport: SeedConnection[]; idOfCommunity: Map<number, string> }> {
  const { seed, seeds } = options;
  // One fused weight per account pair, summed in SQL (see cluster-graph.ts for the rule; it
  // orders the pairs itself).
  const communities = findCommunities(
    await store.all<FusedEdge & Record<string, unknown>>(
      `SELECT a, b, sum(least(${MAX_FUSED_STRENGTH}, greatest(${MIN_FUSED_STRENGTH}, -logp / ln(10))))::DOUBLE AS weight
       FROM d_sig GROUP BY a, b`,
    ),
    seed,
  );

  await store.run('CREATE OR REPLACE TEMP TABLE d_members (cluster INTEGER, account_id VARCHAR)');
  {
    const ap = await store.appender('d_members');
    communities.forEach((members, i) =>
      members.forEach((m) => {
        ap.appendInteger(i);
        ap.appendVarchar(m);
        ap.endRow();
      }),
    );
    ap.flushSync();
    ap.closeSync();
  }
  const seedSet = new Set(seeds);
  await createClusterEdgesTable(store);
  const figures = await readClusterFigures(store);
  const { byCluster: listedEdges, seedEdges } = await readListedEdges(store, seeds, {
    perCluster: options.edgesPerCluster,
    perSeed: SEED_EDGES_LISTED,
  });
  const { exclusivity, topObjects } = await computeExclusivity(
    store,
    options.withNearText,
  );
  const amplified = await computeAmplified(store);
  const memberAuthors = await computeMemberAuthors(store);
  const indicatorCtx = await prepareIndicators(store);
  const stageIndicators = await computeStageIndicators(store, indicatorCtx);
  const flags = await readMemberFlags(store);

  const clusters: (Omit<Cluster, 'id' | 'rank'> & { community: number })[] = [];
  for (const [i, members] of communities.entries()) {
    const fig = figures.get(i);
    const signals = fig?.signals ?? [];
    const density =
      members.length > 1 ? (fig?.pairs ?? 0) / ((members.length * (members.length - 1)) / 2) : 0;
    const indicators = [
      ...computeClusterIndicators(indicatorCtx, members, flags),
      ...(stageIndicators.get(i) ?? []),
    ];
    const memberSet = new Set(members);
    const amp = (amplified.get(i) ?? []).filter((a) => !memberSet.has(a.account_id));
    const ex = exclusivity.get(i) ?? 0;
    const v = decideVerdict({
      members: members.length,
      amplified: amp.length,
      signals,
      indicators,
      exclusivity: ex,
      density,
      memberAuthors: memberAuthors.get(i) ?? 0,
      profiledMembers: members.filter((m) => flags.get(m)?.profiled === true).length,
      medianDeltaMs: fig?.contentMedianDeltaMs ?? null,
    });
    const memberSeeds = members.filter((m) => seedSet.has(m));
    clusters.push({
      community: i,
      verdict: v.verdict,
      score: v.score,
      reason: v.reason,
      accounts: [...members, ...amp.map((a) => a.account_id)],
      members,
      amplified: amp,
      seeds: memberSeeds,
      signals,
      indicators,
      exclusivity: Math.round(ex * 1000) / 1000,
      density: Math.round(density * 1000) / 1000,
      first_ms: fig?.firstMs ?? null,
      last_ms: fig?.lastMs ?? null,
      top_objects: topObjects.get(i) ?? [],
      edges_total: fig?.edges ?? 0,
      edges: listedEdges.get(i) ?? [],
    });
  }
  const order: Record<string, number> = { likely_cib: 0, coordinated: 1, not_coordinated: 2 };
  const idOfCommunity = new Map<number, string>();
  const ranked = clusters
    .map((c, i) => ({ c, i }))
    .sort(
      (x, y) =>
        Number(y.c.seeds.length > 0 || y.c.amplified.some((a) => seedSet.has(a.account_id))) -
          Number(x.c.seeds.length > 0 || x.c.amplified.some((a) => seedSet.has(a.account_id))) ||
        order[x.c.verdict]! - order[y.c.verdict]! ||
        y.c.score - x.c.score ||
        y.c.members.length - x.c.members.length ||
        x.i - y.i,
    )
    .map(({ c }, rank) => {
      const { community, ...rest } = c;
      idOfCommunity.set(community, `c${rank + 1}`);
      return { id: `c${rank + 1}`, rank: rank + 1, ...rest };
    });
  const seedReport = buildSeedReport(seeds, seedEdges, ranked);
  return { ranked, seedReport, idOfCommunity };
}

async function readSeedsTable(store: Store): Promise<string[]> {
  const t = await store.one<{ n: number }>(
    "SELECT count(*)::BIGINT AS n FROM information_schema.tables WHERE table_name = 'seeds'",
  );
  if (!t || t.n === 0) return [];
  const rows = await store.all<{ account_id: string }>(
    'SELECT DISTINCT account_id FROM seeds ORDER BY 1',
  );
  return rows.map((r) => String(r.account_id));
}

function buildSeedReport(
  seeds: readonly string[],
  edges: readonly FindingEdge[],
  clusters: readonly Cluster[],
): SeedConnection[] {
  return seeds.map((seed) => {
    const cluster = clusters.find(
      (c) => c.members.includes(seed) || c.amplified.some((a) => a.account_id === seed),
    );
    const byOther = new Map<
      string,
      { signals: Set<Signal>; co: number; evidence: EvidenceItem[] }
    >();
    for (const e of edges) {
      if (e.a !== seed && e.b !== seed) continue;
      const other = e.a === seed ? e.b : e.a;
      const entry = byOther.get(other) ?? { signals: new Set<Signal>(), co: 0, evidence: [] };
      entry.signals.add(e.signal);
      entry.co += e.weight;
      // Evidence is oriented so that post_a is always the seed's post.
      for (const ev of e.evidence.slice(0, 2)) {
        entry.evidence.push(
          e.a === seed
            ? ev
            : { ...ev, post_a: ev.post_b, post_b: ev.post_a, delta_ms: -ev.delta_ms },
        );
      }
      byOther.set(other, entry);
    }
    return {
      seed,
      found: byOther.size > 0 || cluster !== undefined,
      cluster_id: cluster?.id ?? null,
      connections: [...byOther.entries()]
        .sort((x, y) => y[1].co - x[1].co || (x[0] < y[0] ? -1 : 1))
        .map(([account_id, v]) => ({
          account_id,
          signals: [...v.signals],
          co_shares: v.co,
          evidence: v.evidence,
        })),
    };
  });
}

/** Writes one run into detect_runs, clusters, cluster_accounts and edges, in one transaction. */
export async function saveFindings(
  store: Store,
  findings: Findings,
  idOfCommunity: ReadonlyMap<number, string>,
  seeds: readonly string[],
  onChunk?: (done: number, chunks: number) => void,
): Promise<void> {
  const ranked = findings.clusters;
  const platforms = new Map(
    (
      await store.all<{ account_id: string; platform: string }>(
        'SELECT account_id, any_value(platform) AS platform FROM accounts GROUP BY 1',
      )
    ).map((r) => [String(r.account_id), r.platform]),
  );
  await store.transaction(async (tx) => {
    await tx.run(
      'INSERT INTO detect_runs (run_id, created_ms, parameters, seeds) VALUES ($1, $2, $3, $4)',
      [findings.run_id, Date.now(), JSON.stringify(findings.parameters), JSON.stringify(seeds)],
    );
    const seedSet = new Set(seeds);
    for (const c of ranked) {
      const { edges: _e, signals, indicators, ...rest } = c;
      await tx.run(
        `INSERT INTO clusters (run_id, cluster_id, rank, verdict, score, reason, first_ms, last_ms, signals, indicators, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          findings.run_id,
          c.id,
          c.rank,
          c.verdict,
          c.score,
          c.reason,
          c.first_ms,
          c.last_ms,
          JSON.stringify(signals),
          JSON.stringify(indicators),
          JSON.stringify({ ...rest, accounts: undefined }),
        ],
      );
    }
    const ca = await tx.appender('cluster_accounts');
    for (const c of ranked) {
      const rows: [string, string][] = [
        ...c.members.map((m): [string, string] => [m, seedSet.has(m) ? 'seed' : 'member']),
        ...c.amplified.map((a): [string, string] => [a.account_id, 'amplified']),
      ];
      for (const [account, role] of rows) {
        ca.appendVarchar(findings.run_id);
        ca.appendVarchar(c.id);
        const p = platforms.get(account);
        if (p === undefined) ca.appendNull();
        else ca.appendVarchar(p);
        ca.appendVarchar(account);
        ca.appendVarchar(role);
        ca.endRow();
      }
    }
    ca.flushSync();
    ca.closeSync();
    // Every significant edge, with its evidence as JSON, straight from d_sig / d_evid.
    await tx.run('CREATE OR REPLACE TEMP TABLE d_cluster_ids (cluster INTEGER, cluster_id VARCHAR)');
    const ci = await tx.appender('d_cluster_ids');
    for (const [idx, id] of idOfCommunity) {
      ci.appendInteger(idx);
      ci.appendVarchar(id);
      ci.endRow();
    }
    ci.flushSync();
    ci.closeSync();
    // In chunks by the hash of the first account: the evidence lists are ordered aggregates,
    // which DuckDB holds in memory, and at 10M posts there are millions of edges.
    const edgeCount =
      (await tx.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_sig'))?.n ?? 0;
    const chunks = Math.max(1, Math.ceil(edgeCount / EDGES_PER_INSERT));
    for (let chunk = 0; chunk < chunks; chunk++) {
      // Code-computed integers, inlined.
      const part = `hash(a) % ${chunks} = ${chunk}`;
      await tx.run(
        `INSERT INTO edges (run_id, cluster_id, a, b, signal, weight, p_value, q_value, evidence)
         WITH ev AS (
           SELECT signal, a, b,
                  to_json(list({'post_a': post_a, 'post_b': post_b, 'object_type': object_type, 'object_id': object_id,
                                'delta_ms': delta_ms, 'time_ms': time_ms} ORDER BY rk))::VARCHAR AS j
           FROM d_evid WHERE ${part} GROUP BY signal, a, b)
         SELECT $1, ci.cluster_id, s.a, s.b, s.signal, s.x, exp(s.logp), exp(s.logq), coalesce(ev.j, '[]')
         FROM (SELECT * FROM d_sig WHERE ${part}) s
         LEFT JOIN d_members m1 ON m1.account_id = s.a
         LEFT JOIN d_members m2 ON m2.account_id = s.b AND m2.cluster = m1.cluster
         LEFT JOIN d_cluster_ids ci ON ci.cluster = m2.cluster
         LEFT JOIN ev ON ev.signal = s.signal AND ev.a = s.a AND ev.b = s.b`,
        [findings.run_id],
      );
      onChunk?.(chunk + 1, chunks);
    }
  });
}
