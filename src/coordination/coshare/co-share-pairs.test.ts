import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Store } from '../../store/index.ts';
import {
  computeCoSharePairs,
  readCoSharePairs,
  buildSequenceSql,
  buildWindowPairsSql,
  writeCoSharePairs,
  type CoSharePair,
} from './co-share-pairs.ts';
import { loadShareCsv, loadShareRows, loadStoreShares, type ShareRow } from './share-table.ts';
import { computeCoSharePairsByBruteForce } from './brute-force-pairs.ts';

const DATA = path.resolve(process.cwd(), '../shared/data/coortweet');
const HAVE_DATA = existsSync(path.join(DATA, 'russian_coord_tweets.csv.gz'));
const NO_DATA = 'shared data ../shared/data/coortweet is absent (real CooRTweet data and reference tables)';

function key(p: CoSharePair): string {
  return [p.object_id, p.content_id, p.content_id_y, p.time_delta, p.account_id, p.account_id_y].join(',');
}
function sortedKeys(pairs: readonly CoSharePair[]): string[] {
  return pairs.map(key).sort();
}

async function sqlPairs(store: Store, rows: readonly ShareRow[], w: number, m: number, keepLoops = false): Promise<string[]> {
  await loadShareRows(store, rows);
  await computeCoSharePairs(store, { windowSeconds: w, minParticipation: m, keepLoops });
  return sortedKeys(await readCoSharePairs(store));
}

const share = (object_id: string, account_id: string, content_id: string, timestamp_share: number): ShareRow => ({
  object_id,
  account_id,
  content_id,
  timestamp_share,
});

let store: Store;
beforeEach(async () => {
  store = await Store.memory();
});
afterEach(() => {
  store.close();
});

describe('co-share pairs (CooRTweet detect_groups rules)', () => {
  it('pairs shares of one object within the window, inclusive, older share first', async () => {
    const rows = [
      share('o1', 'b', 'c2', 110),
      share('o1', 'a', 'c1', 100),
      share('o1', 'c', 'c3', 121),
      share('o2', 'a', 'c4', 500),
      share('o2', 'b', 'c5', 505),
      share('o2', 'c', 'c6', 900),
    ];
    const got = await sqlPairs(store, rows, 10, 1);
    expect(got).toEqual(['o1,c1,c2,10,a,b', 'o2,c4,c5,5,a,b']);
  });

  it('drops accounts with fewer rows than min_participation before pairing, counting rows', async () => {
    // 'a' has two rows of the same object (a repeat), 'b' one row: with m = 2 'b' is prefiltered.
    const rows = [share('o1', 'a', 'c1', 0), share('o1', 'a', 'c2', 100), share('o1', 'b', 'c3', 1)];
    expect(await sqlPairs(store, rows, 10, 2)).toEqual([]);
    expect(await sqlPairs(store, rows, 10, 1)).toEqual(['o1,c1,c3,1,a,b']);
  });

  it('removes loops: the original post, identical content, the same account; keeps them on request', async () => {
    const rows = [
      share('o1', 'a', 'o1', 0), // the original post itself
      share('o1', 'b', 'c2', 3),
      share('o1', 'b', 'c3', 4), // same account as c2
      share('o1', 'c', 'c2', 5), // same content id as c2 under another account
    ];
    const removed = await sqlPairs(store, rows, 10, 0);
    expect(removed).toEqual(['o1,c3,c2,1,b,c']);
    const kept = await sqlPairs(store, rows, 10, 0, true);
    expect(kept).toHaveLength(6);
    expect(kept).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, 10, 0, false)));
  });

  it('keeps a pair when either side has enough participation', async () => {
    // a and b co-share twice; c co-shares once with a: (a,c) survives because a qualifies.
    const rows = [
      share('o1', 'a', 'a1', 0),
      share('o1', 'b', 'b1', 1),
      share('o2', 'a', 'a2', 100),
      share('o2', 'b', 'b2', 101),
      share('o3', 'a', 'a3', 200),
      share('o3', 'c', 'c1', 201),
      share('o4', 'c', 'c2', 999),
      share('o5', 'd', 'd1', 300),
      share('o5', 'e', 'e1', 301),
      share('o6', 'd', 'd2', 5000),
      share('o6', 'e', 'e2', 9000),
    ];
    const got = await sqlPairs(store, rows, 10, 2);
    expect(got).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, 10, 2)));
    expect(got.some((k) => k.startsWith('o3,a3,c1'))).toBe(true);
    // d and e have two rows each but only one paired content each: the pair falls.
    expect(got.some((k) => k.startsWith('o5'))).toBe(false);
  });

  it('orders ties by the account that appears first in the input, as CooRTweet does', async () => {
    const rows = [
      share('o9', 'z', 'z0', 50),
      share('o1', 'b', 'b1', 10),
      share('o1', 'z', 'z1', 10),
      share('o1', 'a', 'a1', 10),
    ];
    const got = await sqlPairs(store, rows, 0, 0);
    expect(got).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, 0, 0)));
    // z was seen first (row 1), so z1 comes before b1 and a1 although b1 is earlier in o1.
    expect(got).toContain('o1,z1,b1,0,z,b');
    expect(got).toContain('o1,b1,a1,0,b,a');
  });

  it('equals the brute-force transcription on random share tables', async () => {
    const ids = (prefix: string, n: number) => fc.integer({ min: 0, max: n - 1 }).map((i) => `${prefix}${i}`);
    const row = fc.record({
      object_id: fc.oneof(ids('o', 4), ids('c', 3)), // objects that are also contents: loops
      account_id: ids('a', 6),
      content_id: ids('c', 25), // contents repeat: the same content under two objects or accounts
      timestamp_share: fc.integer({ min: 0, max: 15 }), // many ties
    });
    const table = fc
      .array(row, { minLength: 0, maxLength: 40 })
      .chain((rows) => fc.tuple(fc.constant(rows), fc.subarray(rows, { maxLength: Math.min(6, rows.length) }))) // duplicate rows
      .map(([rows, dup]) => [...rows, ...dup]);
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        async (rows, w, m, keepLoops) => {
          const got = await sqlPairs(store, rows, w, m, keepLoops);
          expect(got).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, w, m, !keepLoops)));
        },
      ),
      { numRuns: 150, seed: 20211 },
    );
  });

  it('does not build all same-object pairs: one object shared 10,000 times over a long period', async () => {
    // 10,000 shares, one every 7 s, by 500 accounts in turn: with w = 10 s each share pairs with
    // the next one only, so 9,999 pairs (a cartesian join would build 50 million).
    const big = Array.from({ length: 10_000 }, (_, i) => share('viral', `a${i % 500}`, `c${i}`, i * 7));
    await loadShareRows(store, big);
    const summary = await computeCoSharePairs(store, { windowSeconds: 10, minParticipation: 2 });
    expect(summary.windowPairs).toBe(9_999);
    expect(summary.pairs).toBe(9_999);
    // The same rule on a smaller case, checked against the quadratic reference.
    const small = big.slice(0, 1_500);
    expect(await sqlPairs(store, small, 10, 2)).toEqual(sortedKeys(computeCoSharePairsByBruteForce(small, 10, 2)));
    expect(await sqlPairs(store, small, 30, 3)).toEqual(sortedKeys(computeCoSharePairsByBruteForce(small, 30, 3)));
  });

  it('plans the pairing as an equality join, not a join on the object with a range filter', async () => {
    const big = Array.from({ length: 2_000 }, (_, i) => share(`o${i % 3}`, `a${i % 50}`, `c${i}`, i));
    await loadShareRows(store, big);
    await computeCoSharePairs(store, { windowSeconds: 10, minParticipation: 1 });
    await store.run('CREATE TEMP TABLE coshare_seq AS ' + buildSequenceSql('10'));
    const plan = await store.all<{ explain_value: string }>('EXPLAIN ' + buildWindowPairsSql(false, 1));
    const text = plan.map((r) => r.explain_value).join('\n');
    expect(text).toMatch(/g = gy/);
    expect(text).not.toMatch(/object_id = object_id/);
    expect(text).not.toMatch(/NESTED_LOOP|PIECEWISE_MERGE|IE_JOIN|CROSS_PRODUCT/);
  });
});

describe('CSV share tables', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-coshare-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads columns by name, skips rows with a missing field, writes CooRTweet columns', async () => {
    const input = path.join(dir, "it's.csv");
    writeFileSync(
      input,
      'timestamp_share,content_id,account_id,object_id,extra\n' +
        '100,c1,a,o1,x\n105,c2,b,o1,y\n,c3,c,o1,z\n106,c4,,o1,z\n107,c5,c,,z\n108,c6,d,o1,z\n',
    );
    const loaded = await loadShareCsv(store, input);
    expect(loaded).toMatchObject({ rows: 6, skipped: 3, duplicates: 0, shares: 3 });
    await computeCoSharePairs(store, { windowSeconds: 5, minParticipation: 1 });
    const out = path.join(dir, 'pairs.csv');
    await writeCoSharePairs(store, out);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'object_id,content_id,content_id_y,time_delta,account_id,account_id_y',
      'o1,c1,c2,5,a,b',
      'o1,c2,c6,3,b,d',
    ]);
  });

  it('names the missing columns of a file that is not a share table', async () => {
    const input = path.join(dir, 'other.csv');
    writeFileSync(input, 'id,text\n1,hello\n');
    await expect(loadShareCsv(store, input)).rejects.toThrow(/object_id, account_id, content_id, timestamp_share are missing/);
  });

  it('drops exact duplicate rows on request, keeping the first', async () => {
    const input = path.join(dir, 'dup.csv');
    writeFileSync(input, 'object_id,account_id,content_id,timestamp_share\no,a,c1,1\no,a,c1,1\no,b,c2,2\n');
    expect(await loadShareCsv(store, input, { dropDuplicates: true })).toMatchObject({ rows: 3, duplicates: 1, shares: 2 });
    expect(await loadShareCsv(store, input)).toMatchObject({ rows: 3, duplicates: 0, shares: 3 });
  });
});

describe.skipIf(!HAVE_DATA)(`real CooRTweet data (${HAVE_DATA ? 'present' : NO_DATA})`, () => {
  function referencePairs(w: number, m: number): string[] {
    const text = readFileSync(path.join(DATA, 'reference', `pairs_ru_${w}_${m}.csv`), 'utf8');
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe('object_id,content_id,content_id_y,time_delta,account_id,account_id_y');
    return lines.sort();
  }

  it.each([
    [10, 2],
    [60, 2],
    [10, 5],
  ])('equals CooRTweet 2.1.3 on russian_coord_tweets (window %i s, min participation %i), row for row', async (w, m) => {
    // The reference was computed on the data with duplicate rows dropped.
    await loadShareCsv(store, path.join(DATA, 'russian_coord_tweets.csv.gz'), { dropDuplicates: true });
    await computeCoSharePairs(store, { windowSeconds: w, minParticipation: m });
    expect(sortedKeys(await readCoSharePairs(store))).toEqual(referencePairs(w, m));
  });

  it('equals the brute-force transcription on russian_coord_tweets at other settings', async () => {
    const loaded = await loadShareCsv(store, path.join(DATA, 'russian_coord_tweets.csv.gz'));
    const rows = await store.all<ShareRow & Record<string, unknown>>(
      'SELECT object_id, account_id, content_id, t AS timestamp_share FROM coshare_input ORDER BY ord',
    );
    expect(rows).toHaveLength(loaded.shares);
    // The transcription itself reproduces CooRTweet's output on the reference (duplicates dropped).
    const unique = [...new Map(rows.map((r) => [JSON.stringify(r), r])).values()];
    expect(sortedKeys(computeCoSharePairsByBruteForce(unique, 60, 2))).toEqual(referencePairs(60, 2));
    for (const [w, m, keepLoops] of [
      [0, 1, false],
      [30, 3, false],
      [120, 2, true],
    ] as const) {
      await computeCoSharePairs(store, { windowSeconds: w, minParticipation: m, keepLoops });
      const got = sortedKeys(await readCoSharePairs(store));
      expect(got).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, w, m, !keepLoops)));
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it.each(['url_id', 'hashtag_id', 'phash_id'])(
    'equals the brute-force transcription on german_elections_2021 with %s as the object',
    async (objectColumn) => {
      const loaded = await loadShareCsv(store, path.join(DATA, 'german_elections_2021.csv.gz'), {
        columns: { object: objectColumn, content: 'post_id', time: 'timestamp' },
        dropDuplicates: true,
      });
      expect(loaded.skipped).toBeGreaterThan(0); // posts without this kind of object
      // A subset: the 40 most shared objects (whole, so their pairs are complete) keeps the
      // quadratic reference fast.
      await store.run(
        `DELETE FROM coshare_input WHERE object_id NOT IN (
           SELECT object_id FROM coshare_input GROUP BY object_id ORDER BY count(*) DESC, object_id LIMIT 40)`,
      );
      const rows = await store.all<ShareRow & Record<string, unknown>>(
        'SELECT object_id, account_id, content_id, t AS timestamp_share FROM coshare_input ORDER BY ord',
      );
      for (const [w, m] of [
        [60, 2],
        [3600, 3],
      ] as const) {
        await computeCoSharePairs(store, { windowSeconds: w, minParticipation: m });
        const got = sortedKeys(await readCoSharePairs(store));
        expect(got).toEqual(sortedKeys(computeCoSharePairsByBruteForce(rows, w, m)));
      }
    },
  );
});

describe('shares from the store', () => {
  it('pairs post_objects of one type, times in ms, ids qualified by platform when several', async () => {
    const rows: [string, string, string, number, string, string][] = [
      ['twitter', 'p1', 'a', 1_000_000, 'retweet', 'r1'],
      ['twitter', 'p2', 'b', 1_004_500, 'retweet', 'r1'],
      ['twitter', 'p3', 'a', 2_000_000, 'retweet', 'r2'],
      ['twitter', 'p4', 'b', 2_010_001, 'retweet', 'r2'], // 10.001 s: outside a 10 s window
      ['twitter', 'p5', 'a', 2_000_000, 'url', 'u1'],
      ['facebook', 'p5', 'a', 2_000_100, 'url', 'u1'], // same ids, another platform: another account
    ];
    for (const r of rows) {
      await store.run(
        'INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id) VALUES ($1, $2, $3, $4, $5, $6)',
        r,
      );
    }
    const loaded = await loadStoreShares(store, 'retweet');
    expect(loaded).toMatchObject({ shares: 4, unitsPerSecond: 1000 });
    await computeCoSharePairs(store, { windowSeconds: 10, minParticipation: 1, unitsPerSecond: loaded.unitsPerSecond });
    expect(sortedKeys(await readCoSharePairs(store))).toEqual(['r1,p1,p2,4.5,a,b']);

    const urls = await loadStoreShares(store, 'url');
    await computeCoSharePairs(store, { windowSeconds: 1, minParticipation: 1, unitsPerSecond: urls.unitsPerSecond });
    expect(sortedKeys(await readCoSharePairs(store))).toEqual(['u1,twitter:p5,facebook:p5,0.1,twitter:a,facebook:a']);
  });

  it('pairs identical texts after computing the text keys', async () => {
    const posts: [string, string, number, string][] = [
      ['p1', 'a', 1_000_000, 'The election was stolen, share before they delete it'],
      ['p2', 'b', 1_003_000, 'the ELECTION was stolen — share before they delete it!'],
      ['p3', 'c', 1_004_000, 'Lovely weather in the park today with friends'],
    ];
    for (const [id, account, ms, text] of posts) {
      await store.run(
        `INSERT INTO posts (platform, post_id, account_id, time_ms, kind, text) VALUES ('twitter', $1, $2, $3, 'original', $4)`,
        [id, account, ms, text],
      );
    }
    const loaded = await loadStoreShares(store, 'text');
    expect(loaded.shares).toBe(3);
    await computeCoSharePairs(store, { windowSeconds: 10, minParticipation: 1, unitsPerSecond: loaded.unitsPerSecond });
    const pairs = await readCoSharePairs(store);
    expect(pairs.map((p) => [p.content_id, p.content_id_y, p.time_delta])).toEqual([['p1', 'p2', 3]]);
  });
});
