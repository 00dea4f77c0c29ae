import { describe, expect, it } from 'vitest';
import { normaliseText } from '../text/index.ts';
import { assignStarGroups, computeMinHash, estimateJaccard, shingleHashes } from './near-text.ts';

const K = 64;
const BANDS = 16;

function signatures(texts: readonly string[]): Uint32Array {
  const seeds = new Uint32Array(K).map((_, i) => (i * 2654435761 + 12345) >>> 0);
  const sig = new Uint32Array(texts.length * K);
  texts.forEach((t, i) =>
    computeMinHash(shingleHashes(normaliseText(t).split(' ').filter(Boolean)), seeds, sig, i * K),
  );
  return sig;
}

describe('assignStarGroups', () => {
  it('does not chain: a text joins a leader only when it is itself similar to that leader', () => {
    // Hand-made signatures (k = 8, 2 bands of 4): B is A with two positions changed (J 0.75,
    // same first band), C is B with two other positions changed (J(B, C) 0.75, same second band)
    // but J(A, C) = 0.5. Connected components would put all three in one group.
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = [1, 2, 3, 4, 5, 6, 70, 80];
    const c = [10, 20, 3, 4, 5, 6, 70, 80];
    const sig = Uint32Array.from([...a, ...b, ...c]);
    expect(estimateJaccard(sig, 0, 2, 8)).toBe(0.5);
    const leader = assignStarGroups(sig, 3, 8, 2, 0.6);
    expect([...leader]).toEqual([0, 0, 2]);
  });

  it('groups one- and two-word edits of a copied text with it, and keeps template variants apart', () => {
    const texts = [
      // The most-shared version first, as the caller orders them.
      'the minister says talks with the neighbours on water will resume next week after the summit ends',
      'the minister says talks with the neighbours on water will resume next month after the summit ends',
      'the minister said talks with the neighbours on water will resume next week after the summit finally ends',
      // Same template, other slots: organic posts written from the same phrases.
      'the spokesman says talks with Iraq on trade will resume next week after the summit ends',
      'the president says talks with Japan on fishing will resume soon after the elections end',
    ];
    const leader = assignStarGroups(signatures(texts), texts.length, K, BANDS, 0.6);
    expect(leader[1]).toBe(0);
    expect(leader[2]).toBe(0);
    expect(leader[4]).toBe(4);
    expect(leader[3]).not.toBe(leader[4]);
  });
});
