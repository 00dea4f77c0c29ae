/**
 * The `co_image` signal: pairs of accounts that posted the same or a near-same image (PDQ within
 * `maxDistance`) within `windowMs` of each other. Near-duplicates are found with the
 * multi-index-hashing index, so the cost grows with the number of similar images, not with the
 * square of all images. Hashes of quality < 50 are not used (they match other flat images).
 */
import type { Store } from '../store/index.ts';
import { PdqIndex } from './hash-index.ts';
import { hexToBits, PDQ_MATCH_THRESHOLD, PDQ_QUALITY_THRESHOLD } from './pdq.ts';

export interface CoImageOptions {
  /** Largest time between the two posts. */
  windowMs: number;
  /** Largest PDQ distance (default 31; 0 = identical hashes only). */
  maxDistance?: number;
  /** Pairs of posts by the same account are left out unless true. */
  keepSameAccount?: boolean;
}

/** One pair of image posts by two accounts, older post first, with its evidence. */
export interface CoImagePair {
  platform: string;
  accountA: string;
  accountB: string;
  postA: string;
  postB: string;
  timeA: number;
  timeB: number;
  deltaMs: number;
  distance: number;
  pdqA: string;
  pdqB: string;
}

/** Finds co-image pairs in `media_hashes` (see the file header). */
export async function findCoImagePairs(store: Store, options: CoImageOptions): Promise<CoImagePair[]> {
  const maxDistance = options.maxDistance ?? PDQ_MATCH_THRESHOLD;
  const rows = await store.all<{ platform: string; post_id: string; account_id: string; time_ms: number; pdq: string }>(
    `SELECT platform, post_id, account_id, min(time_ms) AS time_ms, pdq
       FROM media_hashes WHERE quality >= ${PDQ_QUALITY_THRESHOLD}
      GROUP BY platform, post_id, account_id, pdq
      ORDER BY time_ms, platform, post_id, pdq`,
  );
  const words = new Uint32Array(rows.length * 8);
  rows.forEach((r, i) => words.set(hexToBits(r.pdq), i * 8));
  const index = PdqIndex.fromWords(words);
  const seen = new Set<string>();
  const pairs: CoImagePair[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    for (const hit of index.search(words.subarray(i * 8, i * 8 + 8), maxDistance)) {
      if (hit.id <= i) continue; // rows are in time order: j > i is the later (or same-time) post
      const b = rows[hit.id]!;
      if (a.platform !== b.platform || a.post_id === b.post_id) continue;
      if (!options.keepSameAccount && a.account_id === b.account_id) continue;
      const delta = b.time_ms - a.time_ms;
      if (delta > options.windowMs) continue;
      const key = `${a.platform}\u0000${a.post_id}\u0000${b.post_id}`;
      if (seen.has(key)) continue; // a post with several images near another: one pair, nearest kept below
      seen.add(key);
      pairs.push({
        platform: a.platform,
        accountA: a.account_id,
        accountB: b.account_id,
        postA: a.post_id,
        postB: b.post_id,
        timeA: a.time_ms,
        timeB: b.time_ms,
        deltaMs: delta,
        distance: hit.distance,
        pdqA: a.pdq,
        pdqB: b.pdq,
      });
    }
  }
  return pairs.sort((x, y) => x.timeA - y.timeA || x.postA.localeCompare(y.postA) || x.postB.localeCompare(y.postB));
}
