/**
 * Bounds on every field: attacker-controlled text must not grow memory or the database without
 * limit. A field over its bound rejects the row (quarantined as oversize), it is never truncated
 * silently.
 */

/** Post texts, profile descriptions and list cells (hashtags, urls, mentions, poll choices). */
export const MAX_TEXT_BYTES = 100 * 1024;
/** Ids, names, handles, times, counts and everything else. */
export const MAX_FIELD_BYTES = 1024;
/** A whole record (a quoted field never closed is caught by this bound). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Columns (of any format) that may hold long text. */
export const LONG_COLUMNS: ReadonlySet<string> = new Set([
  'tweet_text',
  'user_profile_description',
  'user_profile_url',
  'user_reported_location',
  'hashtags',
  'urls',
  'user_mentions',
  'poll_choices',
  'tweet_client_name',
  'text',
  'url',
  'media',
  'object',
  'hashtag',
  'mention',
  'description',
]);

/** The bound of a column by its (lower-cased) name. */
export function limitOf(column: string): number {
  return LONG_COLUMNS.has(column) ? MAX_TEXT_BYTES : MAX_FIELD_BYTES;
}
