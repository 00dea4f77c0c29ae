/**
 * A token trie over phrases (entity aliases and lexicon entries), in the spirit of Aho-Corasick
 * over words: every start position walks the trie once, so the cost is O(tokens × longest
 * phrase) whatever the number of phrases. Arabic proclitics (و ف ل and the article ال, with their
 * combinations وال فال بال لل) are tried when a token has no edge of its own, so والشهيد matches
 * الشهيد/شهيد and لسليماني matches سليماني. Bare ب and ك are not stripped: بحماس is "with
 * enthusiasm", not Hamas. Phrases the caller allows (framing lexicons, not names) may match
 * with one extra word inside them.
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
  // Only و ف ب ک ل and ا (of ال) begin a proclitic.
  const c = token.charCodeAt(0);
  if (c !== 0x0648 && c !== 0x0641 && c !== 0x0628 && c !== 0x06a9 && c !== 0x0644 && c !== 0x0627) return NONE;
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

const NO_GAP = (): boolean => false;

export class PhraseTrie<P> {
  private readonly root: TrieNode<P> = { next: new Map(), payloads: [] };
  private size = 0;

  /** `allowGap(payload)`: may this phrase match with one extra word inside it? (Default: never.) */
  constructor(private readonly allowGap: (payload: P) => boolean = NO_GAP) {}

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
    let skipped = false;
    while (node !== undefined) {
      j++;
      for (const payload of node.payloads) if (!skipped || this.allowGap(payload)) out.push({ start, end: j, payload });
      if (j >= tokens.length || node.next.size === 0) break;
      let child = this.step(node, tokens[j] as string);
      // One inserted word inside a phrase ("rest in eternal peace", "دلمان برایت تنگ") for phrases that allow it.
      if (child === undefined && !skipped && this.allowGap !== NO_GAP && j + 1 < tokens.length) {
        child = this.step(node, tokens[j + 1] as string);
        if (child !== undefined) {
          skipped = true;
          j++;
        }
      }
      node = child;
    }
  }

  private step(node: TrieNode<P>, t: string): TrieNode<P> | undefined {
    const child = node.next.get(t);
    if (child !== undefined) return child;
    for (const v of stripProclitics(t)) {
      const c = node.next.get(v);
      if (c !== undefined) return c;
    }
    return undefined;
  }
}
