/** One account with what the account page shows. */
import { notFoundError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { clipText } from './json-column.ts';
import { readLatestRunId } from './latest-run.ts';
import { listPosts } from './posts.ts';
import { listReviewQueue } from './review.ts';

export async function readAccount(store: Store, accountId: string, platform?: string) {
  const a = await store.one(
    'SELECT * FROM accounts WHERE account_id = $1 AND ($2::VARCHAR IS NULL OR platform = $2) LIMIT 1',
    [accountId, platform ?? null],
  );
  if (!a) throw notFoundError(`There is no account ${accountId}`);
  const runId = await readLatestRunId(store);
  const posts = await listPosts(store, { accountId, limit: 200, offset: 0 }, runId);
  const clusters = runId
    ? await store.all<{ cluster_id: string; verdict: string; score: number }>(
        'SELECT c.cluster_id, c.verdict, c.score FROM cluster_accounts ca JOIN clusters c ON c.run_id = ca.run_id AND c.cluster_id = ca.cluster_id WHERE ca.run_id = $1 AND ca.account_id = $2 ORDER BY c.score DESC',
        [runId, accountId],
      )
    : [];
  const signals = runId
    ? await store.all<{ signal: string; edges: number; partners: number; evidence: number }>(
        `SELECT signal, count(*) AS edges, count(DISTINCT CASE WHEN a = $2 THEN b ELSE a END) AS partners, sum(coalesce(json_array_length(evidence), 0)) AS evidence
           FROM edges WHERE run_id = $1 AND (a = $2 OR b = $2) GROUP BY signal ORDER BY edges DESC`,
        [runId, accountId],
      )
    : [];
  const hits = await listReviewQueue(store, { accountId, limit: 200, offset: 0 });
  const decisions = await store.all(
    'SELECT case_id, surface, action, policy, status, decided_by, decided_ms FROM decisions WHERE account_id = $1 ORDER BY decided_ms DESC',
    [accountId],
  );
  return {
    account: {
      platform: String(a['platform']),
      accountId: String(a['account_id']),
      surface: String(a['surface']),
      displayName: clipText(a['display_name'], 200),
      handle: clipText(a['handle'], 200),
      description: clipText(a['description'], 2000),
      profileUrl: clipText(a['profile_url'], 2000),
      reportedLocation: clipText(a['reported_location'], 200),
      followers: a['followers'] == null ? null : Number(a['followers']),
      following: a['following'] == null ? null : Number(a['following']),
      createdMs: a['created_ms'] == null ? null : Number(a['created_ms']),
      language: a['language'] == null ? null : String(a['language']),
    },
    postsTotal: posts.total,
    posts: posts.items,
    clusters: clusters.map((c) => ({
      clusterId: c.cluster_id,
      verdict: c.verdict,
      score: Number(c.score),
    })),
    signals: signals.map((s) => ({
      signal: s.signal,
      edges: Number(s.edges),
      partners: Number(s.partners),
      evidence: Number(s.evidence ?? 0),
    })),
    policyHits: hits.items,
    decisions: decisions.map((d) => ({
      caseId: String(d['case_id']),
      surface: String(d['surface']),
      action: String(d['action']),
      policy: d['policy'] == null ? null : String(d['policy']),
      status: String(d['status']),
      decidedBy: d['decided_by'] == null ? null : String(d['decided_by']),
      decidedMs: d['decided_ms'] == null ? null : Number(d['decided_ms']),
    })),
  };
}
