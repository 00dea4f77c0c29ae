/** One post of the sample between its planning and its row in tweets.csv. */
import type { Lang } from './vocabulary.ts';

export const KIND_ORIGINAL = 0;
export const KIND_RETWEET = 1;
export const KIND_REPLY = 2;
export const KIND_QUOTE = 3;

export interface PostEvent {
  /** Post time in ms (UTC). */
  ms: number;
  /** Creation order: breaks ties between posts of the same millisecond so output is deterministic. */
  seq: number;
  /** Account index. */
  author: number;
  kind: number;
  /** The post's own text; a retweet's row text is built from its target. */
  text: string;
  lang: Lang | 'und';
  hashtags: string[];
  urls: string[];
  /** Mentioned account indices. */
  mentions: number[];
  /** Retweeted, replied-to or quoted post. */
  target: PostEvent | null;
  /** Client index, or -1 for the author's usual client. */
  client: number;
  /** Snowflake id as written (empty until written). */
  id: string;
  retweets: number;
  likes: number;
  replies: number;
  quotes: number;
  /** Policy label code (see policy-content.ts): 0 when the post is not about a designated entity. */
  policy: number;
}

/**
 * Retweets carry their original's lists, never their own: they share these empty ones, which saves
 * three arrays per retweet in the posts planned ahead.
 */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];
const NO_ACCOUNTS: number[] = Object.freeze([]) as unknown as number[];

/** A new post with empty engagement. */
export function createPost(
  ms: number,
  seq: number,
  author: number,
  kind: number,
  text: string,
  lang: Lang | 'und',
  target: PostEvent | null = null,
): PostEvent {
  return {
    ms,
    seq,
    author,
    kind,
    text,
    lang,
    hashtags: kind === KIND_RETWEET ? NO_STRINGS : [],
    urls: kind === KIND_RETWEET ? NO_STRINGS : [],
    mentions: kind === KIND_RETWEET ? NO_ACCOUNTS : [],
    target,
    client: -1,
    id: '',
    retweets: 0,
    likes: 0,
    replies: 0,
    quotes: 0,
    policy: 0,
  };
}
