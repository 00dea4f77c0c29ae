/** The findings.json contract of `takedown detect` (DESIGN.md), as TypeScript types. */
import type { Indicator, Signal, Verdict } from '../model/index.ts';

export interface EvidenceItem {
  /** The post of account `a` and the post of account `b` that share the object. */
  post_a: string;
  post_b: string;
  object_type: string;
  object_id: string;
  /** time(post_b) − time(post_a), ms (negative when b posted first). */
  delta_ms: number;
  /** Time of the earlier of the two posts, ms since the epoch. */
  time_ms: number;
}

export interface FindingEdge {
  a: string;
  b: string;
  signal: Signal;
  /** Co-share events within the window (the smaller of a's and b's posts with a partner post). */
  weight: number;
  /** Distinct objects behind them. */
  objects: number;
  p_value: number;
  q_value: number;
  /** Expected co-shares by chance (λ of the null model). */
  expected: number;
  window_ms: number;
  share_pairs: number;
  median_delta_ms: number;
  evidence: EvidenceItem[];
}

export interface ClusterSignal {
  signal: Signal;
  edges: number;
  /** Sum of edge weights (distinct co-shared objects over all pairs). */
  co_shares: number;
  median_delta_ms: number;
}

export interface ClusterIndicator {
  indicator: Indicator;
  /** Members showing it. */
  accounts: number;
  /** Share of members showing it and the rate among all accounts. */
  share: number;
  base_rate: number;
  detail: string;
}

export interface AmplifiedAccount {
  account_id: string;
  /** Retweets, replies, quotes and mentions of it by cluster members. */
  interactions: number;
  /** Members that amplify it. */
  members: number;
  /** Share of all its received amplification that comes from the cluster. */
  cluster_share: number;
}

export interface SharedObject {
  object_type: string;
  object_id: string;
  /** Members that shared it. */
  members: number;
  /** Its shares by members and by everyone. */
  member_shares: number;
  total_shares: number;
}

export interface Cluster {
  id: string;
  rank: number;
  verdict: Verdict;
  score: number;
  reason: string;
  /** Members (coordinated accounts) followed by amplified accounts. */
  accounts: string[];
  members: string[];
  amplified: AmplifiedAccount[];
  seeds: string[];
  signals: ClusterSignal[];
  indicators: ClusterIndicator[];
  /** Share of all shares of the cluster's co-shared content made by its members. */
  exclusivity: number;
  density: number;
  first_ms: number | null;
  last_ms: number | null;
  top_objects: SharedObject[];
  /** Significant edges between members; `edges` lists the strongest of them (lowest q first). */
  edges_total: number;
  edges: FindingEdge[];
}

export interface SeedConnection {
  seed: string;
  found: boolean;
  cluster_id: string | null;
  connections: {
    account_id: string;
    signals: Signal[];
    co_shares: number;
    evidence: EvidenceItem[];
  }[];
}

export interface Findings {
  run_id: string;
  clusters: Cluster[];
  seeds: SeedConnection[];
  parameters: Record<string, unknown>;
}
