/**
 * Replaces every raw identifier of a hashed account (its id, its handle with or without '@', its
 * display name) inside free text with the account's hash, so a release never leaks a small
 * account through an `RT @handle:` prefix, a mention, a profile URL or a quoted name. Matches are
 * whole tokens (not inside a longer word or number); handles and names match case-insensitively.
 * All keys are found in one pass with an Aho–Corasick automaton (Aho & Corasick 1975, CACM 18(6)),
 * so thousands of hashed accounts cost no more per text than a few.
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

/** Lower-cases one UTF-16 code unit, keeping positions aligned (case changes that grow a string are skipped). */
function lowerUnit(c: string): string {
  const l = c.toLowerCase();
  return l.length === 1 ? l : c;
}

function lowerAligned(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += lowerUnit(s[i] as string);
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const code = s.charCodeAt(i);
  // A surrogate pair: test the whole code point.
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) return WORD.test(s.slice(i - 1, i + 1));
  if (code >= 0xd800 && code <= 0xdbff) return WORD.test(s.slice(i, i + 2));
  return WORD.test(s[i] as string);
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Key ending here (the longest), as its length, or 0. */
  out: number;
  /** The nearest node on the failure chain with out > 0 (dictionary link), or -1. */
  dict: number;
}

/** A function that replaces the identifiers of `targets` in text by their hashes. */
export function createTextScrubber(targets: readonly ScrubTarget[]): TextScrubber {
  const byKey = new Map<string, string>();
  for (const t of targets) {
    const add = (k: string): void => {
      const key = lowerAligned(k);
      if (key.length > 0 && !byKey.has(key)) byKey.set(key, t.hash);
    };
    add(t.accountId);
    if (t.handle) add(t.handle.replace(/^@/, ''));
    const name = t.displayName?.trim();
    if (name && Array.from(name).length >= MIN_SCRUBBED_NAME_LENGTH) add(name);
  }
  if (byKey.size === 0) return (text) => text;

  // Build the trie, then the failure and dictionary links breadth-first.
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: 0, dict: -1 }];
  for (const key of byKey.keys()) {
    let n = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key[i] as string;
      let m = nodes[n]?.next.get(c);
      if (m === undefined) {
        m = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: 0, dict: -1 });
        nodes[n]?.next.set(c, m);
      }
      n = m;
    }
    const node = nodes[n] as Node;
    node.out = key.length;
  }
  const queue: number[] = [];
  for (const child of nodes[0]?.next.values() ?? []) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const n = queue[qi] as number;
    const node = nodes[n] as Node;
    for (const [c, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f]?.next.has(c)) f = nodes[f]?.fail ?? 0;
      const target = nodes[f]?.next.get(c);
      const childNode = nodes[child] as Node;
      childNode.fail = target !== undefined && target !== child ? target : 0;
      const failNode = nodes[childNode.fail] as Node;
      childNode.dict = failNode.out > 0 ? childNode.fail : failNode.dict;
      queue.push(child);
    }
  }

  return (text: string): string => {
    if (text.length === 0) return text;
    const lower = lowerAligned(text);
    // Candidate matches as [start, length], kept only when both ends are token boundaries.
    const matches: [number, number][] = [];
    let n = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = lower[i] as string;
      while (n !== 0 && !nodes[n]?.next.has(c)) n = nodes[n]?.fail ?? 0;
      n = nodes[n]?.next.get(c) ?? 0;
      for (let m = (nodes[n]?.out ?? 0) > 0 ? n : (nodes[n]?.dict ?? -1); m !== -1; m = nodes[m]?.dict ?? -1) {
        const len = nodes[m]?.out ?? 0;
        const start = i - len + 1;
        if (!isWordAt(text, start - 1) && !isWordAt(text, i + 1)) matches.push([start, len]);
      }
    }
    if (matches.length === 0) return text;
    // Leftmost-longest, non-overlapping.
    matches.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let pos = 0;
    for (const [start, len] of matches) {
      if (start < pos) continue;
      out += text.slice(pos, start) + (byKey.get(lower.slice(start, start + len)) ?? text.slice(start, start + len));
      pos = start + len;
    }
    return out + text.slice(pos);
  };
}
