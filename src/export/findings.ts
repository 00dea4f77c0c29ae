/**
 * Reads the findings every export speaks about from the store: the chosen detect run's clusters
 * with their accounts (profile fields, decisions), edges with evidence, and, where those tables
 * exist, impersonation findings. Read from tables rather than from the detection code, so exports
 * work on any database `takedown detect` has written.
 */
import { notFoundError, usageError, VERDICTS, type Verdict } from '../model/index.ts';
import type { Store } from '../store/index.ts';

export interface FindingsSelection {
  /** A detect run id; default: the latest run (by created_ms). */
  runId?: string;
  /** Only these cluster ids. */
  clusterIds?: readonly string[];
  /** Only clusters with these verdicts. */
  verdicts?: readonly Verdict[];
}

export interface AccountDecision {
  caseId: string;
  action: string;
  policy: string | null;
  status: string;
  decidedMs: number | null;
}

export interface FoundAccount {
  platform: string;
  accountId: string;
  surface: string;
  role: string;
  displayName: string | null;
  handle: string | null;
  description: string | null;
  profileUrl: string | null;
  reportedLocation: string | null;
  followers: number | null;
  following: number | null;
  createdMs: number | null;
  language: string | null;
  /** The latest decision on this account, if any. */
  decision: AccountDecision | null;
  /** True when its latest decision is `remove` or `suspend` and not overturned. */
  removed: boolean;
}

export interface FoundEdge {
  a: string;
  b: string;
  signal: string;
  weight: number;
  pValue: number | null;
  qValue: number | null;
  evidence: unknown[];
}

export interface FoundImpersonation {
  accountId: string;
  identityId: string;
  identityName: string | null;
  identityRole: string | null;
  score: number | null;
  reasons: string[];
}

export interface FoundCluster {
  clusterId: string;
  rank: number;
  verdict: string;
  score: number;
  reason: string;
  firstMs: number | null;
  lastMs: number | null;
  /** Signal names with their summary objects as detect wrote them. */
  signals: { signal: string; [k: string]: unknown }[];
  indicators: { indicator: string; [k: string]: unknown }[];
  accounts: FoundAccount[];
  edges: FoundEdge[];
  impersonations: FoundImpersonation[];
}

export interface Findings {
  runId: string;
  createdMs: number;
  parameters: unknown;
  clusters: FoundCluster[];
}

/** Actions that take an account down. */
export const REMOVING_ACTIONS: ReadonlySet<string> = new Set(['remove', 'suspend']);

/** Reads the findings of one detect run, filtered as asked. Throws when there is no run. */
export async function loadFindings(store: Store, selection: FindingsSelection = {}): Promise<Findings> {
  const run = selection.runId
    ? await store.one<{ run_id: string; created_ms: number; parameters: unknown }>(
        'SELECT run_id, created_ms, parameters FROM detect_runs WHERE run_id = $1',
        [selection.runId],
      )
    : await store.one<{ run_id: string; created_ms: number; parameters: unknown }>(
        'SELECT run_id, created_ms, parameters FROM detect_runs ORDER BY created_ms DESC, run_id DESC LIMIT 1',
      );
  if (!run) {
    throw selection.runId
      ? notFoundError(`There is no detect run '${selection.runId}' in this database`)
      : notFoundError('This database has no findings yet: run `takedown detect` first');
  }
  for (const v of selection.verdicts ?? []) {
    if (!(VERDICTS as readonly string[]).includes(v)) throw usageError(`Unknown verdict '${v}': use ${VERDICTS.join(', ')}`);
  }
  const rows = await store.all<{
    cluster_id: string;
    rank: number;
    verdict: string;
    score: number;
    reason: string;
    first_ms: number | null;
    last_ms: number | null;
    signals: unknown;
    indicators: unknown;
  }>(
    'SELECT cluster_id, rank, verdict, score, reason, first_ms, last_ms, signals, indicators FROM clusters WHERE run_id = $1 ORDER BY rank, cluster_id',
    [run.run_id],
  );
  const wanted = selection.clusterIds ? new Set(selection.clusterIds) : null;
  if (wanted) {
    const known = new Set(rows.map((r) => r.cluster_id));
    const missing = [...wanted].filter((id) => !known.has(id));
    if (missing.length > 0) throw notFoundError(`No cluster ${missing.join(', ')} in detect run ${run.run_id}`);
  }
  const verdicts = selection.verdicts ? new Set<string>(selection.verdicts) : null;
  const chosen = rows.filter((r) => (!wanted || wanted.has(r.cluster_id)) && (!verdicts || verdicts.has(r.verdict)));

  const impersonationSource = await findImpersonationSource(store);
  const clusters: FoundCluster[] = [];
  for (const r of chosen) {
    clusters.push({
      clusterId: r.cluster_id,
      rank: r.rank,
      verdict: r.verdict,
      score: r.score,
      reason: r.reason,
      firstMs: r.first_ms,
      lastMs: r.last_ms,
      signals: toNamedList(r.signals, 'signal'),
      indicators: toNamedList(r.indicators, 'indicator'),
      accounts: await loadClusterAccounts(store, run.run_id, r.cluster_id),
      edges: await loadClusterEdges(store, run.run_id, r.cluster_id),
      impersonations: impersonationSource ? await loadImpersonations(store, impersonationSource, run.run_id, r.cluster_id) : [],
    });
  }
  return { runId: run.run_id, createdMs: run.created_ms, parameters: parseJson(run.parameters), clusters };
}

async function loadClusterAccounts(store: Store, runId: string, clusterId: string): Promise<FoundAccount[]> {
  const rows = await store.all<{
    platform: string | null;
    account_id: string;
    role: string;
    surface: string | null;
    display_name: string | null;
    handle: string | null;
    description: string | null;
    profile_url: string | null;
    reported_location: string | null;
    followers: number | null;
    following: number | null;
    created_ms: number | null;
    language: string | null;
  }>(
    `SELECT coalesce(a.platform, ca.platform) AS platform, ca.account_id, ca.role, a.surface, a.display_name, a.handle,
            a.description, a.profile_url, a.reported_location, a.followers, a.following, a.created_ms, a.language
       FROM cluster_accounts ca
       LEFT JOIN (SELECT DISTINCT ON (platform, account_id) * FROM accounts ORDER BY platform, account_id, source_line DESC NULLS LAST) a
         ON a.account_id = ca.account_id AND (ca.platform IS NULL OR a.platform = ca.platform)
      WHERE ca.run_id = $1 AND ca.cluster_id = $2
      ORDER BY platform, ca.account_id`,
    [runId, clusterId],
  );
  const decisions = await store.all<{
    platform: string | null;
    account_id: string;
    case_id: string;
    action: string;
    policy: string | null;
    status: string;
    decided_ms: number | null;
  }>(
    `SELECT d.platform, d.account_id, d.case_id, d.action, d.policy, d.status, d.decided_ms
       FROM decisions d JOIN cluster_accounts ca ON ca.account_id = d.account_id
      WHERE ca.run_id = $1 AND ca.cluster_id = $2
      ORDER BY d.decided_ms NULLS FIRST, d.case_id`,
    [runId, clusterId],
  );
  const latest = new Map<string, AccountDecision>();
  for (const d of decisions) {
    // Later rows win: decisions are ordered by time.
    latest.set(`${d.platform ?? ''}\u0000${d.account_id}`, {
      caseId: d.case_id,
      action: d.action,
      policy: d.policy,
      status: d.status,
      decidedMs: d.decided_ms,
    });
  }
  const seen = new Set<string>();
  const out: FoundAccount[] = [];
  for (const r of rows) {
    const platform = r.platform ?? 'unknown';
    const key = `${platform}\u0000${r.account_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const decision = latest.get(key) ?? latest.get(`\u0000${r.account_id}`) ?? null;
    out.push({
      platform,
      accountId: r.account_id,
      surface: r.surface ?? 'account',
      role: r.role,
      displayName: r.display_name,
      handle: r.handle,
      description: r.description,
      profileUrl: r.profile_url,
      reportedLocation: r.reported_location,
      followers: r.followers,
      following: r.following,
      createdMs: r.created_ms,
      language: r.language,
      decision,
      removed: decision !== null && REMOVING_ACTIONS.has(decision.action) && decision.status !== 'overturned',
    });
  }
  return out;
}

async function loadClusterEdges(store: Store, runId: string, clusterId: string): Promise<FoundEdge[]> {
  const rows = await store.all<{
    a: string;
    b: string;
    signal: string;
    weight: number;
    p_value: number | null;
    q_value: number | null;
    evidence: unknown;
  }>(
    'SELECT a, b, signal, weight, p_value, q_value, evidence FROM edges WHERE run_id = $1 AND cluster_id = $2 ORDER BY signal, a, b',
    [runId, clusterId],
  );
  return rows.map((r) => {
    const evidence = parseJson(r.evidence);
    return {
      a: r.a,
      b: r.b,
      signal: r.signal,
      weight: r.weight,
      pValue: r.p_value,
      qValue: r.q_value,
      evidence: Array.isArray(evidence) ? evidence : [],
    };
  });
}

interface ImpersonationSource {
  table: string;
  /** The finder's run time column: only its latest run counts. */
  hasRunMs: boolean;
  identities: { table: string; nameColumn: string; roleColumn: string | null } | null;
}

/**
 * Impersonation findings are written by the identity stage (migrations 03xx), which may not be in
 * this database: find a table with `account_id` and `identity_id` columns whose name says
 * impersonation, and a registry table of identities for their names.
 */
async function findImpersonationSource(store: Store): Promise<ImpersonationSource | null> {
  const columns = await store.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'",
  );
  const byTable = new Map<string, Set<string>>();
  for (const c of columns) {
    const set = byTable.get(c.table_name) ?? new Set<string>();
    set.add(c.column_name);
    byTable.set(c.table_name, set);
  }
  const table = [...byTable.keys()]
    .sort()
    .find((t) => /imperson/i.test(t) && byTable.get(t)?.has('account_id') && byTable.get(t)?.has('identity_id'));
  if (!table) return null;
  const identityTable = [...byTable.keys()]
    .sort()
    .find((t) => t !== table && /identit/i.test(t) && byTable.get(t)?.has('identity_id') && byTable.get(t)?.has('name'));
  const cols = identityTable ? byTable.get(identityTable) : undefined;
  return {
    table,
    hasRunMs: byTable.get(table)?.has('run_ms') ?? false,
    identities:
      identityTable && cols
        ? { table: identityTable, nameColumn: 'name', roleColumn: cols.has('role') ? 'role' : cols.has('kind') ? 'kind' : null }
        : null,
  };
}

async function loadImpersonations(
  store: Store,
  source: ImpersonationSource,
  runId: string,
  clusterId: string,
): Promise<FoundImpersonation[]> {
  const cols = new Set(
    (
      await store.all<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $1",
        [source.table],
      )
    ).map((c) => c.column_name),
  );
  // Identifiers come from the catalogue, never from user input; quoted as identifiers.
  const t = quoteIdent(source.table);
  const score = cols.has('score') ? 'i.score' : 'NULL';
  const reasons = cols.has('reasons') ? 'CAST(i.reasons AS VARCHAR)' : 'NULL';
  const idn = source.identities;
  const identityJoin = idn
    ? `LEFT JOIN (SELECT identity_id, min(${quoteIdent(idn.nameColumn)}) AS name${idn.roleColumn ? `, min(${quoteIdent(idn.roleColumn)}) AS role` : ', NULL AS role'}
                    FROM ${quoteIdent(idn.table)} GROUP BY identity_id) p ON p.identity_id = i.identity_id`
    : '';
  const rows = await store.all<{
    account_id: string;
    identity_id: string;
    name: string | null;
    role: string | null;
    score: number | null;
    reasons: string | null;
  }>(
    `SELECT DISTINCT i.account_id, i.identity_id, ${idn ? 'p.name, p.role' : 'NULL AS name, NULL AS role'}, ${score} AS score, ${reasons} AS reasons
       FROM ${t} i ${identityJoin}
      WHERE i.account_id IN (SELECT account_id FROM cluster_accounts WHERE run_id = $1 AND cluster_id = $2)
        ${source.hasRunMs ? `AND i.run_ms = (SELECT max(run_ms) FROM ${t})` : ''}
      ORDER BY i.account_id, i.identity_id`,
    [runId, clusterId],
  );
  return rows.map((r) => {
    const parsed = parseJson(r.reasons);
    return {
      accountId: r.account_id,
      identityId: r.identity_id,
      identityName: r.name,
      identityRole: r.role,
      score: r.score === null ? null : Number(r.score),
      reasons: Array.isArray(parsed) ? parsed.map(String) : typeof parsed === 'string' ? [parsed] : [],
    };
  });
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** DuckDB hands JSON columns back as text; parse them, keep anything else. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Accepts `["co_url", …]` or `[{signal: "co_url", …}, …]` as detect may write either. */
function toNamedList<K extends 'signal' | 'indicator'>(value: unknown, key: K): ({ [P in K]: string } & Record<string, unknown>)[] {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return [];
  const out: ({ [P in K]: string } & Record<string, unknown>)[] = [];
  for (const item of parsed) {
    if (typeof item === 'string') out.push({ [key]: item } as { [P in K]: string } & Record<string, unknown>);
    else if (item !== null && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      const name = obj[key] ?? obj['name'];
      if (typeof name === 'string') out.push({ ...obj, [key]: name } as { [P in K]: string } & Record<string, unknown>);
    }
  }
  return out;
}
