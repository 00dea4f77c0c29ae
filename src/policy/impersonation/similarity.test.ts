import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, osaDistance } from './similarity.ts';

describe('string similarity', () => {
  it('gives the textbook Jaro and Jaro-Winkler values', () => {
    // Winkler (1990) / Wikipedia examples.
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('crate', 'trace')).toBeCloseTo(0.7333, 4);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
  });
  it('counts one edit for a swap, an insertion, a replacement', () => {
    expect(osaDistance('johnsmith', 'jonhsmith')).toBe(1);
    expect(osaDistance('johnsmith', 'johnsmiith')).toBe(1);
    expect(osaDistance('johnsmith', 'johnsmyth')).toBe(1);
    expect(osaDistance('روحانی', 'روحانى')).toBe(1);
  });
  it('is symmetric and bounded (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const jw = jaroWinkler(a, b);
        return Math.abs(jw - jaroWinkler(b, a)) < 1e-12 && jw >= 0 && jw <= 1 + 1e-12 && osaDistance(a, b) === osaDistance(b, a) && (osaDistance(a, b) === 0) === (a === b);
      }),
    );
  });
});
