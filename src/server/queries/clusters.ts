/** Clusters of the latest detect run: the ranked list and one cluster with everything its page shows. */
import { notFoundError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { clipText, namesOf, parseJsonColumn } from './json-column.ts';
import { serialiseWrites } from '../../cases/index.ts';
import { computeLayout } from './layout.ts';
import { readLatestRunId } from './latest-run.ts';

export const MAX_GRAPH_EDGES = 50_000;

export interface ClusterSummary {
  clusterId: string;
  rank: number;
  verdict: string;
  score: number;
  reason: string;
  accounts: number;
  edges: number;
  signals: string[];
  indicators: string[];
  firstMs: number | null;
  lastMs: number | null;
}

function toSummary(r: Record<string, unknown>): ClusterSummary {
  return {
    clusterId: String(r['cluster_id']),
    rank: Number(r['rank']),
    verdict: String(r['verdict']),
    score: Number(r['score']),
    reason: clipText(r['reason'], 2000) ?? '',
    accounts: Number(r['accounts'] ?? 0),
    edges: Number(r['edge_count'] ?? 0),
    signals: namesOf(parseJsonColumn(r['signals'], []), 'signal'),
    indicators: namesOf(parseJsonColumn(r['indicators'], []), 'indicator'),
    firstMs: r['first_ms'] == null ? null : Number(r['first_ms']),
    lastMs: r['last_ms'] == null ? null : Number(r['last_ms']),
  };
}

const SUMMARY_SQL = `
SELECT c.*, coalesce(ca.n, 0) AS accounts, coalesce(ec.n, 0) AS edge_count
  FROM clusters c
  LEFT JOIN (SELECT cluster_id, count(DISTINCT account_id) AS n FROM cluster_accounts WHERE run_id = $1 GROUP BY cluster_id) ca ON ca.cluster_id = c.cluster_id
  LEFT JOIN (SELECT cluster_id, count(*) AS n FROM edges WHERE run_id = $1 GROUP BY cluster_id) ec ON ec.cluster_id = c.cluster_id
 WHERE c.run_id = $1`;

/** Clusters ranked by score (then rank), optionally of one verdict. */
export async function listClusters(
  store: Store,
  f: { verdict?: string; limit: number; offset: number },
): Promise<{ runId: string | null; total: number; items: ClusterSummary[] }> {
  const runId = await readLatestRunId(store);
  if (!runId) return { runId: null, total: 0, items: [] };
  const params: (string | number)[] = [runId];
  let where = '';
  if (f.verdict) {
    params.push(f.verdict);
    where = ' AND c.verdict = $2';
  }
  const total = await store.one<{ n: number }>(
    `SELECT count(*) AS n FROM clusters c WHERE c.run_id = $1${where}`,
    params,
  );
  const rows = await store.all(
    `${SUMMARY_SQL}${where} ORDER BY c.score DESC, c.rank LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { runId, total: total?.n ?? 0, items: rows.map(toSummary) };
}

export interface ClusterNode {
  accountId: string;
  platform: string | null;
  displayName: string | null;
  handle: string | null;
  surface: string;
  createdMs: number | null;
  followers: number | null;
  posts: number;
  policyHits: number;
  indicators: string[];
  x: number;
  y: number;
}

export interface ClusterEdge {
  key: string;
  a: string;
  b: string;
  signal: string;
  weight: number;
  qValue: number | null;
  evidenceCount: number;
}

/** Opaque, URL-safe key of an edge of the latest run. */
export function toEdgeKey(clusterId: string, a: string, b: string, signal: string): string {
  return Buffer.from(JSON.stringify([clusterId, a, b, signal])).toString('base64url');
}

export function parseEdgeKey(key: string): [string, string, string, string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'string')
      ? (v as [string, string, string, string])
      : undefined;
  } catch {
    return undefined;
  }
}

/** Bucket width for about `target` bars over [min, max]: an hour, a day, a week or a 30-day month. */
function bucketWidth(min: number, max: number, target: number): number {
  const steps = [3_600_000, 86_400_000, 7 * 86_400_000, 30 * 86_400_000, 365 * 86_400_000];
  for (const s of steps) if ((max - min) / s <= target) return s;
  return steps.at(-1) as number;
}

type Layout = Map<string, { x: number; y: number }>;
const layoutCache = new Map<string, Layout>();
const MAX_CACHED_LAYOUTS = 32;

/** The cluster's layout: from memory, else from cluster_layouts, else computed once and stored. */
async function readLayout(
  store: Store,
  runId: string,
  clusterId: string,
  ids: string[],
  edges: ClusterEdge[],
): Promise<Layout> {
  const cacheKey = `${store.path}\u0000${runId}\u0000${clusterId}`;
  const cached = layoutCache.get(cacheKey);
  if (cached && cached.size === ids.length) return cached;
  const rows = await store.all<{ account_id: string; x: number; y: number }>(
    'SELECT account_id, x, y FROM cluster_layouts WHERE run_id = $1 AND cluster_id = $2',
    [runId, clusterId],
  );
  let layout: Layout;
  if (rows.length === ids.length && ids.length > 0) {
    layout = new Map(rows.map((r) => [r.account_id, { x: r.x, y: r.y }]));
  } else {
    layout = computeLayout({ nodes: ids, edges });
    await serialiseWrites(store, () =>
      store.transaction(async (tx) => {
        await tx.run('DELETE FROM cluster_layouts WHERE run_id = $1 AND cluster_id = $2', [
          runId,
          clusterId,
        ]);
        const appender = await tx.appender('cluster_layouts');
        for (const [id, p] of layout) {
          appender.appendVarchar(runId);
          appender.appendVarchar(clusterId);
          appender.appendVarchar(id);
          appender.appendDouble(p.x);
          appender.appendDouble(p.y);
          appender.endRow();
        }
        appender.closeSync();
      }),
    );
  }
  if (layoutCache.size >= MAX_CACHED_LAYOUTS)
    layoutCache.delete(layoutCache.keys().next().value as string);
  layoutCache.set(cacheKey, layout);
  return layout;
}

/** One cluster: accounts with positions, edges, timeline and account-creation histogram. */
export async function readCluster(store: Store, clusterId: string) {
  const runId = await readLatestRunId(store);
  const row = runId
    ? await store.one(`${SUMMARY_SQL} AND c.cluster_id = $2`, [runId, clusterId])
    : undefined;
  if (!runId || !row)
    throw notFoundError(`There is no cluster ${clusterId} in the latest detect run`);
  const summary = toSummary(row);
  // Counts are pre-aggregated and joined (not correlated per account): 10,000 accounts in one pass.
  const accounts = await store.all(
    `WITH m AS (SELECT DISTINCT platform, account_id FROM cluster_accounts WHERE run_id = $1 AND cluster_id = $2),
          pc AS (SELECT account_id, count(*) AS n FROM posts WHERE account_id IN (SELECT account_id FROM m) GROUP BY account_id),
          hc AS (SELECT account_id, count(*) AS n FROM policy_results WHERE violating AND account_id IN (SELECT account_id FROM m) GROUP BY account_id),
          ac AS (SELECT platform, account_id, any_value(display_name) AS display_name, any_value(handle) AS handle, any_value(surface) AS surface,
                        any_value(created_ms) AS created_ms, any_value(followers) AS followers
                   FROM accounts WHERE account_id IN (SELECT account_id FROM m) GROUP BY platform, account_id)
     SELECT m.platform, m.account_id, any_value(ac.display_name) AS display_name, any_value(ac.handle) AS handle, any_value(ac.surface) AS surface,
            any_value(ac.created_ms) AS created_ms, any_value(ac.followers) AS followers,
            coalesce(any_value(pc.n), 0) AS posts, coalesce(any_value(hc.n), 0) AS policy_hits
       FROM m LEFT JOIN ac ON ac.account_id = m.account_id AND (m.platform IS NULL OR ac.platform = m.platform)
              LEFT JOIN pc ON pc.account_id = m.account_id
              LEFT JOIN hc ON hc.account_id = m.account_id
      GROUP BY m.platform, m.account_id ORDER BY m.account_id`,
    [runId, clusterId],
  );
  const edgeRows = await store.all(
    `SELECT a, b, signal, weight, q_value, json_array_length(evidence) AS n FROM edges WHERE run_id = $1 AND cluster_id = $2 ORDER BY weight DESC, a, b, signal LIMIT $3`,
    [runId, clusterId, MAX_GRAPH_EDGES],
  );
  const edges: ClusterEdge[] = edgeRows.map((e) => ({
    key: toEdgeKey(clusterId, String(e['a']), String(e['b']), String(e['signal'])),
    a: String(e['a']),
    b: String(e['b']),
    signal: String(e['signal']),
    weight: Number(e['weight']),
    qValue: e['q_value'] == null ? null : Number(e['q_value']),
    evidenceCount: Number(e['n'] ?? 0),
  }));
  const ids = accounts.map((a) => String(a['account_id']));
  const layout = await readLayout(store, runId, clusterId, ids, edges);
  // Per-account indicators: those detection lists with account ids, plus the classifier's hits.
  const perAccount = new Map<string, Set<string>>();
  for (const ind of parseJsonColumn<unknown[]>(row['indicators'], [])) {
    if (!ind || typeof ind !== 'object') continue;
    const { indicator, accounts: members } = ind as { indicator?: unknown; accounts?: unknown };
    if (typeof indicator !== 'string' || !Array.isArray(members)) continue;
    for (const m of members)
      if (typeof m === 'string')
        (perAccount.get(m) ?? perAccount.set(m, new Set()).get(m))?.add(indicator);
  }
  const nodes: ClusterNode[] = accounts.map((a) => {
    const id = String(a['account_id']);
    const inds = new Set(perAccount.get(id));
    if (Number(a['policy_hits']) > 0) inds.add('policy_violations');
    const pos = layout.get(id) ?? { x: 0, y: 0 };
    return {
      accountId: id,
      platform: a['platform'] == null ? null : String(a['platform']),
      displayName: clipText(a['display_name'], 200),
      handle: clipText(a['handle'], 200),
      surface: String(a['surface'] ?? 'account'),
      createdMs: a['created_ms'] == null ? null : Number(a['created_ms']),
      followers: a['followers'] == null ? null : Number(a['followers']),
      posts: Number(a['posts'] ?? 0),
      policyHits: Number(a['policy_hits'] ?? 0),
      indicators: [...inds].sort(),
      x: pos.x,
      y: pos.y,
    };
  });
  const range = await store.one<{ lo: number | null; hi: number | null }>(
    `SELECT min(time_ms) AS lo, max(time_ms) AS hi FROM posts WHERE account_id IN (SELECT account_id FROM cluster_accounts WHERE run_id = $1 AND cluster_id = $2)`,
    [runId, clusterId],
  );
  let timeline = { bucketMs: 86_400_000, buckets: [] as { startMs: number; count: number }[] };
  if (range?.lo != null && range.hi != null) {
    const w = bucketWidth(range.lo, range.hi, 120);
    const rows = await store.all<{ s: number; n: number }>(
      `SELECT (time_ms // $3) * $3 AS s, count(*) AS n FROM posts WHERE account_id IN (SELECT account_id FROM cluster_accounts WHERE run_id = $1 AND cluster_id = $2) GROUP BY 1 ORDER BY 1`,
      [runId, clusterId, w],
    );
    timeline = {
      bucketMs: w,
      buckets: rows.map((r) => ({ startMs: Number(r.s), count: Number(r.n) })),
    };
  }
  const created = nodes.map((n) => n.createdMs).filter((x): x is number => x !== null);
  let creation = { bucketMs: 86_400_000, buckets: [] as { startMs: number; count: number }[] };
  if (created.length) {
    const lo = Math.min(...created);
    const hi = Math.max(...created);
    const w = bucketWidth(lo, hi, 60);
    const counts = new Map<number, number>();
    for (const c of created) {
      const s = Math.floor(c / w) * w;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    creation = {
      bucketMs: w,
      buckets: [...counts]
        .sort((x, y) => x[0] - y[0])
        .map(([startMs, count]) => ({ startMs, count })),
    };
  }
  return {
    runId,
    cluster: summary,
    signalDetail: parseJsonColumn<unknown>(row['signals'], []),
    indicatorDetail: parseJsonColumn<unknown>(row['indicators'], []),
    nodes,
    edges,
    edgesTruncated: summary.edges > edges.length,
    timeline,
    creation,
  };
}
