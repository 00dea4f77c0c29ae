import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextScrubber, type ScrubTarget } from './text-scrub.ts';

const targets: ScrubTarget[] = [
  { accountId: '8100000000000000001', handle: 'fakejournal_1984', displayName: '<script>alert(1)</script>', hash: 'H1' },
  { accountId: 'fb-user-701', handle: 'truth.voice', displayName: 'Sara Tehrani', hash: 'H2' },
  { accountId: '42', handle: 'ab', displayName: 'Al', hash: 'H3' },
];
const scrub = createTextScrubber(targets);

describe('createTextScrubber', () => {
  it('replaces ids, handles (any case, with @) and display names as whole tokens', () => {
    expect(scrub('RT @FakeJournal_1984: hi')).toBe('RT @H1: hi');
    expect(scrub('by 8100000000000000001, see https://twitter.com/fakejournal_1984/status/1')).toBe('by H1, see https://twitter.com/H1/status/1');
    expect(scrub('tell sara tehrani and Sara Tehrani.')).toBe('tell H2 and H2.');
    expect(scrub('x <script>alert(1)</script> y')).toBe('x H1 y');
    expect(scrub('follow truth.voice now, fb-user-701')).toBe('follow H2 now, H2');
  });

  it('leaves longer words, numbers and short names alone', () => {
    expect(scrub('81000000000000000012 and fakejournal_19845 and Sara Tehranis')).toBe('81000000000000000012 and fakejournal_19845 and Sara Tehranis');
    expect(scrub('Al went to 420 and ab1')).toBe('Al went to 420 and ab1');
    expect(scrub('id 42 handle @ab')).toBe('id H3 handle @H3');
  });

  it('leaves no target standing as a whole token in random texts (property)', () => {
    const pieces = ['fakejournal_1984', 'FAKEJOURNAL_1984', '8100000000000000001', 'sara tehrani', 'truth.voice', '42', 'ab', ' ', 'x', '.', '@', '_', 'é', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const out = scrub(text);
        // After scrubbing no target key stands as a whole token.
        for (const key of ['fakejournal_1984', '8100000000000000001', 'sara tehrani', 'truth.voice', '42', 'ab']) {
          const re = new RegExp(`(?<![\\p{L}\\p{N}_])${key.replace(/\./g, '\\.')}(?![\\p{L}\\p{N}_])`, 'iu');
          expect(re.test(out), `${text} -> ${out}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('scales: 10,000 targets over 10,000 texts in well under a few seconds', () => {
    const many: ScrubTarget[] = Array.from({ length: 10_000 }, (_, i) => ({
      accountId: String(9_000_000_000 + i),
      handle: `user_${i}`,
      displayName: `Person Number ${i}`,
      hash: `h${i}`,
    }));
    const s = createTextScrubber(many);
    const t0 = Date.now();
    let out = '';
    for (let i = 0; i < 10_000; i++) out = s(`RT @user_${i}: hello Person Number ${i} from ${9_000_000_000 + i} and user_${i}x`);
    expect(out).toBe('RT @h9999: hello h9999 from h9999 and user_9999x');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
