/**
 * Near-duplicate text groups for the `near_text` signal: MinHash (Broder 1997) over word
 * 1- and 2-shingles of the normalised text, with LSH banding (Indyk & Motwani 1998; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets" ch. 3) so that no all-pairs comparison is made.
 *
 * Threshold. A one- or two-word substitution in a 20-word post keeps Jaccard ≈ 0.73 on the union
 * of unigrams and bigrams ((18 + 15) / (22 + 23)), and a 15-word post ≈ 0.66; the default 0.6
 * keeps both. 64 hashes in 16 bands of 4 rows put the LSH S-curve midpoint at (1/16)^(1/4) = 0.5,
 * so a pair at J = 0.65 becomes a candidate with probability 1 − (1 − 0.65⁴)¹⁶ ≈ 0.96; candidates
 * are then checked on the signature estimate of J. Texts under 8 words are left to exact co_text:
 * a two-word edit of a six-word text is a different text.
 *
 * Work is per distinct normalised text (a text copied 10,000 times is hashed once), signatures
 * live in one Uint32Array, and each LSH bucket links a text only to the bucket's first text, so
 * the work is linear in the number of texts; the texts are streamed from one query, never held.
 * Texts are visited most-shared first, so a bucket's first text is the version most copied.
 *
 * Groups are stars, not chains: a text joins the group of a leader it is itself similar to (a
 * verified link, J ≥ threshold), and the leaders are taken greedily, most-shared first. Connected
 * components would chain template variants ("prices of pizza jump in London…" → "…in Toronto…" →
 * "prices of pasta soar…") into one object that organic posts written from the same phrases share
 * with an operation's copies. Only groups of two or more distinct texts become `near_text`
 * objects (exact copies are co_text).
 */
import type { Store } from '../store/index.ts';
import { normaliseText } from '../text/index.ts';

export interface NearTextOptions {
  threshold: number;
  minTokens: number;
  hashes?: number;
  bands?: number;
}

export const DEFAULT_NEAR_TEXT_THRESHOLD = 0.6;
export const DEFAULT_NEAR_TEXT_MIN_TOKENS = 8;

/** FNV-1a 32-bit hash of a string. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mix (murmur3 finaliser) seeded per hash function. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Shingle hashes (unigrams and bigrams) of a token list. */
export function shingleHashes(tokens: readonly string[]): Uint32Array {
  const set = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    set.add(hashString(tokens[i]!));
    if (i + 1 < tokens.length) set.add(hashString(`${tokens[i]!}\u0001${tokens[i + 1]!}`));
  }
  return Uint32Array.from(set);
}

/** Writes the MinHash signature of `shingles` into `out` at `offset`. */
export function computeMinHash(
  shingles: Uint32Array,
  seeds: Uint32Array,
  out: Uint32Array,
  offset: number,
): void {
  for (let j = 0; j < seeds.length; j++) {
    let min = 0xffffffff;
    const seed = seeds[j]!;
    for (let i = 0; i < shingles.length; i++) {
      const v = mix(shingles[i]!, seed);
      if (v < min) min = v;
    }
    out[offset + j] = min;
  }
}

/** Fraction of equal signature positions: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(sig: Uint32Array, i: number, j: number, k: number): number {
  let eq = 0;
  const a = i * k;
  const b = j * k;
  for (let t = 0; t < k; t++) if (sig[a + t] === sig[b + t]) eq++;
  return eq / k;
}

/** A typed array twice as long holding the same values first. */
function doubled<T extends Int32Array | Uint32Array>(a: T): T {
  const next = new (a.constructor as new (length: number) => T)(a.length * 2);
  next.set(a);
  return next;
}

function makeSeeds(k: number): Uint32Array {
  const seeds = new Uint32Array(k);
  let s = 0x9e3779b9;
  for (let i = 0; i < k; i++) {
    s = mix(s + i, 0x5bd1e995);
    seeds[i] = s;
  }
  return seeds;
}

/**
 * Star groups over `n` signatures (texts in visiting order, most-shared first): LSH candidates
 * are each text and the first text of its bucket in every band, kept when the signature estimate
 * of J reaches `threshold`; then, in visiting order, a text not yet in a group leads a new one and
 * takes every ungrouped text linked to it. Returns each text's leader (itself when alone).
 */
export function assignStarGroups(
  sig: Uint32Array,
  n: number,
  k: number,
  bands: number,
  threshold: number,
): Int32Array {
  const rows = Math.floor(k / bands);
  // Verified links (later text → earlier bucket-first text), grown as typed arrays.
  let from = new Int32Array(1024);
  let to = new Int32Array(1024);
  let links = 0;
  for (let band = 0; band < bands; band++) {
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      let h = band;
      for (let r = 0; r < rows; r++) h = mix(sig[i * k + band * rows + r]!, h);
      const f = first.get(h);
      if (f === undefined) {
        first.set(h, i);
        continue;
      }
      if (estimateJaccard(sig, f, i, k) < threshold) continue;
      if (links === from.length) {
        from = doubled(from);
        to = doubled(to);
      }
      from[links] = i;
      to[links] = f;
      links++;
    }
  }
  // Links grouped by their earlier end (CSR), then greedy stars in visiting order.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < links; e++) start[to[e]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const linked = new Int32Array(links);
  for (let e = 0; e < links; e++) linked[fill[to[e]!]!++] = from[e]!;
  const leader = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (leader[i] !== -1) continue;
    leader[i] = i;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const j = linked[e]!;
      if (leader[j] === -1) leader[j] = i;
    }
  }
  return leader;
}

/**
 * Groups near-duplicate texts (already keyed in post_objects as 'text') and writes
 * `d_near(account_id, post_id, time_ms, object_id)` with one row per post whose text belongs to a
 * group of two or more distinct texts. Returns counts for the run parameters.
 */
export async function buildNearTextShares(
  store: Store,
  options: NearTextOptions,
): Promise<{ texts: number; groups: number; groupedTexts: number }> {
  const k = options.hashes ?? 64;
  const bands = options.bands ?? 16;
  const seeds = makeSeeds(k);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_text_keys AS
     SELECT po.object_id AS key, any_value(po.post_id) AS post_id, row_number() OVER (ORDER BY count(*) DESC, po.object_id) AS rn
     FROM post_objects po WHERE po.object_type = 'text' GROUP BY po.object_id`,
  );
  // One streamed pass, most-shared first (the order picks the leaders); per text only
  // its key and its signature are kept, the signatures in one typed array sized up front.
  const count =
    (await store.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_text_keys'))?.n ?? 0;
  const keys: string[] = [];
  let sig = new Uint32Array(Math.max(1024, count) * k);
  for await (const page of store.stream<{ key: string; text: string | null }>(
    `SELECT t.key, p.text FROM d_text_keys t JOIN posts p ON p.post_id = t.post_id ORDER BY t.rn`,
  )) {
    for (const r of page) {
      const tokens = normaliseText(r.text ?? '')
        .split(' ')
        .filter((t) => t !== '');
      if (tokens.length < options.minTokens) continue;
      const idx = keys.length;
      if ((idx + 1) * k > sig.length) sig = doubled(sig);
      computeMinHash(shingleHashes(tokens), seeds, sig, idx * k);
      keys.push(r.key);
    }
  }
  const n = keys.length;
  const leader = assignStarGroups(sig, n, k, bands, options.threshold);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[leader[i]!]!++;
  await store.run(
    'CREATE OR REPLACE TEMP TABLE d_near_groups (text_key VARCHAR, group_id VARCHAR)',
  );
  const appender = await store.appender('d_near_groups');
  let grouped = 0;
  const groups = new Set<number>();
  for (let i = 0; i < n; i++) {
    const root = leader[i]!;
    if (size[root]! < 2) continue;
    grouped++;
    groups.add(root);
    appender.appendVarchar(keys[i]!);
    appender.appendVarchar(`near:${keys[root]!}`);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_near AS
     SELECT po.account_id, po.post_id, po.time_ms, g.group_id AS object_id
     FROM post_objects po JOIN d_near_groups g ON g.text_key = po.object_id
     WHERE po.object_type = 'text'`,
  );
  await store.run('DROP TABLE IF EXISTS d_text_keys');
  return { texts: n, groups: groups.size, groupedTexts: grouped };
}
