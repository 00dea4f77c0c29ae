/**
 * Canonical types shared by every stage. Ids are strings exactly as ingested (hashed ids of the
 * Information Operations archive stay hashed); branded so that an account id is not passed where
 * a post id is expected.
 */

export type Brand<T, B extends string> = T & { readonly __brand: B };
export type AccountId = Brand<string, 'AccountId'>;
export type PostId = Brand<string, 'PostId'>;

export const asAccountId = (s: string): AccountId => s as AccountId;
export const asPostId = (s: string): PostId => s as PostId;

/** Where an account lives on a platform. */
export const SURFACES = ['account', 'page', 'group', 'channel'] as const;
export type Surface = (typeof SURFACES)[number];

export const POST_KINDS = ['original', 'retweet', 'reply', 'quote'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/**
 * What posts share. `retweet`: the retweeted post id; `url`: a normalised URL; `domain`: its
 * registrable host; `hashtag`: lower-cased tag without '#'; `hashtag_set`: the sorted set of a
 * post's tags (two or more); `mention`: a mentioned account; `reply`: the replied-to post;
 * `media`: a media id or PDQ hash; `text`: a hash of the normalised text; `object`: an opaque
 * object id from a CooRTweet share table or a mapped CSV.
 */
export const OBJECT_TYPES = [
  'retweet',
  'url',
  'domain',
  'hashtag',
  'hashtag_set',
  'mention',
  'reply',
  'media',
  'text',
  'object',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface Account {
  platform: string;
  accountId: AccountId;
  surface: Surface;
  displayName: string | null;
  handle: string | null;
  description: string | null;
  profileUrl: string | null;
  reportedLocation: string | null;
  followers: number | null;
  following: number | null;
  /** Account creation time, ms since the epoch (UTC). */
  createdMs: number | null;
  language: string | null;
}

export interface Post {
  platform: string;
  postId: PostId;
  accountId: AccountId;
  /** Post time, ms since the epoch (UTC). */
  timeMs: number;
  kind: PostKind;
  /** The post this one points at: the retweeted, replied-to or quoted post. */
  refPostId: PostId | null;
  /** The author of refPostId, when known. */
  refAccountId: AccountId | null;
  text: string | null;
  language: string | null;
  client: string | null;
}

/** One object shared by one post: the unit of every co-sharing signal. */
export interface Share {
  platform: string;
  postId: PostId;
  accountId: AccountId;
  timeMs: number;
  objectType: ObjectType;
  objectId: string;
}

/** Cluster verdicts of `takedown detect` (DESIGN.md). */
export const VERDICTS = ['likely_cib', 'coordinated', 'not_coordinated'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Post labels of `takedown classify` (DESIGN.md). The first three are violating. */
export const POLICY_LABELS = [
  'glorification',
  'support',
  'representation',
  'news_reporting',
  'condemnation',
  'neutral',
  'unrelated',
] as const;
export type PolicyLabel = (typeof POLICY_LABELS)[number];
export const VIOLATING_LABELS: ReadonlySet<PolicyLabel> = new Set(['glorification', 'support', 'representation']);

/**
 * Names of the coordination signals (edge types) of `takedown detect`. Every stage that reads
 * findings (reports, STIX/DISARM mapping, the web app) uses these names.
 */
export const SIGNALS = [
  'co_retweet', // same retweeted post within the window
  'co_url', // same normalised URL
  'co_domain', // same rare domain
  'co_hashtag_set', // same set of ≥ 2 hashtags
  'co_text', // identical normalised text
  'near_text', // near-duplicate text (MinHash/LSH)
  'co_image', // same or near-same image (PDQ)
  'sync_activity', // active in the same fine time bins far more than chance
  'reply_target', // replying to the same posts
  'mention_target', // mentioning the same accounts
  'co_object', // same opaque object of a share table
] as const;
export type Signal = (typeof SIGNALS)[number];

/** Names of account indicators shown on clusters. */
export const INDICATORS = [
  'creation_batch', // accounts created within days of each other
  'handle_pattern', // name + long digit run, shared handle template
  'follower_anomaly', // following ≫ followers, near-zero followers
  'single_client', // every post from one client
  'empty_profile', // no description / location / URL
  'reused_profile', // identical description or profile fields across accounts
  'impersonation', // impersonates a protected identity
  'undisclosed_state_media', // links dominated by state media without disclosure
  'policy_violations', // posts labelled violating by the classifier
  'known_image', // images matching a hash bank
] as const;
export type Indicator = (typeof INDICATORS)[number];
