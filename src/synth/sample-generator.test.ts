import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, type SynthSummary } from './sample-generator.ts';
import { snowflakeToMs } from './snowflake.ts';
import { OPERATION_KINDS, TRAP_KINDS, type Truth } from './truth.ts';
import { TWEET_COLUMNS, USER_COLUMNS } from './csv-format.ts';
import { parseCsv, readCsvRecords } from './test-csv.ts';
import { normaliseText } from '../text/index.ts';

const root = mkdtempSync(join(tmpdir(), 'takedown-synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function generate(
  name: string,
  options: Parameters<typeof generateSample>[0] extends infer O
    ? Omit<O & object, 'outDir'>
    : never,
): SynthSummary {
  return generateSample({ outDir: join(root, name), ...options });
}

const SMALL = { seed: 7, accounts: 800, days: 3 };

describe('takedown synth: determinism', () => {
  it('writes identical bytes for the same seed and different bytes for another seed', () => {
    generate('a', SMALL);
    generate('b', SMALL);
    generate('c', { ...SMALL, seed: 8 });
    for (const file of ['tweets.csv', 'users.csv', 'truth.json']) {
      const a = readFileSync(join(root, 'a', file));
      expect(a.equals(readFileSync(join(root, 'b', file))), file).toBe(true);
      expect(a.equals(readFileSync(join(root, 'c', file))), file).toBe(false);
    }
  });
});

describe('takedown synth: archive format', () => {
  let summary: SynthSummary;
  let tweets: ReturnType<typeof readCsvRecords>;
  let users: ReturnType<typeof readCsvRecords>;
  let truth: Truth;
  beforeAll(() => {
    summary = generate('fmt', { seed: 11, accounts: 1200, days: 4 });
    tweets = readCsvRecords(join(root, 'fmt', 'tweets.csv'));
    users = readCsvRecords(join(root, 'fmt', 'users.csv'));
    truth = JSON.parse(readFileSync(join(root, 'fmt', 'truth.json'), 'utf8')) as Truth;
  });

  it('has exactly the 31 tweet columns and the 10 user columns on every row', () => {
    expect(tweets.header).toEqual([...TWEET_COLUMNS]);
    expect(users.header).toEqual([...USER_COLUMNS]);
    expect(tweets.rows.length).toBe(summary.posts);
    expect(tweets.rows.every((r) => r.length === 31)).toBe(true);
    expect(users.rows.length).toBe(1200);
    expect(users.rows.every((r) => r.length === 10)).toBe(true);
    // Texts with commas, quotes and line breaks are there and survive the round trip.
    expect(tweets.records.some((r) => r['tweet_text']?.includes(','))).toBe(true);
    expect(users.records.some((r) => r['user_profile_description']?.includes('\n'))).toBe(true);
  });

  it('writes values in the archive formats', () => {
    const list = /^\[(('[^']*'|"[^"]*")(, ('[^']*'|"[^"]*"))*)?\]$/;
    const bad = (col: string, re: RegExp): string[] =>
      tweets.records.map((r) => r[col] as string).filter((v) => !re.test(v));
    expect(bad('tweet_time', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toEqual([]);
    expect(bad('account_creation_date', /^\d{4}-\d{2}-\d{2}$/)).toEqual([]);
    expect(bad('is_retweet', /^(True|False)$/)).toEqual([]);
    expect(bad('latitude', /^absent$/)).toEqual([]);
    expect(bad('longitude', /^absent$/)).toEqual([]);
    for (const col of ['hashtags', 'urls', 'user_mentions']) expect(bad(col, list)).toEqual([]);
    for (const col of [
      'follower_count',
      'following_count',
      'quote_count',
      'reply_count',
      'like_count',
      'retweet_count',
    ])
      expect(bad(col, /^\d+(\.0)?$/)).toEqual([]);
    expect(tweets.records.some((r) => r['like_count']?.endsWith('.0'))).toBe(true);
    expect(tweets.records.some((r) => r['hashtags'] !== '[]')).toBe(true);
    const langs = new Set(tweets.records.map((r) => r['tweet_language']));
    for (const l of ['en', 'fa', 'ar']) expect(langs.has(l)).toBe(true);
    expect(tweets.records.some((r) => /[\u0600-\u06FF]/.test(r['tweet_text'] ?? ''))).toBe(true);
  });

  it('encodes each post time in its snowflake id, unique and consistent with tweet_time', () => {
    const ids = new Set(tweets.records.map((r) => r['tweetid']));
    expect(ids.size).toBe(tweets.records.length);
    const wrong = tweets.records.filter((r) => {
      const ms = snowflakeToMs(BigInt(r['tweetid'] as string));
      return (
        new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 16).replace('T', ' ') !==
        r['tweet_time']
      );
    });
    expect(wrong).toEqual([]);
  });

  it('points retweets, replies and quotes at earlier posts, with RT @handle: text', () => {
    const byId = new Map(tweets.records.map((r) => [r['tweetid'] as string, r]));
    let retweets = 0;
    for (const r of tweets.records) {
      if (r['is_retweet'] === 'True') {
        retweets++;
        const original = byId.get(r['retweet_tweetid'] as string);
        expect(original).toBeDefined();
        expect(original?.['userid']).toBe(r['retweet_userid']);
        expect(BigInt(r['tweetid'] as string) > BigInt(r['retweet_tweetid'] as string)).toBe(true);
        expect(r['tweet_text']).toBe(
          `RT @${original?.['user_screen_name'] as string}: ${original?.['tweet_text'] as string}`,
        );
      }
      for (const col of ['in_reply_to_tweetid', 'quoted_tweet_tweetid']) {
        const target = r[col] as string;
        if (target !== '') expect(BigInt(target) < BigInt(r['tweetid'] as string)).toBe(true);
      }
    }
    expect(retweets).toBeGreaterThan(tweets.records.length / 5);
  });

  it('hashes id, name and handle of accounts under 5,000 followers, and only those', () => {
    expect(new Set(users.records.map((u) => u['userid'])).size).toBe(users.records.length);
    let hashed = 0;
    let open = 0;
    for (const u of users.records) {
      const followers = Number(u['follower_count']);
      if (followers < 5000) {
        hashed++;
        expect(u['userid']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        expect(u['user_display_name']).toBe(u['userid']);
        expect(u['user_screen_name']).toBe(u['userid']);
      } else {
        open++;
        expect(u['userid']).toMatch(/^\d+$/);
        expect(u['user_screen_name']).not.toBe(u['userid']);
      }
    }
    expect(hashed).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
    // The tweet rows repeat the account columns exactly.
    const userRow = new Map(users.rows.map((r) => [r[0], r.join('\u0001')]));
    expect(
      tweets.rows.filter((r) => r.slice(1, 11).join('\u0001') !== userRow.get(r[1])).length,
    ).toBe(0);
  });

  it('names in truth.json only accounts that exist, each planted account in exactly one operation', () => {
    const ids = new Set(users.records.map((u) => u['userid']));
    const seen = new Set<string>();
    expect(truth.generator).toBe('takedown-synth/1');
    expect(truth.posts).toBe(summary.posts);
    for (const op of truth.operations) {
      expect(OPERATION_KINDS).toContain(op.kind);
      expect(op.accounts.length).toBeGreaterThanOrEqual(4);
      for (const a of op.accounts) {
        expect(ids.has(a)).toBe(true);
        expect(seen.has(a)).toBe(false);
        seen.add(a);
      }
      for (const a of op.amplified) expect(op.accounts).toContain(a);
    }
    for (const trap of truth.traps) {
      expect(TRAP_KINDS).toContain(trap.kind);
      for (const a of trap.accounts) {
        expect(ids.has(a)).toBe(true);
        expect(seen.has(a)).toBe(false);
      }
    }
  });
});

describe('takedown synth: volume', () => {
  it('comes close to the --posts target', () => {
    for (const [accounts, posts] of [
      [500, 20_000],
      [1000, 6_000],
    ] as const) {
      const s = generate(`volume-${accounts}`, { seed: 4, accounts, days: 3, posts });
      expect(s.posts).toBeGreaterThan(posts * 0.75);
      expect(s.posts).toBeLessThan(posts * 1.35);
    }
  });
});

describe('takedown synth: split files', () => {
  it('splits tweets into tweets_1.csv, tweets_2.csv… with a header each', () => {
    const s = generate('split', { seed: 3, accounts: 300, days: 2, splitRows: 1000 });
    const files = readdirSync(join(root, 'split'))
      .filter((f) => f.startsWith('tweets'))
      .sort();
    expect(files.length).toBe(Math.ceil(s.posts / 1000));
    expect(files[0]).toBe('tweets_1.csv');
    let rows = 0;
    for (const f of files) {
      const all = parseCsv(readFileSync(join(root, 'split', f), 'utf8'));
      expect(all[0]).toEqual([...TWEET_COLUMNS]);
      expect(all.length - 1).toBeLessThanOrEqual(1000);
      rows += all.length - 1;
    }
    expect(rows).toBe(s.posts);
  });
});

describe('takedown synth: planted operations and traps at default size', () => {
  it('plants every kind of operation and every organic trap, a few % of the accounts', () => {
    const truth = generate('default', {}).truth;
    expect(truth.accounts).toBe(5000);
    expect(truth.posts).toBeGreaterThan(100_000);
    expect(new Set(truth.operations.map((o) => o.kind))).toEqual(new Set(OPERATION_KINDS));
    expect(new Set(truth.traps.map((t) => t.kind))).toEqual(new Set(TRAP_KINDS));
    const planted = truth.operations.reduce((s, o) => s + o.accounts.length, 0);
    expect(planted / truth.accounts).toBeGreaterThan(0.015);
    expect(planted / truth.accounts).toBeLessThan(0.08);
    expect(truth.operations.some((o) => o.aged_accounts)).toBe(true);
    expect(truth.operations.some((o) => o.batch_created)).toBe(true);
  });
});

describe('takedown synth: planted behaviour', () => {
  let truth: Truth;
  let tweets: Record<string, string>[];
  beforeAll(() => {
    truth = generate('behaviour', { seed: 5, accounts: 2000, days: 7 }).truth;
    tweets = readCsvRecords(join(root, 'behaviour', 'tweets.csv')).records;
  });

  it('makes fast rings retweet their personas within seconds and slow rings minutes apart', () => {
    const byId = new Map(tweets.map((r) => [r['tweetid'] as string, r]));
    const delays = (kind: string): number[] => {
      const out: number[] = [];
      for (const op of truth.operations.filter((o) => o.kind === kind)) {
        const members = new Set(op.accounts);
        const personas = new Set(op.amplified);
        for (const r of tweets) {
          if (
            r['is_retweet'] !== 'True' ||
            !members.has(r['userid'] as string) ||
            !personas.has(r['retweet_userid'] as string)
          )
            continue;
          const original = byId.get(r['retweet_tweetid'] as string);
          if (original)
            out.push(
              (snowflakeToMs(BigInt(r['tweetid'] as string)) -
                snowflakeToMs(BigInt(original['tweetid'] as string))) /
                1000,
            );
        }
      }
      return out.sort((a, b) => a - b);
    };
    const fast = delays('fast_retweet_ring');
    const slow = delays('slow_ring');
    expect(fast.length).toBeGreaterThan(10);
    expect(slow.length).toBeGreaterThan(10);
    expect(fast[Math.floor(fast.length / 2)]).toBeLessThan(30);
    expect(slow[Math.floor(slow.length / 2)]).toBeGreaterThan(60);
  });

  it('gives link farms several raw forms of the same article and copy-paste edited, not only identical, texts', () => {
    for (const op of truth.operations.filter((o) => o.kind === 'link_farm')) {
      const members = new Set(op.accounts);
      const forms = new Map<string, Set<string>>();
      for (const r of tweets) {
        if (!members.has(r['userid'] as string) || r['urls'] === '[]') continue;
        const raw = (r['urls'] as string).slice(2, -2);
        const key = raw
          .replace(/^https?:\/\/(www\.|m\.)?/, '')
          .replace(/\?.*$/, '')
          .replace(/\/$/, '');
        forms.set(key, (forms.get(key) ?? new Set()).add(raw));
      }
      expect([...forms.values()].some((s) => s.size >= 3)).toBe(true);
    }
    for (const op of truth.operations.filter((o) => o.kind === 'copy_paste')) {
      const members = new Set(op.accounts);
      const texts = tweets
        .filter((r) => members.has(r['userid'] as string) && r['is_retweet'] === 'False')
        .map((r) => r['tweet_text'] as string);
      const exact = new Map<string, number>();
      for (const t of texts) exact.set(t, (exact.get(t) ?? 0) + 1);
      const normalised = new Map<string, number>();
      for (const t of texts)
        normalised.set(normaliseText(t), (normalised.get(normaliseText(t)) ?? 0) + 1);
      // Edits make most copies differ in raw text.
      expect(Math.max(...exact.values())).toBeLessThan(op.accounts.length * 0.5);
      expect(texts.length).toBeGreaterThan(op.accounts.length * 3);
    }
  });

  it('keeps organic texts varied: most authored posts share their normalised text with nobody', () => {
    const planted = new Set(truth.operations.flatMap((o) => o.accounts));
    const counts = new Map<string, number>();
    let authored = 0;
    for (const r of tweets) {
      if (r['is_retweet'] === 'True' || planted.has(r['userid'] as string)) continue;
      authored++;
      const key = normaliseText(r['tweet_text'] as string);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let repeated = 0;
    for (const c of counts.values()) if (c > 1) repeated += c;
    expect(repeated / authored).toBeLessThan(0.4);
  });

  it('labels posts about designated entities, glorification mostly inside operations', () => {
    const ids = new Set(tweets.map((r) => r['tweetid']));
    const planted = new Set(truth.operations.flatMap((o) => o.accounts));
    const author = new Map(tweets.map((r) => [r['tweetid'] as string, r['userid'] as string]));
    for (const [label, list] of Object.entries(truth.policy_posts)) {
      expect(list.length, label).toBeGreaterThan(0);
      for (const id of list) expect(ids.has(id)).toBe(true);
    }
    const glorifying = truth.policy_posts.glorification;
    const inOps = glorifying.filter((id) => planted.has(author.get(id) as string)).length;
    expect(inOps / glorifying.length).toBeGreaterThan(0.5);
    expect(inOps).toBeLessThan(glorifying.length);
    const counted = Object.values(truth.policy_by_operation).reduce(
      (s, c) => s + (c.glorification ?? 0),
      0,
    );
    expect(counted).toBe(inOps);
  });

  it('keeps fast fans authentic-looking: creation years and clients vary', () => {
    const fans = truth.traps.filter((t) => t.kind === 'fast_fans');
    expect(fans.length).toBeGreaterThan(0);
    for (const group of fans) {
      const members = new Set(group.accounts);
      const rows = tweets.filter((r) => members.has(r['userid'] as string));
      expect(
        new Set(rows.map((r) => r['account_creation_date']?.slice(0, 4))).size,
      ).toBeGreaterThan(1);
      expect(new Set(rows.map((r) => r['tweet_client_name'])).size).toBeGreaterThan(1);
    }
  });
});
