/** truth.json: what was planted in a sample, for scoring detection against it. */

export const OPERATION_KINDS = [
  'fast_retweet_ring',
  'copy_paste',
  'link_farm',
  'hashtag_campaign',
  'slow_ring',
  'impersonation',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const TRAP_KINDS = [
  'fast_fans',
  'breaking_news',
  'signup_wave',
  'viral',
  'celebrity',
  'friend_circle',
] as const;
export type TrapKind = (typeof TRAP_KINDS)[number];

export interface TruthOperation {
  id: string;
  kind: OperationKind;
  aged_accounts: boolean;
  batch_created: boolean;
  /** Every account of the operation (userid as written), amplified personas included. */
  accounts: string[];
  /** The personas the operation exists to push (members too). */
  amplified: string[];
  /** Real accounts the personas impersonate (impersonation operations only). */
  impersonates?: string[];
  /** Language of the operation's content. */
  lang: string;
  description: string;
}

export interface TruthTrap {
  kind: TrapKind;
  /** Organic accounts in this trap: none of them is planted. */
  accounts: string[];
  description: string;
}

/** Post ids per policy label (retweets of a labelled post carry its label). */
export type TruthPolicyPosts = Record<
  'glorification' | 'support' | 'news_reporting' | 'condemnation' | 'neutral',
  string[]
>;

export interface Truth {
  seed: number;
  generator: 'takedown-synth/1';
  accounts: number;
  posts: number;
  start: string;
  days: number;
  operations: TruthOperation[];
  traps: TruthTrap[];
  /** Posts about designated organisations and people, by label: the classifier's ground truth. */
  policy_posts: TruthPolicyPosts;
  /** Per operation id, how many of its posts carry each policy label. */
  policy_by_operation: Record<string, Partial<Record<keyof TruthPolicyPosts, number>>>;
}
