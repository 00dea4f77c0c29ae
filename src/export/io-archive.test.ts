import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { createAccountHasher } from './account-hash.ts';
import { unguardCsvCell } from './escape.ts';
import { buildIoArchive, writeIoArchive, type IoArchive } from './io-archive.ts';
import { FIXTURE_ACCOUNTS, fillFixtureStore, listSmallAccountIdentifiers } from './test-fixture.ts';
import { parseCsv } from './test-csv.ts';

const KEY = 'test-key-for-golden-files';
const hash = createAccountHasher(KEY);
const GOLDEN = path.resolve(process.cwd(), 'test/fixtures/export');

// The archive's columns, written out here as the research note gives them (tns-anchors §d).
const USERS_HEADER =
  'userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language';
const TWEETS_HEADER =
  'tweetid,userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions,poll_choices';

function toRecords(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, unguardCsvCell(r[i] ?? '')])));
}

describe('io-archive release', () => {
  let store: Store;
  let archive: IoArchive;
  beforeAll(async () => {
    store = await Store.memory();
    await fillFixtureStore(store);
    archive = await buildIoArchive(store, { hashKey: KEY, platform: 'all' });
  });
  afterAll(() => store.close());

  it("has exactly the archive's headers: 10 user columns, 31 tweet columns", () => {
    expect(archive.usersCsv.split('\n')[0]).toBe(USERS_HEADER);
    expect(archive.tweetsCsv.split('\n')[0]).toBe(TWEETS_HEADER);
    expect(USERS_HEADER.split(',')).toHaveLength(10);
    expect(TWEETS_HEADER.split(',')).toHaveLength(31);
    for (const row of parseCsv(archive.tweetsCsv)) expect(row).toHaveLength(31);
    for (const row of parseCsv(archive.usersCsv)) expect(row).toHaveLength(10);
  });

  it('covers the likely_cib network of the latest run by default', () => {
    expect(archive.accounts).toBe(8);
    expect(archive.tweets).toBe(12);
    expect(archive.hashedAccounts).toBe(6); // all but BigNewsIR (15,000) and the Page (5,400)
  });

  it('never contains a raw id, name or handle of an account under 5,000 followers (every byte scanned)', () => {
    const all = (archive.usersCsv + archive.tweetsCsv).toLowerCase();
    const small = listSmallAccountIdentifiers();
    expect(small).toContain('8100000000000000004'); // 4,999 followers: hashed
    expect(small).toContain('outsider_small'); // not in the network, but replied to and mentioned
    for (const s of small) expect(all.includes(s.toLowerCase()), s).toBe(false);
  });

  it('keeps accounts with 5,000 followers or more', () => {
    const all = archive.usersCsv + archive.tweetsCsv;
    for (const keep of ['8100000000000000003', 'Big News IR', 'BigNewsIR', 'fb-page-501', 'Voice of Truth', '8900000000000000008', '@famous_outlet']) {
      expect(all, keep).toContain(keep);
    }
  });

  it('uses one hash per account everywhere: author, retweet_userid, in_reply_to_userid, user_mentions, RT @ prefix, mentions', () => {
    const tweets = toRecords(archive.tweetsCsv);
    const byId = new Map(tweets.map((t) => [t['tweetid'], t]));
    const h1 = hash('8100000000000000001');
    const t101 = byId.get('1300000000000000101');
    expect(t101?.['userid']).toBe(h1);
    expect(t101?.['user_display_name']).toBe(h1);
    expect(t101?.['user_screen_name']).toBe(h1);
    expect(h1).toHaveLength(44);
    const rt = byId.get('1300000000000000102');
    expect(rt?.['is_retweet']).toBe('True');
    expect(rt?.['retweet_userid']).toBe(h1);
    expect(rt?.['retweet_tweetid']).toBe('1300000000000000101');
    expect((rt?.['tweet_text'] ?? '').startsWith(`RT @${h1}: Breaking:`)).toBe(true);
    expect(rt?.['user_mentions']).toBe(`['${h1}']`);
    const reply = byId.get('1300000000000000105');
    const hOut = hash('8900000000000000009');
    expect(reply?.['in_reply_to_userid']).toBe(hOut);
    expect(reply?.['in_reply_to_tweetid']).toBe('1300000000000000901');
    expect((reply?.['tweet_text'] ?? '').startsWith(`@${hOut} you are wrong`)).toBe(true);
    const mention = byId.get('1300000000000000106');
    expect(mention?.['tweet_text']).toContain(`@${hash('8100000000000000004')} look at this`);
    const big = byId.get('1300000000000000104');
    expect(big?.['userid']).toBe('8100000000000000003');
    expect(big?.['retweet_userid']).toBe('8900000000000000008');
    expect(big?.['tweet_text']).toBe('RT @famous_outlet: Official statement on the talks');
  });

  it("writes the archive's value formats", () => {
    for (const t of toRecords(archive.tweetsCsv)) {
      expect(t['tweet_time']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(t['account_creation_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['True', 'False']).toContain(t['is_retweet']);
      expect(t['latitude']).toBe('absent');
      expect(t['longitude']).toBe('absent');
      for (const col of ['hashtags', 'urls', 'user_mentions']) expect(t[col]).toMatch(/^\[('.*'(, '.*')*)?\]$/);
    }
    const t = toRecords(archive.tweetsCsv).find((r) => r['tweetid'] === '1300000000000000101');
    expect(t?.['tweet_time']).toBe('2020-03-01 00:10');
    expect(t?.['hashtags']).toBe("['IranNews', 'Truth']");
  });

  it('hashes with the key: the same key gives the same release, another key other hashes', async () => {
    const again = await buildIoArchive(store, { hashKey: KEY, platform: 'all' });
    expect(again.tweetsCsv).toBe(archive.tweetsCsv);
    const other = await buildIoArchive(store, { hashKey: 'another key', platform: 'all' });
    expect(other.tweetsCsv).not.toContain(hash('8100000000000000001'));
  });

  it('selects the decided accounts of cases', async () => {
    const byCase = await buildIoArchive(store, { hashKey: KEY, caseIds: ['case-1'], platform: 'all' });
    expect(byCase.accounts).toBe(4);
    const users = toRecords(byCase.usersCsv).map((u) => u['userid']);
    expect(users).toContain('fb-page-501');
    expect(users).toContain(hash('8100000000000000004'));
  });

  it("keeps Twitter's accounts only by default (the archive is Twitter's format)", async () => {
    const twitter = await buildIoArchive(store, { hashKey: KEY });
    expect(twitter.accounts).toBe(4);
    expect(twitter.tweets).toBe(8);
    expect(twitter.hashedAccounts).toBe(3);
    for (const row of toRecords(twitter.tweetsCsv)) expect(row['tweetid']).toMatch(/^\d+$/);
  });

  it('selects clusters by id', async () => {
    const c2 = await buildIoArchive(store, { hashKey: KEY, clusterIds: ['c2'] });
    expect(c2.accounts).toBe(2);
    expect(c2.tweetsCsv).not.toContain('amplifier_one');
  });

  it('matches the golden files', () => {
    const update = process.env['UPDATE_GOLDEN'] === '1';
    for (const [file, content] of [
      ['io-archive_users_csv_hashed.csv', archive.usersCsv],
      ['io-archive_tweets_csv_hashed.csv', archive.tweetsCsv],
    ] as const) {
      const p = path.join(GOLDEN, file);
      if (update) writeFileSync(p, content);
      expect(content).toBe(readFileSync(p, 'utf8'));
    }
  });

  it('writes the two files of a release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'takedown-release-'));
    try {
      const out = await writeIoArchive(store, dir, { hashKey: KEY, name: 'iran_2020', platform: 'all' });
      expect(path.basename(out.usersPath)).toBe('iran_2020_users_csv_hashed.csv');
      expect(readFileSync(out.tweetsPath, 'utf8')).toBe(archive.tweetsCsv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fixture sanity: the threshold sits between 4,999 and 5,000', () => {
    expect(FIXTURE_ACCOUNTS.some((a) => a.followers === 4999)).toBe(true);
  });
});
