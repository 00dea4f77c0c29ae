/**
 * What detect says about each cluster, computed in DuckDB from the significant edges (`d_sig`,
 * `d_med`, `d_evid`) and the communities (`d_members`): the signals with their edge counts,
 * co-shares and median Δt, the density of member pairs, the time span, the content the members
 * co-share and how exclusively, the accounts they amplify, and the strongest edges a cluster
 * lists with their evidence. At 10M posts most of several million significant edges lie inside
 * clusters, so JavaScript reads aggregates and a bounded number of edges per cluster and per
 * seed; every edge still goes to the `edges` table in SQL (detect.ts).
 */
import type { Signal } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type {
  AmplifiedAccount,
  ClusterSignal,
  EvidenceItem,
  FindingEdge,
  SharedObject,
} from './findings-types.ts';

/** Object types whose sharing counts in a cluster's exclusivity and top objects. */
const CONTENT_TYPES = ['retweet', 'url', 'hashtag_set', 'text', 'media', 'object', 'reply'];

/** Per-cluster figures of its in-cluster edges. */
export interface ClusterFigures {
  signals: ClusterSignal[];
  /** Significant edges inside the cluster (all signals). */
  edges: number;
  /** Member pairs tied by at least one edge. */
  pairs: number;
  firstMs: number | null;
  lastMs: number | null;
  /** Median |Δt| over the content edges (all but sync_activity), null when there are none. */
  contentMedianDeltaMs: number | null;
}

/**
 * Writes `d_cedge`: every significant edge whose two accounts are in the same cluster, with the
 * cluster and the edge's median |Δt|.
 */
export async function createClusterEdgesTable(store: Store): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_cedge AS
     SELECT m1.cluster, s.signal, s.a, s.b, s.x, s.objs, s.sp, s.lam, s.logp, s.logq, s.window_ms,
            s.first_ms, s.last_ms, abs(coalesce(md.m, 0))::DOUBLE AS med
     FROM d_sig s
     JOIN d_members m1 ON m1.account_id = s.a
     JOIN d_members m2 ON m2.account_id = s.b AND m2.cluster = m1.cluster
     LEFT JOIN d_med md ON md.signal = s.signal AND md.a = s.a AND md.b = s.b`,
  );
}

/** Signals, density inputs, time span and median Δt of every cluster, from `d_cedge`. */
export async function readClusterFigures(store: Store): Promise<Map<number, ClusterFigures>> {
  const out = new Map<number, ClusterFigures>();
  const whole = await store.all<{
    cluster: number;
    edges: number;
    pairs: number;
    first_ms: number | null;
    last_ms: number | null;
    content_med: number | null;
  }>(
    `SELECT cluster, count(*)::BIGINT AS edges, count(DISTINCT (a, b))::BIGINT AS pairs,
            min(first_ms)::BIGINT AS first_ms, max(last_ms)::BIGINT AS last_ms,
            (median(med) FILTER (WHERE signal <> 'sync_activity'))::DOUBLE AS content_med
     FROM d_cedge GROUP BY cluster`,
  );
  for (const r of whole) {
    out.set(r.cluster, {
      signals: [],
      edges: r.edges,
      pairs: r.pairs,
      firstMs: r.first_ms === null ? null : Number(r.first_ms),
      lastMs: r.last_ms === null ? null : Number(r.last_ms),
      contentMedianDeltaMs: r.content_med,
    });
  }
  const bySignal = await store.all<{
    cluster: number;
    signal: Signal;
    edges: number;
    co_shares: number;
    med: number;
  }>(
    `SELECT cluster, signal, count(*)::BIGINT AS edges, sum(x)::DOUBLE AS co_shares, median(med)::DOUBLE AS med
     FROM d_cedge GROUP BY cluster, signal ORDER BY cluster, edges DESC, signal`,
  );
  for (const r of bySignal) {
    out.get(r.cluster)?.signals.push({
      signal: r.signal,
      edges: r.edges,
      co_shares: r.co_shares,
      median_delta_ms: r.med,
    });
  }
  return out;
}

/** Appends `item` to the list of `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Writes account ids into a new one-column temp table `table` (a name chosen by code). */
async function writeAccountIdTable(
  store: Store,
  table: string,
  accountIds: readonly string[],
): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table} (account_id VARCHAR)`);
  const ap = await store.appender(table);
  for (const id of accountIds) {
    ap.appendVarchar(id);
    ap.endRow();
  }
  ap.flushSync();
  ap.closeSync();
}

/**
 * The edges JavaScript reads, with their evidence: each cluster's strongest `perCluster` edges
 * (lowest q, then most co-shares: the order findings list them in) and each seed's strongest
 * `perSeed` edges. Returns the listed edges by cluster and the seed edges.
 */
export async function readListedEdges(
  store: Store,
  seeds: readonly string[],
  limits: { perCluster: number; perSeed: number },
): Promise<{ byCluster: Map<number, FindingEdge[]>; seedEdges: FindingEdge[] }> {
  await writeAccountIdTable(store, 'd_seed_ids', seeds);
  // One table of the listed edges: in-cluster ones carry their cluster, seed ones the flag.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_listed AS
     WITH top AS (
       SELECT cluster, signal, a, b FROM d_cedge
       QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY exp(logq), x DESC, signal, a, b) <= $1),
     seed AS (
       SELECT s.signal, s.a, s.b
       FROM d_sig s JOIN d_seed_ids sd ON sd.account_id = s.a OR sd.account_id = s.b
       QUALIFY row_number() OVER (PARTITION BY sd.account_id ORDER BY s.x DESC, exp(s.logq), s.signal, s.a, s.b) <= $2)
     SELECT signal, a, b, max(cluster) AS cluster, bool_or(seed_edge) AS seed_edge FROM (
       SELECT signal, a, b, cluster, false AS seed_edge FROM top
       UNION ALL SELECT signal, a, b, NULL, true FROM seed)
     GROUP BY signal, a, b`,
    [limits.perCluster, limits.perSeed],
  );
  const rows = await store.all<{
    cluster: number | null;
    seed_edge: boolean;
    signal: Signal;
    a: string;
    b: string;
    x: number;
    objs: number;
    sp: number;
    lam: number;
    logp: number;
    logq: number;
    window_ms: number;
    med: number;
  }>(
    `SELECT w.cluster, w.seed_edge, s.signal, s.a, s.b, s.x, s.objs, s.sp, s.lam, s.logp, s.logq, s.window_ms,
            coalesce(md.m, 0)::DOUBLE AS med
     FROM d_sig s JOIN d_listed w ON w.signal = s.signal AND w.a = s.a AND w.b = s.b
     LEFT JOIN d_med md ON md.signal = s.signal AND md.a = s.a AND md.b = s.b
     ORDER BY s.signal, s.a, s.b`,
  );
  const evidence = await readEvidence(store);
  const byCluster = new Map<number, FindingEdge[]>();
  const seedEdges: FindingEdge[] = [];
  for (const r of rows) {
    const key = `${r.signal}|${r.a}|${r.b}`;
    const edge: FindingEdge = {
      a: String(r.a),
      b: String(r.b),
      signal: r.signal,
      weight: r.x,
      objects: r.objs,
      p_value: Math.exp(r.logp),
      q_value: Math.exp(r.logq),
      expected: r.lam,
      window_ms: r.window_ms,
      share_pairs: r.sp,
      median_delta_ms: r.med,
      evidence: evidence.get(key) ?? [],
    };
    if (r.cluster !== null) pushTo(byCluster, r.cluster, edge);
    if (r.seed_edge) seedEdges.push(edge);
  }
  for (const list of byCluster.values())
    list.sort((x, y) => x.q_value - y.q_value || y.weight - x.weight);
  return { byCluster, seedEdges };
}

/** Evidence items of the edges in d_listed, keyed signal|a|b. */
async function readEvidence(store: Store): Promise<Map<string, EvidenceItem[]>> {
  const evidence = new Map<string, EvidenceItem[]>();
  type EvidenceRow = EvidenceItem & { signal: string; a: string; b: string; [column: string]: unknown };
  for await (const page of store.stream<EvidenceRow>(
    `SELECT e.signal, e.a, e.b, e.post_a, e.post_b, e.object_type, e.object_id, e.delta_ms, e.time_ms
     FROM d_evid e SEMI JOIN d_listed w ON w.signal = e.signal AND w.a = e.a AND w.b = e.b
     ORDER BY e.signal, e.a, e.b, e.rk`,
  )) {
    for (const row of page) {
      const key = `${row.signal}|${row.a}|${row.b}`;
      const item: EvidenceItem = {
        post_a: String(row.post_a),
        post_b: String(row.post_b),
        object_type: row.object_type,
        object_id: String(row.object_id),
        delta_ms: Number(row.delta_ms),
        time_ms: Number(row.time_ms),
      };
      pushTo(evidence, key, item);
    }
  }
  return evidence;
}

/** Member-weighted exclusivity and top shared objects per cluster (see cluster-verdict.ts). */
export async function computeExclusivity(
  store: Store,
  withNear: boolean,
): Promise<{ exclusivity: Map<number, number>; topObjects: Map<number, SharedObject[]> }> {
  const near = withNear
    ? "UNION ALL SELECT account_id, 'near_text' AS object_type, object_id FROM d_near"
    : '';
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_content AS
     SELECT account_id, object_type, object_id FROM post_objects WHERE object_type IN (${CONTENT_TYPES.map((t) => `'${t}'`).join(', ')})
     ${near}`,
  );
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_cobj AS
     WITH ms AS (
       SELECT m.cluster, c.object_type, c.object_id, c.account_id
       FROM d_content c JOIN d_members m ON m.account_id = c.account_id),
     co AS (
       SELECT cluster, object_type, object_id, count(*)::DOUBLE AS member_shares, count(DISTINCT account_id) AS members
       FROM ms GROUP BY ALL HAVING count(DISTINCT account_id) >= 2),
     tot AS (
       SELECT c.object_type, c.object_id, count(*)::DOUBLE AS total
       FROM d_content c SEMI JOIN co ON co.object_type = c.object_type AND co.object_id = c.object_id
       GROUP BY ALL)
     SELECT co.*, tot.total FROM co JOIN tot USING (object_type, object_id)`,
  );
  const ex = await store.all<{ cluster: number; e: number }>(
    'SELECT cluster, sum(member_shares * member_shares / total) / sum(member_shares) AS e FROM d_cobj GROUP BY cluster',
  );
  const top = await store.all<{
    cluster: number;
    object_type: string;
    object_id: string;
    members: number;
    member_shares: number;
    total: number;
  }>(
    `SELECT cluster, object_type, object_id, members::BIGINT AS members, member_shares::BIGINT AS member_shares, total::BIGINT AS total
     FROM d_cobj QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY members DESC, member_shares / total DESC, object_id) <= 5`,
  );
  const topObjects = new Map<number, SharedObject[]>();
  for (const r of top) {
    pushTo(topObjects, r.cluster, {
      object_type: r.object_type,
      object_id: String(r.object_id),
      members: r.members,
      member_shares: r.member_shares,
      total_shares: r.total,
    });
  }
  await store.run('DROP TABLE IF EXISTS d_cobj');
  await store.run('DROP TABLE IF EXISTS d_content');
  return { exclusivity: new Map(ex.map((r) => [r.cluster, r.e])), topObjects };
}

/** Per cluster: members whose own posts other members retweet, reply to or quote. */
export async function computeMemberAuthors(store: Store): Promise<Map<number, number>> {
  const rows = await store.all<{ cluster: number; authors: number }>(
    `SELECT m1.cluster, count(DISTINCT p.ref_account_id)::BIGINT AS authors
     FROM posts p
     JOIN d_members m1 ON m1.account_id = p.account_id
     JOIN d_members m2 ON m2.account_id = p.ref_account_id AND m2.cluster = m1.cluster
     WHERE p.ref_account_id IS NOT NULL AND p.ref_account_id <> p.account_id
     GROUP BY m1.cluster`,
  );
  return new Map(rows.map((r) => [r.cluster, r.authors]));
}

/**
 * Accounts a cluster amplifies: retweeted, replied to, quoted or mentioned by at least a quarter
 * of its members (and ≥ 3), and the cluster gives at least half of all the amplification the
 * account receives. A celebrity that fans retweet is amplified by thousands of others, and an
 * account a few members happened to retweet is not what the cluster exists to push.
 */
export async function computeAmplified(store: Store): Promise<Map<number, AmplifiedAccount[]>> {
  const rows = await store.all<{
    cluster: number;
    tgt: string;
    n_cl: number;
    srcs: number;
    n_all: number;
  }>(
    `WITH inter AS (
       SELECT account_id AS src, ref_account_id AS tgt FROM posts WHERE ref_account_id IS NOT NULL AND ref_account_id <> account_id
       UNION ALL
       SELECT po.account_id, a.account_id FROM post_objects po JOIN accounts a ON a.account_id = po.object_id
       WHERE po.object_type = 'mention' AND a.account_id <> po.account_id),
     size AS (SELECT cluster, count(*) AS n FROM d_members GROUP BY cluster),
     cl AS (
       SELECT g.* FROM (
         SELECT m.cluster, i.tgt, count(*)::BIGINT AS n_cl, count(DISTINCT i.src)::BIGINT AS srcs
         FROM inter i JOIN d_members m ON m.account_id = i.src GROUP BY m.cluster, i.tgt) g
       JOIN size ON size.cluster = g.cluster
       WHERE g.srcs >= greatest(3, ceil(size.n / 4.0))),
     tot AS (SELECT tgt, count(*)::BIGINT AS n_all FROM inter SEMI JOIN cl USING (tgt) GROUP BY tgt)
     SELECT cl.cluster, cl.tgt, cl.n_cl, cl.srcs, tot.n_all FROM cl JOIN tot USING (tgt)
     WHERE cl.n_cl >= 0.5 * tot.n_all ORDER BY cl.cluster, cl.n_cl DESC, cl.tgt`,
  );
  const out = new Map<number, AmplifiedAccount[]>();
  for (const r of rows) {
    pushTo(out, r.cluster, {
      account_id: String(r.tgt),
      interactions: r.n_cl,
      members: r.srcs,
      cluster_share: Math.round((1000 * r.n_cl) / r.n_all) / 1000,
    });
  }
  return out;
}
