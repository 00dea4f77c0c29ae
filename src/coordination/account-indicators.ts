/**
 * Account indicators shown on clusters (inauthenticity signs). None decides alone: a cluster
 * shows an indicator when at least half of its members have it AND that many would be
 * improbable for a random set of accounts of its size: binomial upper tail P(Bin(n, base) ≥ k)
 * ≤ 0.001, base being the rate among all accounts. A popular phone client or a sign-up wave the
 * whole platform shares is not a sign, and two of four members proves nothing. Definitions:
 *  - creation_batch: members created within the same 7 days (the densest 7-day span);
 *  - handle_pattern: letters followed by a run of 4+ digits (the auto-suggested handle form);
 *  - follower_anomaly: ≤ 10 followers, or following ≥ 10 × (followers + 1);
 *  - single_client: every post (≥ 3) from one client, the same client for the members;
 *  - empty_profile: no description, location or profile URL;
 *  - reused_profile: a non-empty description identical to another member's.
 * Indicators from other stages are read when their tables exist (latest run): policy_violations
 * (policy_results), impersonation (impersonation_findings), undisclosed_state_media
 * (state_media_findings). They are shown with the member count; the verdict does not count them
 * (cluster-verdict.ts), as one impersonating persona does not make its retweeters fake.
 */
import type { Indicator } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { pushTo } from './cluster-summary.ts';
import type { ClusterIndicator } from './findings-types.ts';

const DAY = 86_400_000;
const BATCH_SPAN_MS = 7 * DAY;
const MIN_SHARE = 0.5;
const MAX_TAIL = 0.001;

type AccountFlags = {
  account_id: string;
  created_ms: number | null;
  handle_pattern: boolean;
  follower_anomaly: boolean;
  empty_profile: boolean;
  client: string | null;
  description: string | null;
  /** Whether anything of the profile is known (creation date, followers or description). */
  profiled: boolean;
};

export interface IndicatorContext {
  baseRates: Record<string, number>;
  accounts: number;
  createdSorted: Float64Array;
  clientRates: Map<string, number>;
  descriptionCounts: Map<string, number>;
  hasPolicy: boolean;
  hasImpersonation: boolean;
  hasStateMedia: boolean;
}

/** Computes per-account flags into temp table d_flags and the base rates among all accounts. */
export async function prepareIndicators(store: Store): Promise<IndicatorContext> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_flags AS
     WITH cl AS (
       SELECT account_id, count(*) AS posts, count(DISTINCT client) AS clients, any_value(client) AS client
       FROM posts WHERE client IS NOT NULL GROUP BY account_id)
     SELECT a.account_id, a.created_ms,
            coalesce(regexp_matches(a.handle, '^[A-Za-z_]+[0-9]{4,}$'), false) AS handle_pattern,
            (a.followers IS NOT NULL AND (a.followers <= 10 OR coalesce(a.following, 0) >= 10 * (a.followers + 1))) AS follower_anomaly,
            (coalesce(trim(a.description), '') = '' AND coalesce(trim(a.reported_location), '') = '' AND coalesce(trim(a.profile_url), '') = '') AS empty_profile,
            CASE WHEN cl.clients = 1 AND cl.posts >= 3 THEN cl.client END AS client,
            nullif(lower(trim(a.description)), '') AS description,
            (a.created_ms IS NOT NULL OR a.followers IS NOT NULL OR coalesce(trim(a.description), '') <> '') AS profiled
     FROM (SELECT * FROM accounts QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY source_line) = 1) a
     LEFT JOIN cl ON cl.account_id = a.account_id`,
  );
  const base = await store.one<Record<string, number>>(
    `SELECT count(*)::DOUBLE AS n,
            avg(handle_pattern::INTEGER) AS handle_pattern, avg(follower_anomaly::INTEGER) AS follower_anomaly,
            avg(empty_profile::INTEGER) AS empty_profile FROM d_flags`,
  );
  const created = await store.all<{ c: number }>(
    'SELECT created_ms AS c FROM d_flags WHERE created_ms IS NOT NULL ORDER BY 1',
  );
  const clients = await store.all<{ client: string; n: number }>(
    'SELECT client, count(*)::DOUBLE AS n FROM d_flags WHERE client IS NOT NULL GROUP BY 1',
  );
  const descs = await store.all<{ d: string; n: number }>(
    'SELECT description AS d, count(*)::BIGINT AS n FROM d_flags WHERE description IS NOT NULL GROUP BY 1 HAVING count(*) > 1',
  );
  const n = Math.max(1, base?.['n'] ?? 1);
  const sharedDesc = descs.reduce((s, d) => s + d.n, 0);
  const hasTable = async (name: string): Promise<boolean> =>
    ((
      await store.one<{ n: number }>(
        'SELECT count(*)::BIGINT AS n FROM information_schema.tables WHERE table_name = $1',
        [name],
      )
    )?.n ?? 0) > 0;
  return {
    accounts: n,
    baseRates: {
      handle_pattern: base?.['handle_pattern'] ?? 0,
      follower_anomaly: base?.['follower_anomaly'] ?? 0,
      empty_profile: base?.['empty_profile'] ?? 0,
      reused_profile: sharedDesc / n,
    },
    createdSorted: Float64Array.from(created.map((r) => r.c)),
    clientRates: new Map(clients.map((c) => [c.client, c.n / n])),
    descriptionCounts: new Map(descs.map((d) => [d.d, d.n])),
    hasPolicy: await hasTable('policy_results'),
    hasImpersonation: await hasTable('impersonation_findings'),
    hasStateMedia: await hasTable('state_media_findings'),
  };
}

/** Reads the flags of the clustered accounts (temp table `d_members`). */
export async function readMemberFlags(store: Store): Promise<Map<string, AccountFlags>> {
  const out = new Map<string, AccountFlags>();
  const rows = await store.all<AccountFlags>(
    'SELECT f.* FROM d_flags f SEMI JOIN d_members m ON m.account_id = f.account_id',
  );
  for (const r of rows) out.set(String(r.account_id), r);
  return out;
}

function countInRange(sorted: Float64Array, lo: number, hi: number): number {
  const lower = (x: number): number => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m]! < x) a = m + 1;
      else b = m;
    }
    return a;
  };
  return lower(hi + 1) - lower(lo);
}

/** P(Bin(n, p) ≥ k), summed in log space. */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let logC = 0; // log C(n, j), built up from j = 0
  let total = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logC += Math.log(n - j + 1) - Math.log(j);
    if (j >= k) total += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log(1 - p));
  }
  return Math.min(1, total);
}

function judge(
  indicator: Indicator,
  count: number,
  size: number,
  baseRate: number,
  detail: string,
): ClusterIndicator | null {
  const share = count / size;
  if (size < 2 || share < MIN_SHARE || binomialTail(size, count, baseRate) > MAX_TAIL) return null;
  return { indicator, accounts: count, share: round(share), base_rate: round(baseRate), detail };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The profile indicators a cluster of `members` shows (the stage indicators are separate). */
export function computeClusterIndicators(
  ctx: IndicatorContext,
  members: readonly string[],
  flags: Map<string, AccountFlags>,
): ClusterIndicator[] {
  const size = members.length;
  const rows = members.map((m) => flags.get(m)).filter((f): f is AccountFlags => f !== undefined);
  const out: ClusterIndicator[] = [];

  const created = rows
    .map((r) => r.created_ms)
    .filter((c): c is number => c !== null)
    .sort((a, b) => a - b);
  let best = 0;
  let bestStart = 0;
  for (let i = 0, j = 0; i < created.length; i++) {
    while (created[j]! < created[i]! - BATCH_SPAN_MS) j++;
    if (i - j + 1 > best) {
      best = i - j + 1;
      bestStart = created[j]!;
    }
  }
  if (best > 0) {
    const base =
      countInRange(ctx.createdSorted, bestStart, bestStart + BATCH_SPAN_MS) / ctx.accounts;
    const day = new Date(bestStart).toISOString().slice(0, 10);
    const ind = judge(
      'creation_batch',
      best,
      size,
      base,
      `${best} of ${size} created within 7 days from ${day} (${pct(base)} of all accounts)`,
    );
    if (ind) out.push(ind);
  }

  const simple: [Indicator, keyof AccountFlags, string][] = [
    ['handle_pattern', 'handle_pattern', 'handles of letters followed by 4+ digits'],
    ['follower_anomaly', 'follower_anomaly', '≤ 10 followers or following ≥ 10× followers'],
    ['empty_profile', 'empty_profile', 'no description, location or URL'],
  ];
  for (const [indicator, key, what] of simple) {
    const count = rows.filter((r) => r[key] === true).length;
    const base = ctx.baseRates[indicator] ?? 0;
    const ind = judge(
      indicator,
      count,
      size,
      base,
      `${count} of ${size} with ${what} (${pct(base)} of all accounts)`,
    );
    if (ind) out.push(ind);
  }

  const clientCounts = new Map<string, number>();
  for (const r of rows)
    if (r.client !== null) clientCounts.set(r.client, (clientCounts.get(r.client) ?? 0) + 1);
  const topClient = [...clientCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (topClient) {
    const base = ctx.clientRates.get(topClient[0]) ?? 0;
    const ind = judge(
      'single_client',
      topClient[1],
      size,
      base,
      `${topClient[1]} of ${size} post only from "${topClient[0]}" (${pct(base)} of all accounts)`,
    );
    if (ind) out.push(ind);
  }

  const descCounts = new Map<string, number>();
  for (const r of rows)
    if (r.description !== null)
      descCounts.set(r.description, (descCounts.get(r.description) ?? 0) + 1);
  const reused = rows.filter(
    (r) => r.description !== null && (descCounts.get(r.description) ?? 0) > 1,
  ).length;
  const reusedInd = judge(
    'reused_profile',
    reused,
    size,
    ctx.baseRates['reused_profile'] ?? 0,
    `${reused} of ${size} share a description with another member`,
  );
  if (reusedInd) out.push(reusedInd);

  return out;
}

/**
 * Indicators from other stages, for every cluster of `d_members` at once: impersonation and
 * undisclosed state media (latest run of each) and policy violations. One query per stage,
 * whatever the number of clusters.
 */
export async function computeStageIndicators(
  store: Store,
  ctx: IndicatorContext,
): Promise<Map<number, ClusterIndicator[]>> {
  const out = new Map<number, ClusterIndicator[]>();
  const sizes = new Map(
    (
      await store.all<{ cluster: number; n: number }>(
        'SELECT cluster, count(*)::BIGINT AS n FROM d_members GROUP BY cluster',
      )
    ).map((r) => [r.cluster, r.n]),
  );
  const share = (cluster: number, accounts: number): number =>
    round(accounts / Math.max(1, sizes.get(cluster) ?? 1));
  // The first five distinct targets (identities, outlets) of each cluster, in id order.
  const stage = async (
    table: string,
    target: string,
    where: string,
  ): Promise<{ cluster: number; accounts: number; targets: string[] }[]> =>
    store.all(
      `WITH f AS (
         SELECT DISTINCT m.cluster, t.account_id, t.${target} AS target
         FROM ${table} t JOIN d_members m ON m.account_id = t.account_id
         WHERE ${where} AND t.run_ms = (SELECT max(run_ms) FROM ${table}))
       SELECT cluster, count(DISTINCT account_id)::BIGINT AS accounts,
              (list_sort(list(DISTINCT target) FILTER (WHERE target IS NOT NULL)))[1:5] AS targets
       FROM f GROUP BY cluster`,
    );
  if (ctx.hasImpersonation) {
    // Findings of the latest `takedown impersonation` run (issue 5).
    for (const r of await stage('impersonation_findings', 'identity_id', 'true')) {
      pushTo(out, r.cluster, {
        indicator: 'impersonation',
        accounts: r.accounts,
        share: share(r.cluster, r.accounts),
        base_rate: 0,
        detail: `${r.accounts} members impersonate protected identities (${r.targets.join(', ')})`,
      });
    }
  }
  if (ctx.hasStateMedia) {
    const where = "t.kind = 'undisclosed_state_media'";
    for (const r of await stage('state_media_findings', 'outlet_id', where)) {
      pushTo(out, r.cluster, {
        indicator: 'undisclosed_state_media',
        accounts: r.accounts,
        share: share(r.cluster, r.accounts),
        base_rate: 0,
        detail: `${r.accounts} members link state media without disclosure (${r.targets.join(', ')})`,
      });
    }
  }
  if (ctx.hasPolicy) {
    const rows = await store.all<{ cluster: number; accounts: number; posts: number }>(
      `SELECT m.cluster, count(DISTINCT p.account_id)::BIGINT AS accounts, count(DISTINCT p.post_id)::BIGINT AS posts
       FROM policy_results p JOIN d_members m ON m.account_id = p.account_id
       WHERE p.violating GROUP BY m.cluster`,
    );
    for (const r of rows) {
      pushTo(out, r.cluster, {
        indicator: 'policy_violations',
        accounts: r.accounts,
        share: share(r.cluster, r.accounts),
        base_rate: 0,
        detail: `${r.posts} posts by ${r.accounts} members labelled violating by the classifier`,
      });
    }
  }
  return out;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;
}
