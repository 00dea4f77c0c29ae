import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../store/index.ts';
import { ingestFiles, type IngestOptions } from './index.ts';
import {
  ARCHIVE_HEADER,
  archiveTime,
  makeArchiveRow,
  snowflakeFor,
  writeArchive,
} from '../../test/fixtures/ingest/generate-archive.ts';

let dir = '';
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'takedown-ingest-test-'));
  store = await Store.memory();
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const opts = (extra: Partial<IngestOptions> = {}): IngestOptions => ({
  quarantineDir: join(dir, 'q'),
  tempDir: join(dir, 'tmp'),
  ...extra,
});
const n = async (sql: string, params?: (string | number)[]): Promise<number> =>
  Number((await store.one<{ n: number }>(sql, params))?.n ?? 0);
const quarantined = (file: string): { file: string; line: number; reason: string; raw: string }[] =>
  readFileSync(join(dir, 'q', `${file}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; line: number; reason: string; raw: string });

const T0 = Date.UTC(2020, 2, 1, 12, 30, 15, 250);
const good = (i: number, extra: Record<string, string> = {}): string =>
  makeArchiveRow({
    tweetid: snowflakeFor(T0 + i * 1000, i),
    userid: `user${i % 3}`,
    user_screen_name: `handle${i % 3}`,
    follower_count: '12.0',
    tweet_text: `text ${i}`,
    tweet_time: archiveTime(T0 + i * 1000),
    is_retweet: 'False',
    hashtags: '[]',
    urls: '[]',
    user_mentions: '[]',
    latitude: 'absent',
    ...extra,
  });

describe('ingest: IO archive', () => {
  it('quarantines each kind of bad row with its line and reason, and the counts add up', async () => {
    const lines = [
      ARCHIVE_HEADER, // 1
      good(1, { tweet_text: 'two\nlines' }), // 2-3
      good(2).split(',').slice(0, 30).join(','), // 4: 30 columns
      good(3, { tweet_time: '2020-02-30 10:00' }), // 5: impossible date
      good(4, { tweetid: 'abc' }), // 6: id not a number
      good(5, { tweet_text: 'x'.repeat(100 * 1024 + 1) }), // 7: oversize text
      good(6, { user_screen_name: 'n'.repeat(1025) }), // 8: oversize name
      good(7, { hashtags: "['unclosed]" }), // 9: malformed list
      good(1, { tweet_text: 'two\nlines' }), // 10-11: duplicate of line 2
      good(8).replace('text 8', 'te"xt 8'), // 12: stray quote
      good(9), // 13
      'INVALID_UTF8_PLACEHOLDER', // 14
      good(10, { tweet_text: 'unterminated' }).replace(',unterminated,', ',"unterminated,'), // 15: quote never closed
      good(11), // 16: read after the unterminated quote is given up
    ];
    const bytes = Buffer.concat(
      lines
        .map((l) =>
          l === 'INVALID_UTF8_PLACEHOLDER'
            ? Buffer.concat([
                Buffer.from(good(12).replace('text 12', 'bad')),
                Buffer.from([0xff, 0xfe]),
              ])
            : Buffer.from(l),
        )
        .flatMap((b) => [b, Buffer.from('\n')]),
    );
    // Put the invalid bytes inside the text cell, not after the last column.
    const file = join(dir, 'bad_tweets.csv');
    writeFileSync(
      file,
      Buffer.from(
        bytes
          .toString('latin1')
          .replace('bad,', 'bad\xff\xfe,')
          .replace(/\xff\xfe\n/, '\n'),
        'latin1',
      ),
    );
    const s = await ingestFiles(store, [file], opts());
    const f = s.files[0]!;
    expect(f.read).toBe(f.accepted + f.rejected + f.duplicates);
    expect(f.accepted).toBe(3); // lines 2, 13, 16
    expect(f.duplicates).toBe(1); // line 10
    const rej = quarantined('bad_tweets.csv');
    expect(f.rejected).toBe(rej.length);
    const byLine = Object.fromEntries(rej.map((r) => [r.line, r.reason]));
    expect(byLine[4]).toMatch(/wrong column count: 30 fields, expected 31/);
    expect(byLine[5]).toMatch(/unparsable time/);
    expect(byLine[6]).toMatch(/unparsable id: tweetid/);
    expect(byLine[7]).toMatch(/oversize field tweet_text/);
    expect(byLine[8]).toMatch(/oversize field user_screen_name/);
    expect(byLine[9]).toMatch(/malformed list in column hashtags/);
    expect(byLine[12]).toMatch(/quote inside an unquoted field/);
    expect(byLine[14]).toMatch(/invalid UTF-8/);
    expect(byLine[15]).toMatch(/unterminated quote/);
    expect(rej.every((r) => r.file === file && r.raw.length <= 2001)).toBe(true);
    expect(s.quarantine).toBe(join(dir, 'q'));
    expect(await n('SELECT count(*) AS n FROM posts')).toBe(3);
    expect(await n("SELECT source_line AS n FROM posts WHERE text = 'two\nlines'")).toBe(2);

    // A re-run adds nothing; so does a forced re-read, which counts every good row a duplicate.
    const again = await ingestFiles(store, [file], opts());
    expect(again.files[0]).toMatchObject({
      status: 'already ingested',
      accepted: 0,
      read: f.read,
      rejected: f.rejected,
    });
    const forced = await ingestFiles(store, [file], opts({ force: true }));
    expect(forced.files[0]).toMatchObject({
      accepted: 0,
      rejected: f.rejected,
      duplicates: f.read - f.rejected,
    });
    expect(quarantined('bad_tweets.csv')).toHaveLength(rej.length);
    expect(await n('SELECT count(*) AS n FROM posts')).toBe(3);
  });

  it('takes the time from the snowflake id when it agrees with tweet_time, else from tweet_time', async () => {
    const snow = snowflakeFor(T0, 7);
    const rows = [
      ARCHIVE_HEADER,
      good(0, { tweetid: snow, tweet_time: archiveTime(T0) }),
      // Same minute is required: a snowflake two hours off is ignored.
      good(1, { tweetid: snowflakeFor(T0 + 7_200_000, 1), tweet_time: archiveTime(T0) }),
      // An old sequential id is not a snowflake.
      good(2, { tweetid: '20', tweet_time: '2006-03-21 20:50' }),
      // No tweet_time: the snowflake alone.
      good(3, { tweetid: snowflakeFor(T0 + 5000, 3), tweet_time: 'absent' }),
    ];
    const file = join(dir, 'times.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    await ingestFiles(store, [file], opts());
    const times = await store.all<{ source_line: number; time_ms: number }>(
      'SELECT source_line, time_ms FROM posts ORDER BY source_line',
    );
    expect(times.map((t) => t.time_ms)).toEqual([
      T0,
      Math.floor(T0 / 60000) * 60000,
      Date.UTC(2006, 2, 21, 20, 50),
      T0 + 5000,
    ]);
  });

  it('derives posts, kinds, accounts and objects (urls normalised, hashtags, sets, mentions, retweets, replies)', async () => {
    const rows = [
      ARCHIVE_HEADER,
      good(0, {
        hashtags: "['Iran', 'NEWS', 'iran']",
        urls: '[\'https://www.Example.com/a/?utm_source=tw\', "http://m.example.com/a"]',
        user_mentions: "['12345']",
      }),
      good(1, { is_retweet: 'True', retweet_tweetid: '999', retweet_userid: 'orig' }),
      good(2, { in_reply_to_tweetid: '888', in_reply_to_userid: 'someone' }),
      good(3, { quoted_tweet_tweetid: '777' }),
    ];
    const file = join(dir, 'objects.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    await ingestFiles(store, [file], opts());
    const kinds = await store.all<{ kind: string; ref_post_id: string | null }>(
      'SELECT kind, ref_post_id FROM posts ORDER BY source_line',
    );
    expect(kinds).toEqual([
      { kind: 'original', ref_post_id: null },
      { kind: 'retweet', ref_post_id: '999' },
      { kind: 'reply', ref_post_id: '888' },
      { kind: 'quote', ref_post_id: '777' },
    ]);
    const objs = await store.all<{ object_type: string; object_id: string }>(
      'SELECT object_type, object_id FROM post_objects ORDER BY object_type, object_id',
    );
    expect(objs).toEqual([
      { object_type: 'domain', object_id: 'example.com' },
      { object_type: 'hashtag', object_id: 'iran' },
      { object_type: 'hashtag', object_id: 'news' },
      { object_type: 'hashtag_set', object_id: 'iran news' },
      { object_type: 'mention', object_id: '12345' },
      { object_type: 'reply', object_id: '888' },
      { object_type: 'retweet', object_id: '999' },
      { object_type: 'url', object_id: 'example.com/a' },
    ]);
    // account_id and time_ms are copied from the post, for co-share queries without joins.
    expect(
      await n(
        'SELECT count(*) AS n FROM post_objects o JOIN posts p USING (platform, post_id) WHERE o.account_id = p.account_id AND o.time_ms = p.time_ms',
      ),
    ).toBe(8);
    const acc = await store.one<{ followers: number; handle: string }>(
      "SELECT followers, handle FROM accounts WHERE account_id = 'user0'",
    );
    expect(acc).toEqual({ followers: 12, handle: 'handle0' });
  });

  it('reads gzipped and split files, and a users file fills missing profile fields', async () => {
    const part1 = [ARCHIVE_HEADER, good(1), good(2)].join('\n') + '\n';
    const part2 = [ARCHIVE_HEADER, good(3), good(2)].join('\n') + '\n';
    writeFileSync(join(dir, 'x_tweets_csv_hashed_1.csv.gz'), gzipSync(part1));
    writeFileSync(join(dir, 'x_tweets_csv_hashed_2.csv'), part2);
    const users = [
      'userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language',
      'user1,Name One,handle1,Tehran,a bio,absent,10,20,2019-01-02,fa',
      'user9,Nine,handle9,,,,1,2,2018-05-06,en',
    ].join('\n');
    writeFileSync(join(dir, 'x_users_csv_hashed.csv'), users);
    const s = await ingestFiles(
      store,
      ['x_tweets_csv_hashed_1.csv.gz', 'x_tweets_csv_hashed_2.csv', 'x_users_csv_hashed.csv'].map(
        (f) => join(dir, f),
      ),
      opts(),
    );
    expect(s.files.map((f) => [f.format, f.read, f.accepted, f.duplicates])).toEqual([
      ['io-archive-tweets', 2, 2, 0],
      ['io-archive-tweets', 2, 1, 1],
      ['io-archive-users', 2, 2, 0],
    ]);
    expect(s.read).toBe(s.accepted + s.rejected + s.duplicates);
    expect(await n('SELECT count(*) AS n FROM posts')).toBe(3);
    const u1 = await store.one<{ display_name: string; description: string; created_ms: number }>(
      "SELECT display_name, description, created_ms FROM accounts WHERE account_id = 'user1'",
    );
    expect(u1).toEqual({
      display_name: 'Name One',
      description: 'a bio',
      created_ms: Date.UTC(2019, 0, 2),
    });
    expect(await n("SELECT count(*) AS n FROM accounts WHERE account_id = 'user9'")).toBe(1);
  });

  it('stays exact over many batches: same rows as one batch, no duplicates', async () => {
    const file = join(dir, 'gen.csv');
    writeArchive(file, 3000, 7);
    const a = await ingestFiles(store, [file], opts({ batchRows: 250 }));
    const other = await Store.memory();
    try {
      const b = await ingestFiles(
        other,
        [file],
        opts({ batchRows: 100_000, quarantineDir: join(dir, 'q2') }),
      );
      expect({ ...a.files[0], status: 'x' }).toEqual({ ...b.files[0], status: 'x' });
      for (const t of ['posts', 'post_objects', 'accounts']) {
        const x = await n(`SELECT count(*) AS n FROM ${t}`);
        const y = Number((await other.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))?.n);
        expect(x).toBe(y);
      }
    } finally {
      other.close();
    }
    expect(a.files[0]!.accepted).toBe(3000);
    expect(await n('SELECT count(*) - count(DISTINCT post_id) AS n FROM posts')).toBe(0);
    expect(
      await n(
        'SELECT count(*) - count(DISTINCT (post_id, object_type, object_id)) AS n FROM post_objects',
      ),
    ).toBe(0);
  });
});

describe('ingest: generic tables', () => {
  it('keeps every object of a post repeated over rows (CooRTweet German elections layout, --map)', async () => {
    const csv = [
      '"account_id","post_id","url_id","hashtag_id","domain_id","phash_id","timestamp"',
      '"fb_1",10,23678,,3498,,1629589836',
      '"fb_1",10,,55,,,1629589836',
      '"fb_1",10,,,,9280,1629589836',
      '"tw_2",11,23678,,3498,,1629589900',
      '"tw_2",11,23678,,3498,,1629589900',
      '"tw_3",,1,,,,1629589900',
    ].join('\n');
    const file = join(dir, 'german.csv');
    writeFileSync(file, csv);
    const map = {
      post_id: 'post_id',
      account_id: 'account_id',
      time: 'timestamp',
      url: 'url_id',
      hashtag: 'hashtag_id',
      domain: 'domain_id',
      media: 'phash_id',
    };
    const s = await ingestFiles(store, [file], opts({ map }));
    expect(s.files[0]).toMatchObject({
      format: 'csv',
      read: 6,
      accepted: 4,
      duplicates: 1,
      rejected: 1,
    });
    expect(quarantined('german.csv')[0]).toMatchObject({
      line: 7,
      reason: 'unparsable id: post_id is empty',
    });
    expect(await n('SELECT count(*) AS n FROM posts')).toBe(2);
    const objs = await store.all<{
      post_id: string;
      object_type: string;
      object_id: string;
      time_ms: number;
    }>(
      'SELECT post_id, object_type, object_id, time_ms FROM post_objects ORDER BY post_id, object_type',
    );
    expect(objs).toEqual([
      { post_id: '10', object_type: 'domain', object_id: '3498', time_ms: 1629589836000 },
      { post_id: '10', object_type: 'hashtag', object_id: '55', time_ms: 1629589836000 },
      { post_id: '10', object_type: 'media', object_id: '9280', time_ms: 1629589836000 },
      { post_id: '10', object_type: 'url', object_id: '23678', time_ms: 1629589836000 },
      { post_id: '11', object_type: 'domain', object_id: '3498', time_ms: 1629589900000 },
      { post_id: '11', object_type: 'url', object_id: '23678', time_ms: 1629589900000 },
    ]);
  });

  it('reads JSONL with dotted keys and lists', async () => {
    const lines = [
      JSON.stringify({
        id_str: '1',
        user: { id: 'a' },
        created_at: '2021-06-16T22:04:51Z',
        entities: { hashtags: ['X', 'y'] },
        link: 'https://www.site.org/p/',
      }),
      '{not json',
      JSON.stringify({ id_str: '2', user: { id: 'b' }, created_at: 'soon' }),
    ];
    const file = join(dir, 'posts.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const map = {
      post_id: 'id_str',
      account_id: 'user.id',
      time: 'created_at',
      hashtag: 'entities.hashtags',
      url: 'link',
    };
    const s = await ingestFiles(store, [file], opts({ map }));
    expect(s.files[0]).toMatchObject({ format: 'jsonl', read: 3, accepted: 1, rejected: 2 });
    expect(quarantined('posts.jsonl').map((r) => [r.line, r.reason])).toEqual([
      [2, 'invalid JSON'],
      [3, "unparsable time: 'soon'"],
    ]);
    const objs = (
      await store.all<{ o: string }>(
        "SELECT object_type || '=' || object_id AS o FROM post_objects ORDER BY 1",
      )
    ).map((r) => r.o);
    expect(objs).toEqual([
      'domain=site.org',
      'hashtag=x',
      'hashtag=y',
      'hashtag_set=x y',
      'url=site.org/p',
    ]);
  });

  it('loads STIX seeds once', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1',
      objects: [
        {
          type: 'indicator',
          id: 'indicator--1',
          pattern_type: 'stix',
          pattern: "[user-account:account_type = 'twitter' AND user-account:user_id = '42']",
        },
        { type: 'user-account', id: 'user-account--2', user_id: '43' },
      ],
    };
    const file = join(dir, 'tip.json');
    writeFileSync(file, JSON.stringify(bundle, null, 2));
    const s = await ingestFiles(store, [file], opts({ platform: 'twitter' }));
    expect(s.files[0]).toMatchObject({ format: 'stix', read: 2, accepted: 2 });
    expect(
      await store.all('SELECT seed_set, platform, account_id FROM seeds ORDER BY account_id'),
    ).toEqual([
      { seed_set: 'bundle--1', platform: 'twitter', account_id: '42' },
      { seed_set: 'bundle--1', platform: 'twitter', account_id: '43' },
    ]);
    const forced = await ingestFiles(store, [file], opts({ platform: 'twitter', force: true }));
    expect(forced.files[0]).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await n('SELECT count(*) AS n FROM seeds')).toBe(2);
  });

  it('refuses an unknown file with the formats it expected', async () => {
    const file = join(dir, 'what.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    await expect(ingestFiles(store, [file], opts())).rejects.toThrow(/Cannot tell the format of/);
    await expect(ingestFiles(store, [join(dir, 'missing.csv')], opts())).rejects.toThrow(
      /No such file/,
    );
    expect(existsSync(join(dir, 'q'))).toBe(false);
  });
});
