/**
 * The keyed hash that replaces the ids, names and handles of small accounts in a research release,
 * as Twitter's Information Operations archive did: HMAC-SHA256 under a secret key, base64 (44
 * characters). Keyed, so nobody without the key can confirm a guess by hashing a candidate id; the
 * same key across releases keeps an account's hash stable so releases can be linked.
 */
import { randomBytes } from 'node:crypto';
import { ARCHIVE_HASH_FOLLOWER_THRESHOLD, hashArchiveAccount, usageError } from '../model/index.ts';

/** Accounts with fewer followers than this are hashed in a release (Twitter's rule). */
export const HASH_FOLLOWER_THRESHOLD = ARCHIVE_HASH_FOLLOWER_THRESHOLD;

export type AccountHasher = (accountId: string) => string;

/** A hasher under `key` (any non-empty string; used as UTF-8 bytes). */
export function createAccountHasher(key: string): AccountHasher {
  if (key.length === 0) throw usageError('The hash key must not be empty');
  const cache = new Map<string, string>();
  return (accountId: string): string => {
    let h = cache.get(accountId);
    if (h === undefined) {
      h = hashArchiveAccount(key, accountId);
      cache.set(accountId, h);
    }
    return h;
  };
}

/** A fresh random key (32 bytes, base64) for when none is given. */
export function generateHashKey(): string {
  return randomBytes(32).toString('base64');
}
