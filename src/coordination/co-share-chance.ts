/**
 * Window-first co-share pairs and their test against chance, in SQL inside DuckDB.
 *
 * Pairs. Shares (account, post, time, object) are cut into buckets of the window's width; a
 * share is joined only with shares of the same object in its own and the next bucket, then
 * |Δt| ≤ w is checked. Same-object pairs outside the window are never built (QUT CNT's band join
 * idea, hash-join friendly). A bucket holding more than `maxCrowd` shares of one object (a viral
 * post retweeted by thousands in a minute) is not paired at all: its pairs are counted
 * analytically for the null model below, but not as evidence, which can only make the test more
 * conservative, and keeps time and memory bounded by maxCrowd² per bucket.
 *
 * Chance. A bipartite configuration null model (the stochastic degree sequence model of Neal
 * 2014, "The backbone of bipartite projections", with a time dimension): account a places each
 * of its k_a posts on object o with probability n_o / N (N: all posts; a post may carry no
 * object of the signal), independently of b, and the two shares fall within w with the
 * probability f_o observed for o's own share times. The expected number of within-window
 * share pairs of a and b is then
 *     λ_ab = Σ_o (k_a n_o / N)(k_b n_o / N) f_o = k_a k_b · 2 P_w / N²,
 * where P_w is the number of within-window share pairs of the whole signal. Active accounts
 * (large k) and viral, bursty objects (large n_o² f_o, inflating P_w) both raise λ, so a crowd
 * around a viral post is weak evidence while twenty obscure objects shared within seconds by the
 * same two accounts is strong. The observed X_ab counts co-share events without letting one
 * burst count many times: the smaller of the number of a's posts and of b's posts that have a
 * partner within w (a hashtag set used together at forty moments counts forty, a double retweet
 * once); X_ab ≤ the share pairs, so testing it against λ is conservative. It is tested with the Poisson upper tail P(X ≥ x), bounded from above by its first term times
 * (x+1)/(x+1−λ) (a geometric bound, exact enough and safe in log space for p down to 1e-300).
 * Popularity strata: the expectation is split by object popularity class (n_o ≤ 2^c, nested),
 * and a pair is tested at every threshold, so co-sharing obscure objects is compared with the
 * chance of co-sharing obscure objects; the smallest p is Bonferroni-corrected by the number of
 * thresholds.
 * Multiple testing: Benjamini–Hochberg (1995) over every account pair of every signal and window
 * scale tested (pairs that never co-shared count as tests with p = 1), giving `q_value`.
 */
import type { SqlParam, Store } from '../store/index.ts';

export interface ShareSource {
  /** A SELECT returning account_id, post_id, time_ms, object_id (code-built, never from data). */
  sql: string;
  params: SqlParam[];
}

export interface ScaleResult {
  scale: number;
  windowMs: number;
  /** Name of the temp table holding this scale's share pairs. */
  pairsTable: string;
  pairsInWindow: number;
  crowdedPairsEstimate: number;
  crowdedBuckets: number;
  /** 2 P_w / N². */
  chanceConstant: number;
  testedPairs: number;
}

export interface SignalTestResult {
  signal: string;
  objectType: string;
  accounts: number;
  shares: number;
  objects: number;
  scales: ScaleResult[];
  /** Hypotheses counted for BH: account pairs × scales. */
  hypotheses: number;
}

let tableSeq = 0;

/** Loads the shares of one signal into temp table `d_sh` and per-account counts into `d_k`. */
export async function loadSignalShares(store: Store, source: ShareSource): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_sh AS
     SELECT DISTINCT account_id::VARCHAR AS account_id, post_id::VARCHAR AS post_id, time_ms::BIGINT AS time_ms, object_id::VARCHAR AS object_id
     FROM (${source.sql})`,
    source.params,
  );
}

/**
 * Per-account post counts (the k of the null model) into temp table `d_k`. Every post is a draw
 * that may carry an object of the signal or none, so N is the number of posts: a signal that
 * only an operation uses (its near-duplicate texts, its hashtag sets) does not define its own
 * null, which would make the operation look like the norm.
 */
export async function loadActivity(store: Store): Promise<number> {
  await store.run('CREATE OR REPLACE TEMP TABLE d_k AS SELECT account_id::VARCHAR AS account_id, count(*)::DOUBLE AS k FROM posts GROUP BY account_id');
  return (await store.one<{ n: number }>('SELECT coalesce(sum(k), 0)::DOUBLE AS n FROM d_k'))?.n ?? 0;
}

/**
 * Builds the within-window pairs of each window scale over the shares loaded by
 * loadSignalShares and appends one row per co-sharing account pair to `d_tests`.
 */
export async function testCoShareSignal(
  store: Store,
  signal: string,
  objectType: string,
  windowsMs: readonly number[],
  options: { maxCrowd: number; posts: number },
): Promise<SignalTestResult> {
  const totals = await store.one<{ accounts: number; shares: number; objects: number }>(
    `SELECT count(DISTINCT account_id)::BIGINT AS accounts, count(*)::BIGINT AS shares, count(DISTINCT object_id)::BIGINT AS objects FROM d_sh`,
  );
  const accounts = totals?.accounts ?? 0;
  const n = options.posts;
  const result: SignalTestResult = {
    signal,
    objectType,
    accounts,
    shares: totals?.shares ?? 0,
    objects: totals?.objects ?? 0,
    scales: [],
    hypotheses: 0,
  };
  if (accounts < 2 || n === 0) return result;
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_obj AS SELECT object_id, count(*) AS n, ceil(log2(count(*)))::INTEGER AS cls FROM d_sh GROUP BY object_id',
  );
  const maxClass = (await store.one<{ m: number }>('SELECT max(cls)::INTEGER AS m FROM d_obj'))?.m ?? 0;

  for (const [scale, w] of windowsMs.entries()) {
    const bucket = Math.max(1, w);
    const pairsTable = `d_pairs_${++tableSeq}`;
    await store.run(
      `CREATE OR REPLACE TEMP TABLE d_cnt AS
       SELECT object_id, time_ms // $1 AS b, count(*) AS c FROM d_sh GROUP BY ALL`,
      [bucket],
    );
    await store.run(
      `CREATE TEMP TABLE ${pairsTable} AS
       WITH s AS (
         SELECT d.account_id, d.post_id, d.time_ms, d.object_id, d.time_ms // $1 AS b
         FROM d_sh d JOIN d_cnt c ON c.object_id = d.object_id AND c.b = d.time_ms // $1
         WHERE c.c <= $3),
       x AS (SELECT *, unnest([b, b + 1]) AS jb FROM s)
       SELECT x.object_id, x.account_id AS a1, y.account_id AS a2, x.post_id AS p1, y.post_id AS p2,
              x.time_ms AS t1, y.time_ms - x.time_ms AS dt
       FROM x JOIN s AS y ON y.object_id = x.object_id AND y.b = x.jb
       WHERE y.time_ms >= x.time_ms AND y.time_ms - x.time_ms <= $2 AND x.account_id <> y.account_id
         AND (y.time_ms > x.time_ms OR x.post_id < y.post_id)`,
      [bucket, w, options.maxCrowd],
    );
    // Within-window share pairs per popularity class (uncrowded: counted; crowded: estimated).
    const classPairs = await store.all<{ cls: number; pairs: number }>(
      `SELECT o.cls, count(*)::DOUBLE AS pairs FROM ${pairsTable} p JOIN d_obj o ON o.object_id = p.object_id GROUP BY o.cls`,
    );
    const crowdRows = await store.all<{ cls: number; pairs: number; buckets: number }>(
      `SELECT o.cls, sum(c.c * (c.c - 1) / 2.0 + c.c * coalesce(nx.c, 0) * least(1.0, $1 / $2) / 2.0)::DOUBLE AS pairs,
              count(*)::BIGINT AS buckets
       FROM d_cnt c JOIN d_obj o ON o.object_id = c.object_id
       LEFT JOIN d_cnt nx ON nx.object_id = c.object_id AND nx.b = c.b + 1
       WHERE c.c > $3 GROUP BY o.cls`,
      [w, bucket, options.maxCrowd],
    );
    const perClass = new Map<number, number>();
    for (const r of [...classPairs, ...crowdRows]) perClass.set(r.cls, (perClass.get(r.cls) ?? 0) + r.pairs);
    const inWindow = classPairs.reduce((t, r) => t + r.pairs, 0);
    const crowdPairs = crowdRows.reduce((t, r) => t + r.pairs, 0);
    const crowdBuckets = crowdRows.reduce((t, r) => t + r.buckets, 0);
    await store.run('CREATE OR REPLACE TEMP TABLE d_cls (cls INTEGER, c_le DOUBLE)');
    const ap = await store.appender('d_cls');
    let cum = 0;
    for (let c = 0; c <= maxClass; c++) {
      cum += perClass.get(c) ?? 0;
      ap.appendInteger(c);
      ap.appendDouble((2 * cum) / (n * n));
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    const chance = (2 * cum) / (n * n);
    // Per pair and popularity threshold 2^c: X_≤c co-shared objects of popularity ≤ 2^c against
    // λ_≤c = k_a k_b C_≤c; the pair's p is the smallest over thresholds where X grows, times the
    // number of thresholds (Bonferroni over nested tests). Twenty obscure co-shares are judged
    // against the chance of co-sharing obscure objects, not against the viral crowd's.
    await store.run(
      `INSERT INTO d_tests
       WITH pc AS (
         SELECT least(p.a1, p.a2) AS a, greatest(p.a1, p.a2) AS b, o.cls,
                least(count(DISTINCT CASE WHEN p.a1 < p.a2 THEN p.p1 ELSE p.p2 END),
                      count(DISTINCT CASE WHEN p.a1 < p.a2 THEN p.p2 ELSE p.p1 END))::DOUBLE AS xc,
                count(DISTINCT p.object_id)::DOUBLE AS objs,
                count(*)::BIGINT AS sp, median(p.dt)::DOUBLE AS med_dt, min(p.t1) AS first_ms, max(p.t1 + p.dt) AS last_ms
         FROM ${pairsTable} p JOIN d_obj o ON o.object_id = p.object_id
         GROUP BY 1, 2, 3),
       cum AS (
         SELECT pc.*, sum(xc) OVER (PARTITION BY a, b ORDER BY cls) AS x_le,
                ka.k * kb.k * d_cls.c_le AS lam
         FROM pc JOIN d_cls USING (cls)
         JOIN d_k ka ON ka.account_id = pc.a
         JOIN d_k kb ON kb.account_id = pc.b),
       tail AS (
         SELECT *, CASE WHEN lam < x_le + 1
                        THEN least(0.0, -lam + x_le * ln(lam) - lgamma(x_le + 1) + ln((x_le + 1) / (x_le + 1 - lam)))
                        ELSE 0.0 END AS logp_c
         FROM cum)
       SELECT $1 AS signal, $2 AS object_type, $3 AS scale, $4 AS window_ms, $5 AS pairs_table, a, b,
              sum(xc) AS x, sum(objs) AS objs, sum(sp)::BIGINT AS sp, arg_min(lam, logp_c) AS lam,
              least(0.0, min(logp_c) + ln($6)) AS logp,
              arg_max(med_dt, xc) AS med_dt, min(first_ms) AS first_ms, max(last_ms) AS last_ms
       FROM tail GROUP BY a, b`,
      [signal, objectType, scale, w, pairsTable, maxClass + 1],
    );
    const tested = (await store.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_tests WHERE pairs_table = $1', [pairsTable]))?.n ?? 0;
    result.scales.push({
      scale,
      windowMs: w,
      pairsTable,
      pairsInWindow: inWindow,
      crowdedPairsEstimate: Math.round(crowdPairs),
      crowdedBuckets: crowdBuckets,
      chanceConstant: chance,
      testedPairs: tested,
    });
    result.hypotheses += (accounts * (accounts - 1)) / 2;
  }
  await store.run('DROP TABLE IF EXISTS d_cnt');
  await store.run('DROP TABLE IF EXISTS d_cls');
  await store.run('DROP TABLE IF EXISTS d_obj');
  return result;
}

/** Creates the empty `d_tests` table that testCoShareSignal appends to. */
export async function createTestsTable(store: Store): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_tests (
       signal VARCHAR, object_type VARCHAR, scale INTEGER, window_ms BIGINT, pairs_table VARCHAR,
       a VARCHAR, b VARCHAR, x DOUBLE, objs DOUBLE, sp BIGINT, lam DOUBLE, logp DOUBLE,
       med_dt DOUBLE, first_ms BIGINT, last_ms BIGINT)`,
  );
}

/**
 * Benjamini–Hochberg over every row of `d_tests` with `hypotheses` tests in the family (rows not
 * in d_tests have p = 1). Writes `d_sig`: per (signal, a, b) the best scale with q ≤ qMax and at
 * least `minObjects` distinct co-shared objects.
 */
export async function selectSignificantEdges(
  store: Store,
  hypotheses: number,
  options: { qMax: number; minObjects: number },
): Promise<number> {
  const m = Math.max(1, hypotheses);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_sig AS
     WITH ranked AS (
       SELECT *, row_number() OVER (ORDER BY logp, signal, a, b, scale) AS rk FROM d_tests),
     bh AS (
       SELECT *, least(0.0, min(logp + ln($1) - ln(rk)) OVER (ORDER BY rk DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS logq
       FROM ranked)
     SELECT * EXCLUDE (rk) FROM bh
     WHERE logq <= ln($2) AND x >= $3
     QUALIFY row_number() OVER (PARTITION BY signal, a, b ORDER BY logq, logp, scale) = 1`,
    [m, options.qMax, options.minObjects],
  );
  return (await store.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_sig'))?.n ?? 0;
}

export type EvidenceRow = {
  signal: string;
  a: string;
  b: string;
  post_a: string;
  post_b: string;
  object_type: string;
  object_id: string;
  delta_ms: number;
  time_ms: number;
};

/** Up to `perEdge` evidence items (distinct objects, quickest first) for each significant edge. */
export async function readEdgeEvidence(store: Store, pairsTable: string, perEdge: number): Promise<EvidenceRow[]> {
  return store.all<EvidenceRow>(
    `WITH e AS (
       SELECT s.signal, s.a, s.b, s.object_type, p.object_id,
              CASE WHEN p.a1 = s.a THEN p.p1 ELSE p.p2 END AS post_a,
              CASE WHEN p.a1 = s.a THEN p.p2 ELSE p.p1 END AS post_b,
              CASE WHEN p.a1 = s.a THEN p.dt ELSE -p.dt END AS delta_ms,
              p.t1 AS time_ms, p.dt AS adt
       FROM ${pairsTable} p
       JOIN d_sig s ON s.pairs_table = $1 AND s.a = least(p.a1, p.a2) AND s.b = greatest(p.a1, p.a2)
       QUALIFY row_number() OVER (PARTITION BY s.signal, s.a, s.b, p.object_id ORDER BY p.dt, p.p1, p.p2) = 1)
     SELECT signal, a, b, post_a, post_b, object_type, object_id, delta_ms::BIGINT AS delta_ms, time_ms::BIGINT AS time_ms FROM e
     QUALIFY row_number() OVER (PARTITION BY signal, a, b ORDER BY adt, object_id) <= $2`,
    [pairsTable, perEdge],
  );
}
