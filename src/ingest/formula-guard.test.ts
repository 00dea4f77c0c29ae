import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { ARCHIVE_TWEET_COLUMNS, ingestFiles } from './index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('CSV formula guard', () => {
  it("strips one leading quote that guards = + - @ (takedown's own releases), keeps other quotes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takedown-guard-'));
    dirs.push(dir);
    const row = (id: string, user: string, text: string): string =>
      ARCHIVE_TWEET_COLUMNS.map((c) => {
        const v: Record<string, string> = {
          tweetid: id,
          userid: user,
          user_display_name: user,
          user_screen_name: user,
          follower_count: '10',
          following_count: '5',
          account_creation_date: '2019-01-01',
          tweet_text: text,
          tweet_time: '2020-01-01 12:00',
          is_retweet: 'False',
          hashtags: '[]',
          urls: '[]',
          user_mentions: '[]',
        };
        return v[c] ?? '';
      }).join(',');
    const file = join(dir, 'tweets.csv');
    writeFileSync(
      file,
      [ARCHIVE_TWEET_COLUMNS.join(','), row('1212346151234567890', "'+abc/def=", "'@bob hello"), row('1212346151234567891', "'plain", "''=x")].join('\n') + '\n',
    );
    const store = await Store.memory();
    await ingestFiles(store, [file], { format: 'auto', map: {}, quarantineDir: join(dir, 'q') });
    const posts = await store.all<{ account_id: string; text: string }>('SELECT account_id, text FROM posts ORDER BY post_id');
    expect(posts).toEqual([
      { account_id: '+abc/def=', text: '@bob hello' },
      { account_id: "'plain", text: "'=x" },
    ]);
    store.close();
  });
});
