/**
 * The Twitter Information Operations archive format (2018–2022 releases), read by ingest,
 * written by synth and by the research-release export. One definition, so the three agree.
 */
import { createHmac } from 'node:crypto';

/** The users file's 10 columns (also columns 2–11 of the tweets file). */
export const ARCHIVE_USER_COLUMNS = [
  'userid',
  'user_display_name',
  'user_screen_name',
  'user_reported_location',
  'user_profile_description',
  'user_profile_url',
  'follower_count',
  'following_count',
  'account_creation_date',
  'account_language',
] as const;

/** The tweets file's 31 columns, in archive order. */
export const ARCHIVE_TWEET_COLUMNS = [
  'tweetid',
  ...ARCHIVE_USER_COLUMNS,
  'tweet_language',
  'tweet_text',
  'tweet_time',
  'tweet_client_name',
  'in_reply_to_userid',
  'in_reply_to_tweetid',
  'quoted_tweet_tweetid',
  'is_retweet',
  'retweet_userid',
  'retweet_tweetid',
  'latitude',
  'longitude',
  'quote_count',
  'reply_count',
  'like_count',
  'retweet_count',
  'hashtags',
  'urls',
  'user_mentions',
  'poll_choices',
] as const;

/** Accounts with fewer followers than this have id, name and handle hashed in a release. */
export const ARCHIVE_HASH_FOLLOWER_THRESHOLD = 5000;

/**
 * The archive's stand-in for a small account's id, name and handle: HMAC-SHA256 of the id under
 * a secret key, base64 (44 characters). Keyed, so nobody without the key can confirm a guess.
 */
export function hashArchiveAccount(key: string, accountId: string): string {
  return createHmac('sha256', key).update(accountId, 'utf8').digest('base64');
}
