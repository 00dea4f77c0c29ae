/**
 * Scores findings against a synthetic sample's truth.json (`takedown synth`): precision and
 * recall of the accounts in `likely_cib` clusters, per-operation coverage (the share of each
 * planted operation that lies in its best single cluster, and in likely_cib clusters), and trap
 * violations (organic fast fans or breaking-news accounts called likely_cib).
 */
import { z } from 'zod';
import { inputError } from '../model/index.ts';
import type { Findings } from './findings-types.ts';

const truthSchema = z.object({
  seed: z.number().optional(),
  accounts: z.number().optional(),
  posts: z.number().optional(),
  operations: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      aged_accounts: z.boolean().optional(),
      batch_created: z.boolean().optional(),
      accounts: z.array(z.string()),
      amplified: z.array(z.string()).optional(),
    }),
  ),
  traps: z.array(z.object({ kind: z.string(), accounts: z.array(z.string()) })).default([]),
});
export type Truth = z.infer<typeof truthSchema>;

/** Trap kinds that must never be likely_cib. */
const FORBIDDEN_TRAPS = new Set(['fast_fans', 'breaking_news']);

export interface OperationScore {
  id: string;
  kind: string;
  aged_accounts: boolean | undefined;
  size: number;
  /** Share of the operation in its best single cluster (any verdict). */
  best_cluster_share: number;
  best_cluster: string | null;
  best_cluster_verdict: string | null;
  /** Share of the operation in likely_cib clusters. */
  likely_cib_share: number;
}

export interface Evaluation {
  likely_cib_accounts: number;
  true_positives: number;
  precision: number;
  recall: number;
  planted_accounts: number;
  operations: OperationScore[];
  by_kind: Record<
    string,
    { operations: number; min_best_cluster_share: number; mean_likely_cib_share: number }
  >;
  traps: {
    kind: string;
    accounts: number;
    likely_cib: number;
    coordinated: number;
    forbidden: boolean;
  }[];
  trap_violations: string[];
  false_positives: { account_id: string; cluster: string; trap: string | null }[];
  passes: { precision: boolean; recall: boolean; coverage: boolean; traps: boolean };
}

/** Validates a parsed truth.json. */
export function parseTruth(value: unknown): Truth {
  const r = truthSchema.safeParse(value);
  if (!r.success) throw inputError('This is not a truth.json of takedown synth', r.error.message);
  return r.data;
}

/** Precision/recall/coverage/trap figures of `findings` against `truth`. */
export function evaluateFindings(truth: Truth, findings: Pick<Findings, 'clusters'>): Evaluation {
  const planted = new Map<string, string>();
  for (const op of truth.operations)
    for (const a of [...op.accounts, ...(op.amplified ?? [])]) planted.set(a, op.id);
  const trapOf = new Map<string, string>();
  for (const t of truth.traps)
    for (const a of t.accounts) if (!trapOf.has(a)) trapOf.set(a, t.kind);

  const cibCluster = new Map<string, string>();
  const coordinated = new Set<string>();
  for (const c of findings.clusters) {
    for (const a of c.accounts) {
      if (c.verdict === 'likely_cib' && !cibCluster.has(a)) cibCluster.set(a, c.id);
      if (c.verdict === 'coordinated') coordinated.add(a);
    }
  }
  const tp = [...cibCluster.keys()].filter((a) => planted.has(a)).length;
  const precision = cibCluster.size === 0 ? 1 : tp / cibCluster.size;
  const recall = planted.size === 0 ? 1 : tp / planted.size;

  const operations: OperationScore[] = truth.operations.map((op) => {
    const members = new Set([...op.accounts, ...(op.amplified ?? [])]);
    let best = 0;
    let bestId: string | null = null;
    let bestVerdict: string | null = null;
    for (const c of findings.clusters) {
      const inter = c.accounts.filter((a) => members.has(a)).length;
      if (inter > best) {
        best = inter;
        bestId = c.id;
        bestVerdict = c.verdict;
      }
    }
    const inCib = [...members].filter((a) => cibCluster.has(a)).length;
    return {
      id: op.id,
      kind: op.kind,
      aged_accounts: op.aged_accounts,
      size: members.size,
      best_cluster_share: round(best / members.size),
      best_cluster: bestId,
      best_cluster_verdict: bestVerdict,
      likely_cib_share: round(inCib / members.size),
    };
  });
  const byKind: Evaluation['by_kind'] = {};
  for (const o of operations) {
    const k = byKind[o.kind] ?? {
      operations: 0,
      min_best_cluster_share: 1,
      mean_likely_cib_share: 0,
    };
    k.mean_likely_cib_share =
      (k.mean_likely_cib_share * k.operations + o.likely_cib_share) / (k.operations + 1);
    k.operations++;
    k.min_best_cluster_share = Math.min(k.min_best_cluster_share, o.best_cluster_share);
    byKind[o.kind] = k;
  }
  for (const k of Object.values(byKind)) k.mean_likely_cib_share = round(k.mean_likely_cib_share);

  const traps = truth.traps.map((t) => ({
    kind: t.kind,
    accounts: t.accounts.length,
    likely_cib: t.accounts.filter((a) => cibCluster.has(a) && !planted.has(a)).length,
    coordinated: t.accounts.filter((a) => coordinated.has(a)).length,
    forbidden: FORBIDDEN_TRAPS.has(t.kind),
  }));
  const violations = truth.traps
    .filter((t) => FORBIDDEN_TRAPS.has(t.kind))
    .flatMap((t) =>
      t.accounts.filter((a) => cibCluster.has(a) && !planted.has(a)).map((a) => `${t.kind}:${a}`),
    );
  const falsePositives = [...cibCluster.entries()]
    .filter(([a]) => !planted.has(a))
    .map(([account_id, cluster]) => ({
      account_id,
      cluster,
      trap: trapOf.get(account_id) ?? null,
    }));
  return {
    likely_cib_accounts: cibCluster.size,
    true_positives: tp,
    precision: round(precision),
    recall: round(recall),
    planted_accounts: planted.size,
    operations,
    by_kind: byKind,
    traps,
    trap_violations: violations,
    false_positives: falsePositives.slice(0, 50),
    passes: {
      precision: precision >= 0.95,
      recall: recall >= 0.9,
      coverage: operations.every((o) => o.best_cluster_share >= 0.8),
      traps: violations.length === 0,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
