/**
 * The archive's hashing rule: accounts under 5,000 followers have userid, display name and
 * screen name replaced by one 44-character base64 value. Keyed by the seed (HMAC-SHA256) so that
 * two samples do not share ids, as Twitter's releases did not.
 */
import { ARCHIVE_HASH_FOLLOWER_THRESHOLD, hashArchiveAccount } from '../model/index.ts';

/** Followers at or above which an account keeps its real id and names. */
export const HASH_FOLLOWER_THRESHOLD = ARCHIVE_HASH_FOLLOWER_THRESHOLD;

/** The 44-character base64 hash that stands for a small account's id, name and handle. */
export function hashAccountId(seed: number, numericId: string): string {
  return hashArchiveAccount(`takedown-synth:${seed}`, numericId);
}
