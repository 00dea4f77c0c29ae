/**
 * Every figure of a takedown report, computed once from the store: report.json is this object,
 * and report.html / report.md only render it, so the three can never disagree.
 */
import type { Store } from '../store/index.ts';
import { loadSharedLinks, type SharedLink } from './cluster-links.ts';
import { listTechniques, type TechniqueUse } from './disarm-techniques.ts';
import { truncateText } from './escape.ts';
import { loadFindings, type FindingsSelection, type FoundCluster, type FoundImpersonation } from './findings.ts';
import { layoutNetwork, type NetworkPicture } from './network-layout.ts';
import { joinPhrases, toNetworkSummary, type SurfaceCount } from './report-summary.ts';

/** Bounds on what a report lists, so a 100,000-account network still gives a readable file. */
export const REPORT_LIMITS = { accounts: 200, examplePosts: 8, postChars: 500, nameChars: 120, urls: 10, networkNodes: 300 } as const;

export interface ValueCount {
  value: string;
  count: number;
}

export interface ReportAccount {
  platform: string;
  surface: string;
  accountId: string;
  handle: string | null;
  displayName: string | null;
  profileUrl: string | null;
  followers: number | null;
  createdMs: number | null;
  status: 'removed' | 'proposed';
  decision: string | null;
}

export interface NetworkReport {
  clusterId: string;
  rank: number;
  verdict: string;
  score: number;
  reason: string;
  firstMs: number | null;
  lastMs: number | null;
  status: 'removed' | 'partly_removed' | 'proposed';
  summary: string;
  counts: SurfaceCount[];
  totals: { accounts: number; removed: number; proposed: number; followers: number; posts: number };
  origin: { reportedLocations: ValueCount[]; accountLanguages: ValueCount[]; postLanguages: ValueCount[] };
  techniques: TechniqueUse[];
  signals: { signal: string; edges: number; pairs: number; meanWeight: number; minQ: number | null }[];
  /** accounts: how many accounts show it, or null when detect did not say. */
  indicators: { indicator: string; accounts: number | null; detail: string | null }[];
  policy: { violatingPosts: number; labels: ValueCount[] };
  impersonations: FoundImpersonation[];
  activity: { day: string; posts: number }[];
  accountCreation: { month: string; accounts: number }[];
  accounts: ReportAccount[];
  accountsListed: number;
  examplePosts: { platform: string; postId: string; accountId: string; timeMs: number; text: string; accounts: number; copies: number }[];
  sharedUrls: SharedLink[];
  network: NetworkPicture;
}

export interface ReportData {
  title: string;
  runId: string;
  runCreatedMs: number;
  networks: NetworkReport[];
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fa: 'Persian',
  ar: 'Arabic',
  ru: 'Russian',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  tr: 'Turkish',
  ur: 'Urdu',
  he: 'Hebrew',
  zh: 'Chinese',
  hi: 'Hindi',
  und: 'undetermined',
};

/** 'fa' → 'Persian'; unknown codes as given. */
export function toLanguageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code;
}

/** Builds the report of the chosen networks (default: likely_cib and coordinated clusters of the latest run). */
export async function loadReportData(store: Store, selection: FindingsSelection = {}, title = 'Takedown report'): Promise<ReportData> {
  const findings = await loadFindings(
    store,
    selection.clusterIds || selection.verdicts ? selection : { ...selection, verdicts: ['likely_cib', 'coordinated'] },
  );
  const networks: NetworkReport[] = [];
  for (const c of findings.clusters) networks.push(await loadNetworkReport(store, findings.runId, c));
  return { title, runId: findings.runId, runCreatedMs: findings.createdMs, networks };
}

const MEMBER_POSTS = `FROM posts p JOIN cluster_accounts ca ON ca.account_id = p.account_id AND (ca.platform IS NULL OR ca.platform = p.platform)
  WHERE ca.run_id = $1 AND ca.cluster_id = $2`;

async function loadNetworkReport(store: Store, runId: string, c: FoundCluster): Promise<NetworkReport> {
  const params = [runId, c.clusterId];
  const counts = new Map<string, SurfaceCount>();
  for (const a of c.accounts) {
    const key = `${a.platform}\u0000${a.surface}`;
    const row = counts.get(key) ?? { platform: a.platform, surface: a.surface, accounts: 0, removed: 0, proposed: 0, followers: 0 };
    row.accounts += 1;
    if (a.removed) row.removed += 1;
    else row.proposed += 1;
    row.followers += a.followers ?? 0;
    counts.set(key, row);
  }
  const countList = [...counts.values()].sort((a, b) => (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : a.surface < b.surface ? -1 : 1));

  const tally = (values: (string | null)[]): ValueCount[] => {
    const m = new Map<string, number>();
    for (const v of values) if (v && v.trim()) m.set(v.trim(), (m.get(v.trim()) ?? 0) + 1);
    return [...m.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  };
  const postLanguages = (
    await store.all<{ value: string; count: number }>(
      `SELECT p.language AS value, count(*)::INTEGER AS count ${MEMBER_POSTS} AND p.language IS NOT NULL AND p.language <> '' GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    )
  ).map((r) => ({ value: r.value, count: r.count }));
  const origin = {
    reportedLocations: tally(c.accounts.map((a) => a.reportedLocation)),
    accountLanguages: tally(c.accounts.map((a) => a.language)),
    postLanguages,
  };

  const activity = await store.all<{ day: string; posts: number }>(
    `SELECT strftime(make_timestamp(p.time_ms * 1000), '%Y-%m-%d') AS day, count(*)::INTEGER AS posts ${MEMBER_POSTS} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const totalPosts = activity.reduce((s, r) => s + r.posts, 0);
  const creation = new Map<string, number>();
  for (const a of c.accounts) {
    if (a.createdMs === null) continue;
    const month = new Date(a.createdMs).toISOString().slice(0, 7);
    creation.set(month, (creation.get(month) ?? 0) + 1);
  }

  const bySignal = new Map<string, { edges: number; pairs: Set<string>; weight: number; minQ: number | null }>();
  for (const e of c.edges) {
    const s = bySignal.get(e.signal) ?? { edges: 0, pairs: new Set<string>(), weight: 0, minQ: null };
    s.edges += 1;
    s.pairs.add(e.a < e.b ? `${e.a}\u0000${e.b}` : `${e.b}\u0000${e.a}`);
    s.weight += e.weight;
    if (e.qValue !== null) s.minQ = s.minQ === null ? e.qValue : Math.min(s.minQ, e.qValue);
    bySignal.set(e.signal, s);
  }
  // Signals named by detect but without edges here still count (with zero edges).
  for (const s of c.signals) if (!bySignal.has(s.signal)) bySignal.set(s.signal, { edges: 0, pairs: new Set(), weight: 0, minQ: null });
  const signals = [...bySignal.entries()]
    .map(([signal, s]) => ({ signal, edges: s.edges, pairs: s.pairs.size, meanWeight: s.edges ? s.weight / s.edges : 0, minQ: s.minQ }))
    .sort((a, b) => b.edges - a.edges || (a.signal < b.signal ? -1 : 1));

  const indicators = c.indicators.map((i) => ({
    indicator: i.indicator,
    accounts: Array.isArray(i['accounts']) ? i['accounts'].length : typeof i['accounts'] === 'number' ? i['accounts'] : null,
    detail: typeof i['detail'] === 'string' ? truncateText(i['detail'], 300) : null,
  }));

  const policyRows = await store.all<{ value: string; count: number }>(
    `SELECT r.label AS value, count(DISTINCT r.post_id)::INTEGER AS count
       FROM policy_results r JOIN cluster_accounts ca ON ca.account_id = r.account_id
      WHERE ca.run_id = $1 AND ca.cluster_id = $2 AND r.violating GROUP BY 1 ORDER BY 2 DESC, 1`,
    params,
  );
  const violating = await store.one<{ n: number }>(
    `SELECT count(DISTINCT r.post_id)::INTEGER AS n FROM policy_results r JOIN cluster_accounts ca ON ca.account_id = r.account_id
      WHERE ca.run_id = $1 AND ca.cluster_id = $2 AND r.violating`,
    params,
  );

  const examples = await store.all<{ platform: string; post_id: string; account_id: string; time_ms: number; text: string; accounts: number; copies: number }>(
    `SELECT arg_min(p.platform, p.time_ms) AS platform, arg_min(p.post_id, p.time_ms) AS post_id, arg_min(p.account_id, p.time_ms) AS account_id,
            min(p.time_ms) AS time_ms, p.text, count(DISTINCT p.account_id)::INTEGER AS accounts, count(*)::INTEGER AS copies
       ${MEMBER_POSTS} AND p.text IS NOT NULL AND p.text <> ''
      GROUP BY p.text ORDER BY accounts DESC, copies DESC, time_ms, post_id LIMIT ${REPORT_LIMITS.examplePosts}`,
    params,
  );

  const listed = [...c.accounts]
    .sort((a, b) => (b.followers ?? -1) - (a.followers ?? -1) || (a.accountId < b.accountId ? -1 : 1))
    .slice(0, REPORT_LIMITS.accounts)
    .map(
      (a): ReportAccount => ({
        platform: a.platform,
        surface: a.surface,
        accountId: truncateText(a.accountId, REPORT_LIMITS.nameChars),
        handle: a.handle === null ? null : truncateText(a.handle, REPORT_LIMITS.nameChars),
        displayName: a.displayName === null ? null : truncateText(a.displayName, REPORT_LIMITS.nameChars),
        profileUrl: a.profileUrl === null ? null : truncateText(a.profileUrl, 300),
        followers: a.followers,
        createdMs: a.createdMs,
        status: a.removed ? 'removed' : 'proposed',
        decision: a.decision ? `${a.decision.action} (${a.decision.status}, ${a.decision.caseId})` : null,
      }),
    );

  const totals = {
    accounts: c.accounts.length,
    removed: c.accounts.filter((a) => a.removed).length,
    proposed: c.accounts.filter((a) => !a.removed).length,
    followers: c.accounts.reduce((s, a) => s + (a.followers ?? 0), 0),
    posts: totalPosts,
  };
  const originText = describeOrigin(origin);
  return {
    clusterId: c.clusterId,
    rank: c.rank,
    verdict: c.verdict,
    score: c.score,
    reason: c.reason,
    firstMs: c.firstMs,
    lastMs: c.lastMs,
    status: totals.removed === 0 ? 'proposed' : totals.proposed === 0 ? 'removed' : 'partly_removed',
    summary: toNetworkSummary({ verdict: c.verdict, counts: countList, origin: originText }),
    counts: countList,
    totals,
    origin,
    techniques: listTechniques({
      signals: signals.map((s) => s.signal),
      indicators: indicators.map((i) => i.indicator),
      surfaces: [...new Set(c.accounts.map((a) => a.surface))],
      impersonatedRoles: c.impersonations.map((i) => i.identityRole),
    }),
    signals,
    indicators,
    policy: { violatingPosts: violating?.n ?? 0, labels: policyRows },
    impersonations: c.impersonations,
    activity,
    accountCreation: [...creation.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, accounts]) => ({ month, accounts })),
    accounts: listed,
    accountsListed: listed.length,
    examplePosts: examples.map((e) => ({
      platform: e.platform,
      postId: e.post_id,
      accountId: e.account_id,
      timeMs: e.time_ms,
      text: truncateText(e.text, REPORT_LIMITS.postChars),
      accounts: e.accounts,
      copies: e.copies,
    })),
    sharedUrls: (await loadSharedLinks(store, runId, c.clusterId, REPORT_LIMITS.urls)).urls,
    network: layoutNetwork(
      c.accounts.map((a) => ({ id: a.accountId, label: a.handle ? `@${a.handle}` : (a.displayName ?? a.accountId), platform: a.platform, removed: a.removed })),
      c.edges,
      REPORT_LIMITS.networkNodes,
    ),
  };
}

/**
 * Wraps attacker-controlled text in Unicode isolates (FSI … PDI) so right-to-left names and
 * bidi overrides (U+202E) cannot reorder the sentence around them.
 */
export function isolateBidi(s: string): string {
  return `\u2068${s.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')}\u2069`;
}

/** One sentence on where the network says it is and what languages it posts in. */
function describeOrigin(origin: NetworkReport['origin']): string | null {
  const parts: string[] = [];
  const locations = origin.reportedLocations.slice(0, 5);
  if (locations.length > 0) {
    parts.push(`The accounts reported locations including ${joinPhrases(locations.map((l) => `${isolateBidi(truncateText(l.value, 60))} (${l.count})`))}`);
  }
  const total = origin.postLanguages.reduce((s, l) => s + l.count, 0);
  if (total > 0) {
    const langs = origin.postLanguages.slice(0, 4).map((l) => `${toLanguageName(l.value)} (${Math.round((100 * l.count) / total)}%)`);
    parts.push(`${parts.length ? 'and posted' : 'The accounts posted'} mostly in ${joinPhrases(langs)}`);
  }
  return parts.length ? `${parts.join(' ')}.` : null;
}
