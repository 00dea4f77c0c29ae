import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ARCHIVE_TWEET_COLUMNS } from '../ingest/index.ts';
import { withStore } from '../store/index.ts';

const run = promisify(execFile);
const CLI = path.resolve(process.cwd(), 'bin/takedown.js');

describe('takedown ingest --media', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-ingest-media-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('hashes the images named by post id and records them as media objects of those posts', async () => {
    const row = (id: string): string =>
      ARCHIVE_TWEET_COLUMNS.map((c) => {
        const v: Record<string, string> = {
          tweetid: id,
          userid: 'u1',
          user_screen_name: 'u1',
          follower_count: '10',
          tweet_text: 'look',
          tweet_time: '2020-01-01 12:00',
          is_retweet: 'False',
          hashtags: '[]',
          urls: '[]',
          user_mentions: '[]',
        };
        return v[c] ?? '';
      }).join(',');
    const tweets = path.join(dir, 'tweets.csv');
    writeFileSync(tweets, [ARCHIVE_TWEET_COLUMNS.join(','), row('1212346151234567890')].join('\n') + '\n');
    const media = path.join(dir, 'media');
    mkdirSync(media);
    // A 128×128 picture with structure (a plain gradient has too little to hash well).
    const pixels = Buffer.alloc(128 * 128 * 3);
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++) pixels.fill(((x * 7) ^ (y * 13)) & 0xff, (y * 128 + x) * 3, (y * 128 + x) * 3 + 3);
    await sharp(pixels, { raw: { width: 128, height: 128, channels: 3 } }).png().toFile(path.join(media, '1212346151234567890_1.png'));
    await sharp(pixels, { raw: { width: 128, height: 128, channels: 3 } }).png().toFile(path.join(media, '999.png'));
    const db = path.join(dir, 't.duckdb');

    const { stdout } = await run(process.execPath, [CLI, 'ingest', tweets, '--media', media, '--db', db]);
    const summary = JSON.parse(stdout) as { accepted: number; media: { hashed: number; unmatched: string[] } };
    expect(summary.accepted).toBe(1);
    expect(summary.media.hashed).toBe(1);
    expect(summary.media.unmatched).toEqual(['999.png']);
    await withStore(db, async (store) => {
      const rows = await store.all<{ post_id: string; object_id: string }>(
        "SELECT post_id, object_id FROM post_objects WHERE object_type = 'media'",
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.post_id).toBe('1212346151234567890');
      expect(rows[0]?.object_id).toMatch(/^[0-9a-f]{64}$/);
    });

    // Without files or --media there is nothing to do: a usage error.
    await expect(run(process.execPath, [CLI, 'ingest', '--db', db])).rejects.toMatchObject({ code: 2 });
  });
});
