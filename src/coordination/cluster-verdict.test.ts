import { describe, expect, it } from 'vitest';
import { binomialTail } from './account-indicators.ts';
import { decideVerdict, type VerdictInput } from './cluster-verdict.ts';
import type { ClusterIndicator } from './findings-types.ts';

const base: VerdictInput = {
  members: 20,
  amplified: 2,
  signals: [{ signal: 'co_retweet', edges: 190, co_shares: 1900, median_delta_ms: 4000 }],
  indicators: [],
  exclusivity: 0.8,
  density: 1,
  medianDeltaMs: 4000,
};
const batch: ClusterIndicator = { indicator: 'creation_batch', accounts: 18, share: 0.9, base_rate: 0.01, detail: '' };

describe('decideVerdict', () => {
  it('calls a dense ring that makes most shares of its content likely_cib, even on aged accounts', () => {
    const v = decideVerdict(base);
    expect(v.verdict).toBe('likely_cib');
    expect(v.reason).toMatch(/20 accounts/);
    expect(v.score).toBeGreaterThan(0.5);
  });

  it('does not call accounts authentic-looking when the data has no profiles to look at', () => {
    const popular = { ...base, exclusivity: 0.05, memberAuthors: 0 };
    expect(decideVerdict({ ...popular, profiledMembers: 20 }).reason).toMatch(/the accounts look authentic/);
    const bare = decideVerdict({ ...popular, profiledMembers: 0 });
    expect(bare.verdict).toBe('coordinated');
    expect(bare.reason).not.toMatch(/look authentic/);
    expect(bare.reason).toMatch(/no account profiles/);
  });

  it('keeps a circle of authentic-looking friends passing around their own posts at coordinated', () => {
    const circle = { ...base, amplified: 0, memberAuthors: 16 };
    const v = decideVerdict(circle);
    expect(v.verdict).toBe('coordinated');
    expect(v.reason).toMatch(/16 of 20 members are the authors/);
    // A few co_url edges (retweets carry the original's links) do not change that.
    expect(
      decideVerdict({ ...circle, signals: [...base.signals, { signal: 'co_url', edges: 20, co_shares: 20, median_delta_ms: 9000 }] }).verdict,
    ).toBe('coordinated');
    // A ring pushing a few personas is not mutual; nor is a group that shares outside content,
    // nor one whose accounts show signs of inauthenticity.
    expect(decideVerdict({ ...base, memberAuthors: 3 }).verdict).toBe('likely_cib');
    expect(
      decideVerdict({ ...circle, signals: [...base.signals, { signal: 'co_url', edges: 100, co_shares: 200, median_delta_ms: 9000 }] }).verdict,
    ).toBe('likely_cib');
    expect(decideVerdict({ ...circle, indicators: [batch] }).verdict).toBe('likely_cib');
  });

  it('keeps authentic-looking fans of popular content at coordinated', () => {
    expect(decideVerdict({ ...base, members: 6, exclusivity: 0.3, density: 0.9 }).verdict).toBe('coordinated');
    expect(decideVerdict({ ...base, members: 6, exclusivity: 0.05, density: 0.9 }).verdict).toBe('coordinated');
  });

  it('needs an inauthenticity sign when the content is only partly theirs', () => {
    expect(decideVerdict({ ...base, exclusivity: 0.3, indicators: [batch] }).verdict).toBe('likely_cib');
    expect(decideVerdict({ ...base, exclusivity: 0.3 }).verdict).toBe('coordinated');
  });

  it('does not call a sparse audience or a pair likely_cib', () => {
    expect(decideVerdict({ ...base, members: 300, density: 0.03 }).verdict).toBe('coordinated');
    expect(decideVerdict({ ...base, members: 2 }).verdict).toBe('coordinated');
  });

  it('calls co-activity without shared content not_coordinated', () => {
    const v = decideVerdict({ ...base, exclusivity: 0, signals: [{ signal: 'sync_activity', edges: 3, co_shares: 6, median_delta_ms: 0 }] });
    expect(v.verdict).toBe('not_coordinated');
  });

  it('gives a higher score to stronger evidence', () => {
    expect(decideVerdict({ ...base, indicators: [batch] }).score).toBeGreaterThan(decideVerdict({ ...base, exclusivity: 0.5, density: 0.6 }).score);
  });
});

describe('binomialTail', () => {
  it('matches direct sums', () => {
    expect(binomialTail(4, 0, 0.3)).toBe(1);
    expect(binomialTail(4, 4, 0.3)).toBeCloseTo(0.3 ** 4, 10);
    expect(binomialTail(4, 2, 0.3)).toBeCloseTo(1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3, 10);
    expect(binomialTail(30, 20, 0.05)).toBeLessThan(1e-15);
  });
});
