/**
 * Impersonation over the database: scores the stored accounts against the stored registry,
 * keeps the findings in `impersonation_findings` and groups accounts impersonating the same
 * identity into clusters (`imp:<identity_id>`, two accounts or more) for detection's
 * `impersonation` indicator.
 */
import { insertMany } from '../../media/index.ts';
import type { Store } from '../../store/index.ts';
import { loadProtectedIdentities } from './registry.ts';
import { detectImpersonation, type AccountProfile, type DetectOptions, type ImpersonationFinding } from './score.ts';

export interface ImpersonationCluster {
  clusterId: string;
  identityId: string;
  accounts: string[];
}

/** Findings with their cluster ids. */
export interface ImpersonationScan {
  findings: (ImpersonationFinding & { clusterId: string | null })[];
  clusters: ImpersonationCluster[];
}

/** Groups findings by impersonated identity; identities with ≥ 2 impersonators form a cluster. */
export function clusterImpersonators(findings: readonly ImpersonationFinding[]): ImpersonationCluster[] {
  const byIdentity = new Map<string, string[]>();
  for (const f of findings) byIdentity.set(f.identityId, [...(byIdentity.get(f.identityId) ?? []), f.accountId]);
  return [...byIdentity]
    .filter(([, accts]) => accts.length >= 2)
    .map(([identityId, accts]) => ({ clusterId: `imp:${identityId}`, identityId, accounts: [...new Set(accts)].sort() }))
    .sort((a, b) => b.accounts.length - a.accounts.length || a.identityId.localeCompare(b.identityId));
}

/** Scores the store's accounts against its registry and replaces `impersonation_findings`. */
export async function scanImpersonation(store: Store, options: DetectOptions & { nowMs?: number } = {}): Promise<ImpersonationScan> {
  const identities = await loadProtectedIdentities(store);
  const rows = await store.all<{ platform: string; account_id: string; display_name: string | null; handle: string | null; description: string | null }>(
    'SELECT DISTINCT platform, account_id, display_name, handle, description FROM accounts ORDER BY platform, account_id',
  );
  const accounts: AccountProfile[] = rows.map((r) => ({
    accountId: r.account_id,
    platform: r.platform,
    displayName: r.display_name,
    handle: r.handle,
    description: r.description,
  }));
  const findings = detectImpersonation(identities, accounts, options);
  const clusters = clusterImpersonators(findings);
  const clusterOf = new Map(clusters.flatMap((c) => c.accounts.map((a) => [`${c.identityId}\u0000${a}`, c.clusterId] as const)));
  const withClusters = findings.map((f) => ({ ...f, clusterId: clusterOf.get(`${f.identityId}\u0000${f.accountId}`) ?? null }));
  const runMs = options.nowMs ?? Date.now();
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM impersonation_findings');
    await insertMany(
      tx,
      'impersonation_findings',
      ['run_ms', 'platform', 'account_id', 'identity_id', 'score', 'reasons', 'evidence', 'cluster_id'],
      withClusters.map((f) => [runMs, f.platform ?? null, f.accountId, f.identityId, f.score, JSON.stringify(f.reasons), JSON.stringify(f.evidence), f.clusterId]),
    );
  });
  return { findings: withClusters, clusters };
}
