/**
 * Exact radius search over PDQ hashes by multi-index hashing (Norouzi, Punjani & Fleet, "Fast
 * Search in Hamming Space with Multi-Index Hashing", CVPR 2012; the same idea as ThreatExchange's
 * `pdq/cpp/index/mih.h`). The 256 bits are split into 16 chunks of 16 bits, each with its own
 * bucket table. Pigeonhole: if two hashes differ in at most r bits, some chunk differs in at most
 * ⌊r/16⌋ bits — so probing, in every chunk, the buckets within ⌊r/16⌋ bits of the query's chunk
 * finds every candidate (r = 31 → 17 probes per chunk), and each candidate is then checked on
 * the full 256 bits. Nothing within r is ever missed; radii over 47 fall back to a linear scan.
 */
import { hammingDistance, popcount32, type PdqBits } from './pdq.ts';

const CHUNKS = 16;
const BUCKETS = 1 << 16;

/** A hit of a radius query: the position of the hash in insertion order and its distance. */
export interface IndexHit {
  id: number;
  distance: number;
}

function chunkOf(words: Uint32Array, base: number, c: number): number {
  return (words[base + (c >>> 1)]! >>> ((c & 1) << 4)) & 0xffff;
}

/** An immutable, in-memory index of PDQ hashes built once (build time is linear in the size). */
export class PdqIndex {
  /** Hash words, 8 per hash, in insertion order. */
  readonly words: Uint32Array;
  readonly size: number;
  private readonly offsets: Uint32Array[] = [];
  private readonly ids: Uint32Array[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  private constructor(words: Uint32Array) {
    this.words = words;
    this.size = words.length >>> 3;
    this.seen = new Uint32Array(this.size);
    for (let c = 0; c < CHUNKS; c++) {
      // Counting sort of the ids by their chunk value: CSR buckets.
      const counts = new Uint32Array(BUCKETS + 1);
      for (let i = 0; i < this.size; i++) counts[chunkOf(words, i * 8, c) + 1]!++;
      for (let b = 0; b < BUCKETS; b++) counts[b + 1]! += counts[b]!;
      const fill = counts.slice(0, BUCKETS);
      const ids = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) ids[fill[chunkOf(words, i * 8, c)]!++] = i;
      this.offsets.push(counts);
      this.ids.push(ids);
    }
  }

  /** Builds an index over hashes given as bit arrays (ids are their positions). */
  static fromBits(hashes: readonly PdqBits[]): PdqIndex {
    const words = new Uint32Array(hashes.length * 8);
    hashes.forEach((h, i) => words.set(h, i * 8));
    return new PdqIndex(words);
  }

  /** Builds an index over a packed array of 8 words per hash. */
  static fromWords(words: Uint32Array): PdqIndex {
    if (words.length % 8 !== 0) throw new RangeError('packed PDQ words must be a multiple of 8');
    return new PdqIndex(words);
  }

  /** Distance from `query` to the hash with id `id`. */
  distanceTo(query: PdqBits, id: number): number {
    let d = 0;
    const b = id * 8;
    for (let w = 0; w < 8; w++) d += popcount32((query[w]! ^ this.words[b + w]!) >>> 0);
    return d;
  }

  /** Every indexed hash within `radius` bits of `query` (unordered). */
  search(query: PdqBits, radius: number): IndexHit[] {
    const hits: IndexHit[] = [];
    if (this.size === 0) return hits;
    const chunkRadius = Math.floor(radius / CHUNKS);
    if (chunkRadius > 2) return this.scan(query, radius);
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    for (let c = 0; c < CHUNKS; c++) {
      const v = chunkOf(query, 0, c);
      this.probe(c, v, query, radius, stamp, hits);
      if (chunkRadius >= 1) {
        for (let b1 = 0; b1 < 16; b1++) {
          const v1 = v ^ (1 << b1);
          this.probe(c, v1, query, radius, stamp, hits);
          if (chunkRadius >= 2) for (let b2 = b1 + 1; b2 < 16; b2++) this.probe(c, v1 ^ (1 << b2), query, radius, stamp, hits);
        }
      }
    }
    return hits;
  }

  private probe(c: number, bucket: number, query: PdqBits, radius: number, stamp: number, hits: IndexHit[]): void {
    const offsets = this.offsets[c]!;
    const ids = this.ids[c]!;
    const end = offsets[bucket + 1]!;
    for (let k = offsets[bucket]!; k < end; k++) {
      const id = ids[k]!;
      if (this.seen[id] === stamp) continue;
      this.seen[id] = stamp;
      const d = this.distanceTo(query, id);
      if (d <= radius) hits.push({ id, distance: d });
    }
  }

  /** Linear scan: the reference answer (and the path for very large radii). */
  scan(query: PdqBits, radius: number): IndexHit[] {
    const hits: IndexHit[] = [];
    for (let id = 0; id < this.size; id++) {
      const d = this.distanceTo(query, id);
      if (d <= radius) hits.push({ id, distance: d });
    }
    return hits;
  }
}

/** Distance between two hashes (re-exported for callers holding bit arrays). */
export { hammingDistance };
