import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Store } from '../store/index.ts';
import { ingestFiles } from './index.ts';

const DATA = resolve(process.cwd(), '../shared/data/coortweet');
const RUSSIAN = join(DATA, 'russian_coord_tweets.csv.gz');
const GERMAN = join(DATA, 'german_elections_2021.csv.gz');
const present = existsSync(RUSSIAN) && existsSync(GERMAN);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'takedown-ingest-real-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)(
  'ingest on CooRTweet data (../shared/data/coortweet; skipped when absent)',
  () => {
    it('reads all 35,125 rows of the Russian share table, counts adding up, and a re-run adds nothing', async () => {
      const store = await Store.memory();
      try {
        const opts = {
          quarantineDir: join(dir, 'q'),
          tempDir: join(dir, 'tmp'),
          objectType: 'retweet',
          platform: 'twitter',
        };
        const s = await ingestFiles(store, [RUSSIAN], opts);
        const f = s.files[0]!;
        expect(f.format).toBe('coortweet');
        expect(f.read).toBe(35_125);
        expect(f.read).toBe(f.accepted + f.rejected + f.duplicates);
        expect(f.rejected).toBe(0);
        const shares = await store.one<{ n: number; keys: number }>(
          "SELECT count(*) AS n, count(DISTINCT (post_id, object_id)) AS keys FROM post_objects WHERE object_type = 'retweet'",
        );
        // One share row per distinct (content, object) of the file: rows that repeat one exactly are the duplicates.
        expect(shares!.n).toBe(shares!.keys);
        expect(shares!.n).toBe(f.accepted);
        expect(await store.one('SELECT count(DISTINCT account_id) AS n FROM accounts')).toEqual({
          n: 9_509,
        });
        const again = await ingestFiles(store, [RUSSIAN], { ...opts, force: true });
        expect(again.files[0]).toMatchObject({ accepted: 0, duplicates: 35_125 });
      } finally {
        store.close();
      }
    });

    it('keeps every object of the German election table with a --map', async () => {
      const store = await Store.memory();
      try {
        const map = {
          post_id: 'post_id',
          account_id: 'account_id',
          time: 'timestamp',
          url: 'url_id',
          hashtag: 'hashtag_id',
          domain: 'domain_id',
          media: 'phash_id',
        };
        const s = await ingestFiles(store, [GERMAN], {
          quarantineDir: join(dir, 'q'),
          tempDir: join(dir, 'tmp'),
          map,
        });
        const f = s.files[0]!;
        expect(f.read).toBe(218_971);
        expect(f.read).toBe(f.accepted + f.rejected + f.duplicates);
        // Every non-empty id cell of the file is an object of its post.
        const byType = await store.all<{ object_type: string; n: number }>(
          'SELECT object_type, count(DISTINCT (post_id, object_id)) AS n FROM post_objects GROUP BY 1 ORDER BY 1',
        );
        const stored = Object.fromEntries(byType.map((r) => [r.object_type, r.n]));
        const file = await Store.memory();
        try {
          const expected = await file.all<{ t: string; n: number }>(
            `SELECT t, count(DISTINCT (post_id, v)) AS n FROM (
             SELECT post_id, 'url' AS t, url_id::VARCHAR AS v FROM read_csv($1, all_varchar = true) WHERE url_id IS NOT NULL
             UNION ALL SELECT post_id, 'hashtag', hashtag_id FROM read_csv($1, all_varchar = true) WHERE hashtag_id IS NOT NULL
             UNION ALL SELECT post_id, 'domain', domain_id FROM read_csv($1, all_varchar = true) WHERE domain_id IS NOT NULL
             UNION ALL SELECT post_id, 'media', phash_id FROM read_csv($1, all_varchar = true) WHERE phash_id IS NOT NULL)
           GROUP BY t`,
            [GERMAN],
          );
          for (const e of expected) expect(stored[e.t]).toBe(e.n);
        } finally {
          file.close();
        }
      } finally {
        store.close();
      }
    });
  },
);
