import { createHash } from 'node:crypto';

/** A short stable key for a string (first 16 hex chars of SHA-1): used as the `text` object id. */
export function textKey(normalised: string): string {
  return createHash('sha1').update(normalised).digest('hex').slice(0, 16);
}
