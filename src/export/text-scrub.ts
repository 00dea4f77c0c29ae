/**
 * Replaces every raw identifier of a hashed account (its id, its handle with or without '@', its
 * display name) inside free text with the account's hash, so a release never leaks a small
 * account through an `RT @handle:` prefix, a mention, a profile URL or a quoted name. Matches are
 * whole tokens (not inside a longer word or number); handles and names match case-insensitively.
 */

/** Display names shorter than this are not searched for in free text (too many false matches). */
export const MIN_SCRUBBED_NAME_LENGTH = 4;

export interface ScrubTarget {
  accountId: string;
  handle: string | null;
  displayName: string | null;
  hash: string;
}

export type TextScrubber = (text: string) => string;

/** A function that replaces the identifiers of `targets` in text by their hashes. */
export function createTextScrubber(targets: readonly ScrubTarget[]): TextScrubber {
  const byKey = new Map<string, string>();
  for (const t of targets) {
    byKey.set(t.accountId, t.hash);
    if (t.handle) byKey.set(t.handle.replace(/^@/, '').toLowerCase(), t.hash);
    if (t.displayName && Array.from(t.displayName.trim()).length >= MIN_SCRUBBED_NAME_LENGTH) {
      byKey.set(t.displayName.trim().toLowerCase(), t.hash);
    }
  }
  if (byKey.size === 0) return (text) => text;
  const alternatives = [...byKey.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return (text: string): string => {
    if (text.length === 0) return text;
    return text.replace(pattern, (m) => byKey.get(m.toLowerCase()) ?? byKey.get(m) ?? m);
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
