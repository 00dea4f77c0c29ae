import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PdqIndex } from './hash-index.ts';
import type { PdqBits } from './pdq.ts';

// Seeded generator (mulberry32) so the random hashes are the same on every run.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHash(r: () => number): PdqBits {
  return Uint32Array.from({ length: 8 }, () => Math.floor(r() * 2 ** 32));
}

function flipBits(h: PdqBits, n: number, r: () => number): PdqBits {
  const out = Uint32Array.from(h);
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(Math.floor(r() * 256));
  for (const b of chosen) out[b >>> 5]! ^= 1 << (b & 31);
  return out;
}

describe('PdqIndex (multi-index hashing)', () => {
  it('finds exactly what brute force finds within 31 bits (20k random hashes, planted near-duplicates)', () => {
    const r = rng(42);
    const hashes: PdqBits[] = Array.from({ length: 20_000 }, () => randomHash(r));
    const queries: PdqBits[] = [];
    for (let q = 0; q < 200; q++) {
      const base = hashes[Math.floor(r() * hashes.length)]!;
      // Queries at every distance 0…40 from an indexed hash, plus plain random ones.
      queries.push(q % 4 === 3 ? randomHash(r) : flipBits(base, q % 41, r));
    }
    // Plant hashes near the first queries so some queries have several true neighbours.
    const index = PdqIndex.fromBits([...hashes, ...queries.slice(0, 20).map((q) => flipBits(q, 25, r))]);
    let found = 0;
    for (const q of queries) {
      const fast = index.search(q, 31).map((h) => h.id).sort((a, b) => a - b);
      const brute = index.scan(q, 31).map((h) => h.id).sort((a, b) => a - b);
      expect(fast).toEqual(brute);
      found += brute.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('is exact for any radius up to 47 and falls back to a scan above (property)', () => {
    const r = rng(7);
    const hashes = Array.from({ length: 2_000 }, () => randomHash(r));
    const index = PdqIndex.fromBits(hashes);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1999 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 64 }), (i, flips, radius) => {
        const q = flipBits(hashes[i]!, flips, r);
        const fast = index.search(q, radius).map((h) => h.id).sort((a, b) => a - b);
        const brute = index.scan(q, radius).map((h) => h.id).sort((a, b) => a - b);
        return JSON.stringify(fast) === JSON.stringify(brute);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('handles an empty index', () => {
    expect(PdqIndex.fromBits([]).search(new Uint32Array(8), 31)).toEqual([]);
  });
});
