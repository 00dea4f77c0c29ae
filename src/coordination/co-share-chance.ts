/**
 * Window-first co-share pairs and their test against chance, in SQL inside DuckDB.
 *
 * Pairs. Shares (account, post, time, object) are cut into buckets of the window's width; a
 * share is joined only with shares of the same object in its own and the next bucket, then
 * |Δt| ≤ w is checked. Same-object pairs outside the window are never built (QUT CNT's band join
 * idea, hash-join friendly). A bucket holding more than `maxCrowd` shares of one object (a viral
 * post retweeted by thousands in a minute) is not paired at all: its pairs are counted
 * analytically for the null model below, but not as evidence, which can only make the test more
 * conservative, and keeps time and memory bounded by maxCrowd² per bucket. Pairs are never
 * stored: they stream into per-pair aggregates, in passes by the hash of the pair's lower account
 * when there are many, so memory stays bounded as the input grows (see testCoShareSignal).
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
 * same two accounts is strong. The observed X_ab counts co-share moments, so that one burst
 * cannot count many times: the smallest of the number of a's posts and of b's posts that have a
 * partner within w and of the distinct moments (time slots as wide as the widest window, ≥ 1
 * min) they fall in. A hashtag set used together at forty moments counts forty; a breaking-news
 * crowd retweeting five posts of one story in the same hour counts one, because coordination
 * is repeated behaviour and topical co-sharing of one event is not. X_ab ≤ the share pairs, so
 * testing it against λ is conservative. It is tested with the Poisson upper tail P(X ≥ x), bounded from above by its first term times
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
  /** Aggregation passes the pairs were cut into (by the hash of the lower account). */
  passes: number;
}

/**
 * Loads the shares of one signal into temp table `d_sh`. Joins and aggregates run on 64-bit
 * hashes of the ids (ah, ph, oh; a collision among 10M ids has probability ~1e-5), the strings
 * are kept for the evidence. `edgesOf` keeps only the accounts of that signal's edges in `d_sig`
 * (for the evidence, which never needs anyone else's shares).
 */
export async function loadSignalShares(
  store: Store,
  source: ShareSource,
  options: { edgesOf?: string } = {},
): Promise<void> {
  const p = source.params.length + 1;
  const only =
    options.edgesOf === undefined
      ? ''
      : `WHERE hash(account_id) IN (SELECT ah FROM d_sig WHERE signal = $${p} UNION SELECT bh_ FROM d_sig WHERE signal = $${p})`;
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_sh AS
     SELECT hash(account_id) AS ah, hash(post_id) AS ph, hash(object_id) AS oh, time_ms, account_id, post_id, object_id
     FROM (SELECT DISTINCT account_id::VARCHAR AS account_id, post_id::VARCHAR AS post_id, time_ms::BIGINT AS time_ms, object_id::VARCHAR AS object_id
           FROM (${source.sql})) ${only}`,
    options.edgesOf === undefined ? source.params : [...source.params, options.edgesOf],
  );
}

/**
 * Per-account post counts (the k of the null model) into temp table `d_k`. Every post is a draw
 * that may carry an object of the signal or none, so N is the number of posts: a signal that
 * only an operation uses (its near-duplicate texts, its hashtag sets) does not define its own
 * null, which would make the operation look like the norm.
 */
export async function loadActivity(store: Store): Promise<number> {
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_k AS SELECT hash(account_id::VARCHAR) AS ah, any_value(account_id::VARCHAR) AS account_id, count(*)::DOUBLE AS k FROM posts GROUP BY account_id',
  );
  return (
    (await store.one<{ n: number }>('SELECT coalesce(sum(k), 0)::DOUBLE AS n FROM d_k'))?.n ?? 0
  );
}

/**
 * SQL of the within-window share pairs over `d_sh` (bucket $1, widest window $2, crowd cap $3),
 * on hashed ids (the evidence joins the ids back for the items it keeps).
 */
function pairsSql(): string {
  return `
  WITH cnt AS (SELECT oh, time_ms // $1 AS b, count(*) AS c FROM d_sh GROUP BY ALL),
  s AS (
    SELECT d.ah, d.ph, d.oh, d.time_ms, d.time_ms // $1 AS b
    FROM d_sh d JOIN cnt ON cnt.oh = d.oh AND cnt.b = d.time_ms // $1
    WHERE cnt.c <= $3),
  x AS (SELECT *, unnest([b, b + 1]) AS jb FROM s)
  SELECT x.oh, x.ah AS a1, y.ah AS a2, x.ph AS p1, y.ph AS p2, x.time_ms AS t1, y.time_ms - x.time_ms AS dt
  FROM x JOIN s AS y ON y.oh = x.oh AND y.b = x.jb
  WHERE y.time_ms >= x.time_ms AND y.time_ms - x.time_ms <= $2 AND x.ah <> y.ah
    AND (y.time_ms > x.time_ms OR x.ph < y.ph)`;
}

/** Upper bound of the share pairs one aggregation pass handles (see testCoShareSignal). */
const PAIRS_PER_PASS = 2_000_000;

/**
 * SQL of the within-window share pairs among the uncrowded shares in `d_ps` (widest window $1),
 * on hashed ids, each unordered pair of shares once, oriented by account: `a` is the lower
 * account hash and `pa` its post, `t1` the earlier time and `dt` = |Δt|. Only pairs whose lower
 * account falls in pass `pass` of `passes` (by account hash) are built, so a pass's per-pair state is about
 * 1/passes of the whole while the band join still runs once over all pairs in total.
 */
function passPairsSql(passes: number, pass: number): string {
  // Code-computed integers, inlined: a bound JS number would make the modulo a DOUBLE one.
  const part = passes > 1 ? `WHERE ah % ${Math.round(passes)} = ${Math.round(pass)}` : '';
  return `
  WITH x AS (SELECT *, unnest([b - 1, b, b + 1]) AS jb FROM d_ps ${part})
  SELECT x.oh, x.cls, x.ah AS a, y.ah AS b, x.ph AS pa, y.ph AS pb,
         least(x.time_ms, y.time_ms) AS t1, abs(y.time_ms - x.time_ms) AS dt
  FROM x JOIN d_ps AS y ON y.oh = x.oh AND y.b = x.jb
  WHERE y.ah > x.ah AND abs(y.time_ms - x.time_ms) <= $1
    AND (y.time_ms <> x.time_ms OR y.ph <> x.ph)`;
}

/**
 * Builds the within-window pairs at the widest window and appends a test row per co-sharing
 * account pair and scale to `d_tests` when its p ≤ qMax: a p above the FDR level can never pass
 * BH (q ≥ p), and the ranks of those below it only depend on rows below it, so BH over the kept
 * rows with the full hypothesis count is exact.
 *
 * Bounded memory: pairs are never stored. A first pass over them counts the within-window share
 * pairs per popularity class (the chance constants); then the account pairs are cut into K
 * passes by the hash of their lower account, K chosen from an upper bound of the pair count, and
 * each pass is aggregated per pair × class and tested before the next. The distinct counts of X
 * are two plain GROUP BYs (per pair, class and post / moment / object: the smallest Δt; then per
 * pair and class: how many have it within each window), which DuckDB can spill to disk, where a
 * COUNT(DISTINCT …) FILTER per scale held one in-memory hash table per column.
 */
export async function testCoShareSignal(
  store: Store,
  signal: string,
  objectType: string,
  windowsMs: readonly number[],
  options: {
    maxCrowd: number;
    posts: number;
    qMax: number;
    /** Called after each aggregation pass (of `passes`). */
    onPass?: (done: number, passes: number) => void;
  },
): Promise<SignalTestResult> {
  const totals = await store.one<{ accounts: number; shares: number; objects: number }>(
    `SELECT count(DISTINCT ah)::BIGINT AS accounts, count(*)::BIGINT AS shares, count(DISTINCT oh)::BIGINT AS objects FROM d_sh`,
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
    passes: 0,
  };
  if (accounts < 2 || n === 0 || windowsMs.length === 0) return result;
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_obj AS SELECT oh, count(*) AS n, ceil(log2(count(*)))::INTEGER AS cls FROM d_sh GROUP BY oh',
  );
  const maxClass =
    (await store.one<{ m: number }>('SELECT max(cls)::INTEGER AS m FROM d_obj'))?.m ?? 0;
  const wMax = Math.max(...windowsMs);
  const bucket = Math.max(1, wMax);
  // Window scales are code-computed integers, inlined as literals in the FILTER clauses.
  const ws = windowsMs.map((w) => Math.round(w));
  // A moment: co-shares closer than the widest window (at least a minute) are one event.
  const moment = Math.max(60_000, Math.round(wMax));
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_cnt AS SELECT oh, time_ms // $1 AS b, count(*) AS c FROM d_sh GROUP BY ALL',
    [bucket],
  );
  // Shares that get paired: those of buckets holding at most maxCrowd shares of their object.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_ps AS
     SELECT d.ah, d.ph, d.oh, d.time_ms, d.time_ms // $1 AS b, o.cls
     FROM d_sh d JOIN d_cnt c ON c.oh = d.oh AND c.b = d.time_ms // $1 JOIN d_obj o ON o.oh = d.oh
     WHERE c.c <= $2`,
    [bucket, options.maxCrowd],
  );
  const bound =
    (
      await store.one<{ n: number }>(
        `SELECT coalesce(sum(c.c * (c.c - 1) / 2 + c.c * coalesce(nx.c, 0)), 0)::DOUBLE AS n
         FROM d_cnt c LEFT JOIN d_cnt nx ON nx.oh = c.oh AND nx.b = c.b + 1 AND nx.c <= $1
         WHERE c.c <= $1`,
        [options.maxCrowd],
      )
    )?.n ?? 0;
  const passes = Math.max(1, Math.min(1024, Math.ceil(bound / PAIRS_PER_PASS)));
  result.passes = passes;
  const crowdRows = await store.all<{ cls: number; pairs: number; buckets: number }>(
    `SELECT o.cls, sum(c.c * (c.c - 1) / 2.0 + c.c * coalesce(nx.c, 0) / 2.0)::DOUBLE AS pairs, count(*)::BIGINT AS buckets
     FROM d_cnt c JOIN d_obj o ON o.oh = c.oh
     LEFT JOIN d_cnt nx ON nx.oh = c.oh AND nx.b = c.b + 1
     WHERE c.c > $1 GROUP BY o.cls`,
    [options.maxCrowd],
  );
  // Within-window share pairs per popularity class and scale: the chance constants.
  const classPairs = await store.all<Record<string, number>>(
    `SELECT cls, ${ws.map((w, i) => `count(*) FILTER (WHERE dt <= ${w})::DOUBLE AS sp${i}`).join(', ')}
     FROM (${passPairsSql(1, 0)}) GROUP BY cls`,
    [wMax],
  );
  const chances: number[] = [];
  for (const [scale, w] of ws.entries()) {
    // Crowded buckets are counted at the widest window; a narrower one holds about w / wMax of them.
    const frac = wMax > 0 ? Math.min(1, w / wMax) : 1;
    const perClass = new Map<number, number>();
    for (const r of classPairs) perClass.set(r['cls']!, (perClass.get(r['cls']!) ?? 0) + r[`sp${scale}`]!);
    for (const r of crowdRows) perClass.set(r.cls, (perClass.get(r.cls) ?? 0) + r.pairs * frac);
    const inWindow = classPairs.reduce((t, r) => t + r[`sp${scale}`]!, 0);
    const crowdPairs = crowdRows.reduce((t, r) => t + r.pairs * frac, 0);
    const crowdBuckets = crowdRows.reduce((t, r) => t + r.buckets, 0);
    await store.run(`CREATE OR REPLACE TEMP TABLE d_cls${scale} (cls INTEGER, c_le DOUBLE)`);
    const ap = await store.appender(`d_cls${scale}`);
    let cum = 0;
    for (let c = 0; c <= maxClass; c++) {
      cum += perClass.get(c) ?? 0;
      ap.appendInteger(c);
      ap.appendDouble((2 * cum) / (n * n));
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    chances.push((2 * cum) / (n * n));
    result.scales.push({
      scale,
      windowMs: w,
      pairsInWindow: inWindow,
      crowdedPairsEstimate: Math.round(crowdPairs),
      crowdedBuckets: crowdBuckets,
      chanceConstant: (2 * cum) / (n * n),
      testedPairs: 0,
    });
    result.hypotheses += (accounts * (accounts - 1)) / 2;
  }

  // Per pair × class: X (the smallest of the pair's distinct posts of a, of b, and moments),
  // distinct objects, share pairs and time span, at each scale. Each post, moment or object
  // counts at a scale when its quickest co-share is within that window.
  const level1 = ws
    .map(
      (w, i) => `count(*) FILTER (WHERE dt <= ${w}) AS sp${i}, min(t1) FILTER (WHERE dt <= ${w}) AS f${i},
                 max(t1 + dt) FILTER (WHERE dt <= ${w}) AS l${i}`,
    )
    .join(',');
  const level2 = ws
    .map(
      (w, i) => `
        least(count(*) FILTER (WHERE kind = 0 AND md <= ${w}), count(*) FILTER (WHERE kind = 1 AND md <= ${w}),
              count(*) FILTER (WHERE kind = 2 AND md <= ${w}))::DOUBLE AS x${i},
        count(*) FILTER (WHERE kind = 3 AND md <= ${w})::DOUBLE AS objs${i},
        coalesce(sum(sp${i}) FILTER (WHERE kind = 0), 0)::BIGINT AS sp${i},
        min(f${i}) FILTER (WHERE kind = 0) AS first${i},
        max(l${i}) FILTER (WHERE kind = 0) AS last${i}`,
    )
    .join(',');
  for (let pass = 0; pass < passes; pass++) {
    // The pass's share pairs, then per account pair their count. Most account pairs meet over a
    // single share pair (X = 1, never an edge, which needs two co-shared objects, but still a
    // test row that counts in the BH ranking): their row is written straight from that pair,
    // and only pairs with two or more go through the distinct counts below.
    await store.run(`CREATE OR REPLACE TEMP TABLE d_pp AS ${passPairsSql(passes, pass)}`, [wMax]);
    await store.run(
      `CREATE OR REPLACE TEMP TABLE d_pn AS
       SELECT a, b, count(*) AS n, min(dt) AS md, any_value(cls) AS cls, any_value(t1) AS t1
       FROM d_pp GROUP BY a, b`,
    );
    await store.run(
      `CREATE OR REPLACE TEMP TABLE d_pc AS
       WITH p AS (SELECT d_pp.* FROM d_pp SEMI JOIN d_pn ON d_pn.a = d_pp.a AND d_pn.b = d_pp.b AND d_pn.n > 1),
       k AS (
         SELECT a, b, cls, kv.kind AS kind, kv.v AS v, min(dt) AS md, ${level1}
         FROM (SELECT *, unnest([{'kind': 0, 'v': pa}, {'kind': 1, 'v': pb},
                                 {'kind': 2, 'v': (t1 // ${moment})::UBIGINT}, {'kind': 3, 'v': oh}]) AS kv
               FROM p)
         GROUP BY a, b, cls, kv.kind, kv.v)
       SELECT a, b, cls, ${level2}
       FROM k GROUP BY a, b, cls`,
    );
    for (const [scale, w] of ws.entries()) {
      // Per pair and popularity threshold 2^c: X_≤c co-share events on objects of popularity ≤ 2^c
      // against λ_≤c = k_a k_b C_≤c; the pair's p is the smallest over thresholds where X grows,
      // times the number of thresholds (Bonferroni over nested tests). Twenty obscure co-shares
      // are judged against the chance of co-sharing obscure objects, not against a viral crowd's.
      // A single share pair is one row of X = 1 in its own class.
      await store.run(
        `INSERT INTO d_tests
         WITH pc AS (SELECT a, b, cls, x${scale} AS xc, objs${scale} AS objs, sp${scale} AS sp, first${scale} AS first_ms, last${scale} AS last_ms
                     FROM d_pc WHERE sp${scale} > 0
                     UNION ALL
                     SELECT a, b, cls, 1.0::DOUBLE, 1.0::DOUBLE, 1::BIGINT, t1, t1 + md
                     FROM d_pn WHERE n = 1 AND md <= ${w}),
         cum AS (
           SELECT pc.*, sum(xc) OVER (PARTITION BY a, b ORDER BY cls) AS x_le, ka.k * kb.k * d_cls.c_le AS lam
           FROM pc JOIN d_cls${scale} AS d_cls USING (cls)
           JOIN d_k ka ON ka.ah = pc.a
           JOIN d_k kb ON kb.ah = pc.b),
         tail AS (
           SELECT *, CASE WHEN lam < x_le + 1
                          THEN least(0.0, -lam + x_le * ln(lam) - lgamma(x_le + 1) + ln((x_le + 1) / (x_le + 1 - lam)))
                          ELSE 0.0 END AS logp_c
           FROM cum)
         SELECT $1 AS signal, $2 AS object_type, $3 AS scale, $4 AS window_ms, a, b,
                sum(xc) AS x, sum(objs) AS objs, sum(sp)::BIGINT AS sp, arg_min(lam, logp_c) AS lam,
                least(0.0, min(logp_c) + ln($5)) AS logp, min(first_ms) AS first_ms, max(last_ms) AS last_ms
         FROM tail GROUP BY a, b
         HAVING least(0.0, min(logp_c) + ln($5)) <= ln($6)`,
        [signal, objectType, scale, w, maxClass + 1, options.qMax],
      );
      const tested =
        (
          await store.one<{ n: number }>(
            `SELECT count(*)::BIGINT AS n FROM d_pn WHERE md <= ${w}`,
          )
        )?.n ?? 0;
      result.scales[scale]!.testedPairs += tested;
    }
    options.onPass?.(pass + 1, passes);
  }
  for (const t of ['d_pc', 'd_pp', 'd_pn', 'd_ps', 'd_cnt', 'd_obj', ...ws.map((_, i) => `d_cls${i}`)])
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  return result;
}

/** Creates the empty `d_tests` table that testCoShareSignal appends to. */
export async function createTestsTable(store: Store): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_tests (
       signal VARCHAR, object_type VARCHAR, scale INTEGER, window_ms BIGINT,
       a UBIGINT, b UBIGINT, x DOUBLE, objs DOUBLE, sp BIGINT, lam DOUBLE, logp DOUBLE,
       first_ms BIGINT, last_ms BIGINT)`,
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
     SELECT bh.* EXCLUDE (rk, a, b), bh.a AS ah, bh.b AS bh_, ka.account_id AS a, kb.account_id AS b
     FROM bh JOIN d_k ka ON ka.ah = bh.a JOIN d_k kb ON kb.ah = bh.b
     WHERE logq <= ln($2) AND x >= $3
     QUALIFY row_number() OVER (PARTITION BY signal, bh.a, bh.b ORDER BY logq, logp, scale) = 1`,
    [m, options.qMax, options.minObjects],
  );
  return (await store.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_sig'))?.n ?? 0;
}

/** Creates the empty `d_evid` (evidence items) and `d_med` (median |Δt|) tables of a run. */
export async function createEvidenceTables(store: Store): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_evid (
       signal VARCHAR, a VARCHAR, b VARCHAR, post_a VARCHAR, post_b VARCHAR, object_type VARCHAR,
       object_id VARCHAR, delta_ms BIGINT, time_ms BIGINT, rk BIGINT)`,
  );
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_med (signal VARCHAR, a VARCHAR, b VARCHAR, m DOUBLE)',
  );
}

/**
 * Evidence of the significant edges of one signal, whose shares are loaded in `d_sh`: the pairs
 * are rebuilt among the accounts of those edges only. Up to `perEdge` items per edge (distinct
 * objects, quickest first, numbered by `rk`) go to `d_evid`, and the median |Δt| over all of the
 * edge's share pairs to `d_med`; nothing is read into JavaScript, so a run with a million edges
 * keeps its evidence in the database.
 */
export async function collectEdgeEvidence(
  store: Store,
  signal: string,
  perEdge: number,
  options: { maxCrowd: number },
): Promise<void> {
  const w =
    (
      await store.one<{ w: number }>(
        'SELECT max(window_ms)::BIGINT AS w FROM d_sig WHERE signal = $1',
        [signal],
      )
    )?.w ?? 0;
  // On hashes: the edge's share pairs (oriented so that the a side is the edge's lower-hash
  // account), their median |Δt|, and the quickest pair of each object; the ids are joined back
  // only for the items kept.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_ev AS
     WITH pairs AS (${pairsSql()})
     SELECT s.ah, s.bh_ AS bh, p.oh,
            CASE WHEN p.a1 = s.ah THEN p.p1 ELSE p.p2 END AS pa,
            CASE WHEN p.a1 = s.ah THEN p.p2 ELSE p.p1 END AS pb,
            CASE WHEN p.a1 = s.ah THEN p.dt ELSE -p.dt END AS delta_ms,
            p.t1 AS time_ms, p.dt AS adt
     FROM pairs p
     JOIN d_sig s ON s.signal = $4 AND s.ah = least(p.a1, p.a2) AND s.bh_ = greatest(p.a1, p.a2)
     WHERE p.dt <= s.window_ms`,
    [Math.max(1, w), w, options.maxCrowd, signal],
  );
  await store.run(
    `INSERT INTO d_med
     SELECT $1, s.a, s.b, m.m FROM (SELECT ah, bh, median(adt)::DOUBLE AS m FROM d_ev GROUP BY ah, bh) m
     JOIN d_sig s ON s.signal = $1 AND s.ah = m.ah AND s.bh_ = m.bh`,
    [signal],
  );
  await store.run(
    `INSERT INTO d_evid
     WITH e AS (
       SELECT * FROM d_ev QUALIFY row_number() OVER (PARTITION BY ah, bh, oh ORDER BY adt, pa, pb) = 1),
     r AS (SELECT *, row_number() OVER (PARTITION BY ah, bh ORDER BY adt, oh, pa, pb) AS rk FROM e
           QUALIFY rk <= $1),
     post AS (SELECT DISTINCT ph, oh, post_id, object_id FROM d_sh)
     SELECT s.signal, s.a, s.b, x.post_id, y.post_id, s.object_type, x.object_id,
            r.delta_ms::BIGINT, r.time_ms::BIGINT, r.rk
     FROM r
     JOIN d_sig s ON s.signal = $2 AND s.ah = r.ah AND s.bh_ = r.bh
     JOIN post x ON x.ph = r.pa AND x.oh = r.oh
     JOIN post y ON y.ph = r.pb AND y.oh = r.oh`,
    [perEdge, signal],
  );
  await store.run('DROP TABLE IF EXISTS d_ev');
}
