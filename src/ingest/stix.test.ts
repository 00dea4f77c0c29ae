import { describe, expect, it } from 'vitest';
import { accountsOfPattern, parsePattern } from './stix-pattern.ts';
import { seedsOfBundle } from './stix-seeds.ts';

describe('STIX patterns', () => {
  it('takes account ids and platforms out of user-account patterns', () => {
    expect(
      accountsOfPattern(
        "[user-account:account_type = 'twitter' AND user-account:user_id = '12345']",
      ),
    ).toEqual([{ userId: '12345', accountType: 'twitter' }]);
    expect(accountsOfPattern("[user-account:user_id = 'it\\'s']")).toEqual([
      { userId: "it's", accountType: null },
    ]);
    expect(
      accountsOfPattern(
        "[user-account:user_id IN ('a', 'b')] OR [user-account:user_id = 'c' AND user-account:account_type = 'facebook'] WITHIN 60 SECONDS",
      ),
    ).toEqual([
      { userId: 'a', accountType: null },
      { userId: 'b', accountType: null },
      { userId: 'c', accountType: 'facebook' },
    ]);
    // OR inside an observation gives two conjunctions.
    expect(
      parsePattern("[user-account:user_id = 'x' OR domain-name:value = 'e.com']")[0],
    ).toHaveLength(2);
  });

  it('refuses malformed patterns instead of guessing', () => {
    for (const bad of [
      "[user-account:user_id = 'x'",
      "user-account:user_id = 'x'",
      "[user-account:user_id = 'x]",
      "[user-account:user_id 'x']",
    ]) {
      expect(() => parsePattern(bad)).toThrow();
    }
  });
});

describe('seedsOfBundle', () => {
  it('makes seeds of indicators and user-account objects, and rejects what it cannot read', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--8f1c',
      objects: [
        {
          type: 'indicator',
          id: 'indicator--1',
          name: 'persona',
          pattern_type: 'stix',
          pattern: "[user-account:account_type = 'twitter' AND user-account:user_id = '111']",
        },
        {
          type: 'indicator',
          id: 'indicator--2',
          pattern_type: 'stix',
          pattern: "[domain-name:value = 'fake-news.example']",
        },
        {
          type: 'indicator',
          id: 'indicator--3',
          pattern_type: 'stix',
          pattern: "[user-account:user_id = '222'",
        },
        {
          type: 'user-account',
          id: 'user-account--4',
          user_id: '333',
          account_login: 'persona3',
          account_type: 'Facebook',
        },
        { type: 'attack-pattern', id: 'attack-pattern--5', name: 'T0007' },
      ],
    };
    const res = seedsOfBundle(JSON.stringify(bundle), 'unknown', 'tip.json');
    expect(res.seedSet).toBe('bundle--8f1c');
    expect(res.seeds).toEqual([
      { platform: 'twitter', accountId: '111', source: 'indicator--1', name: 'persona' },
      { platform: 'facebook', accountId: '333', source: 'user-account--4', name: 'persona3' },
    ]);
    expect(res.rejects).toHaveLength(1);
    expect(res.rejects[0]!.reason).toMatch(/unparsable pattern of indicator--3/);
  });

  it('refuses JSON that is not a bundle', () => {
    expect(() => seedsOfBundle('{"type": "indicator"}', 'x', 'f.json')).toThrow(
      /not a STIX 2.1 bundle/,
    );
  });
});
