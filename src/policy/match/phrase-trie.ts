/**
 * A token trie over phrases (entity aliases and lexicon entries), in the spirit of Aho-Corasick
 * over words: every start position walks the trie once, so the cost is O(tokens × longest
 * phrase) whatever the number of phrases. Arabic proclitics (و ف ل and the article ال, with their
 * combinations وال فال بال لل) are tried when a token has no edge of its own, so والشهيد matches
 * الشهيد/شهيد and لسليماني matches سليماني. Bare ب and ك are not stripped: بحماس is "with
 * enthusiasm", not Hamas.
 */

export interface TrieNode<P> {
  next: Map<string, TrieNode<P>>;
  payloads: P[];
}

export interface PhraseMatch<P> {
  start: number;
  /** Exclusive end token index. */
  end: number;
  payload: P;
}

const ARABIC_TOKEN_RE = /^[\u0600-\u06ff]{3,}$/;

const NONE: readonly string[] = [];
const cache = new Map<string, readonly string[]>();

/** Forms of an Arabic-script token with its proclitics removed, most specific first (memoised). */
export function stripProclitics(token: string): readonly string[] {
  const c = token.charCodeAt(0);
  if (c < 0x0600 || c > 0x06ff) return NONE;
  let out = cache.get(token);
  if (out === undefined) {
    if (cache.size > 100_000) cache.clear();
    out = computeProclitics(token);
    cache.set(token, out);
  }
  return out;
}

function computeProclitics(token: string): readonly string[] {
  if (!ARABIC_TOKEN_RE.test(token)) return NONE;
  const out: string[] = [];
  for (const p of ['وال', 'فال', 'بال', 'کال']) {
    if (token.startsWith(p) && token.length >= p.length + 2) out.push('ال' + token.slice(p.length), token.slice(p.length));
  }
  if (token.startsWith('لل') && token.length >= 4) out.push('ال' + token.slice(2), token.slice(2));
  if (token.startsWith('ال') && token.length >= 4) out.push(token.slice(2));
  const c = token[0];
  if ((c === 'و' || c === 'ف' || c === 'ل') && token.length >= 4) {
    const rest = token.slice(1);
    out.push(rest);
    if (rest.startsWith('ال') && rest.length >= 4) out.push(rest.slice(2));
  }
  return out;
}

export class PhraseTrie<P> {
  private readonly root: TrieNode<P> = { next: new Map(), payloads: [] };
  private size = 0;

  /** Adds a phrase given as tokens; empty phrases are ignored. */
  add(tokens: readonly string[], payload: P): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (child === undefined) {
        child = { next: new Map(), payloads: [] };
        node.next.set(t, child);
      }
      node = child;
    }
    node.payloads.push(payload);
    this.size++;
  }

  /** Number of phrases added. */
  get phrases(): number {
    return this.size;
  }

  /** Every phrase occurrence in `tokens` (all lengths, all starts). */
  findAll(tokens: readonly string[]): PhraseMatch<P>[] {
    const out: PhraseMatch<P>[] = [];
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const first = tokens[i] as string;
      this.walk(tokens, i, this.root.next.get(first), out);
      if (this.root.next.has(first)) continue;
      for (const v of stripProclitics(first)) {
        const node = this.root.next.get(v);
        if (node !== undefined) {
          this.walk(tokens, i, node, out);
          break;
        }
      }
    }
    return out;
  }

  private walk(tokens: readonly string[], start: number, node: TrieNode<P> | undefined, out: PhraseMatch<P>[]): void {
    let j = start;
    while (node !== undefined) {
      j++;
      for (const payload of node.payloads) out.push({ start, end: j, payload });
      if (j >= tokens.length || node.next.size === 0) break;
      const t = tokens[j] as string;
      let child = node.next.get(t);
      if (child === undefined) {
        for (const v of stripProclitics(t)) {
          child = node.next.get(v);
          if (child !== undefined) break;
        }
      }
      node = child;
    }
  }
}
