import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { addToBank, BankMatcher, createBank, dropBank, formatBankCsv, listBankHashes, listBanks, parseBankFile, removeFromBank } from './bank.ts';
import { matchMediaAgainstBanks } from './bank-hits.ts';
import { findCoImagePairs } from './co-image.ts';
import { ingestMediaDir, postIdCandidates } from './media-dir.ts';
import { hashImageFile } from './pdq-file.ts';
import { bitsToHex, hexToBits } from './pdq.ts';

const H1 = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
function flip(hex: string, bits: number[]): string {
  const b = hexToBits(hex);
  for (const k of bits) b[k >>> 5]! ^= 1 << (k & 31);
  return bitsToHex(b);
}

describe('hash banks', () => {
  it('creates, adds, lists, matches, exports, imports, removes and drops', async () => {
    const store = await Store.memory();
    await createBank(store, 'irgc-glorification', 'team list');
    await expect(createBank(store, 'irgc-glorification')).rejects.toThrow(/already exists/);
    const near = flip(H1, [1, 40, 77, 130, 200]);
    const far = flip(H1, Array.from({ length: 40 }, (_, i) => i * 6));
    expect(await addToBank(store, 'irgc-glorification', [{ pdq: H1, label: 'soleimani_poster', source: 'team' }, { pdq: far, label: 'other' }])).toBe(2);
    expect(await addToBank(store, 'irgc-glorification', [{ pdq: H1 }])).toBe(0); // duplicate skipped
    await addToBank(store, 'irgc-glorification', [{ pdq: flip(H1, [3]), quality: 20, label: 'flat' }]);
    expect((await listBanks(store))[0]).toMatchObject({ bank: 'irgc-glorification', hashes: 3 });

    const matcher = await BankMatcher.load(store);
    expect(matcher.size).toBe(2); // the quality-20 hash is kept but not used
    const m = matcher.match([near]);
    expect(m).toEqual([{ bank: 'irgc-glorification', pdq: H1, label: 'soleimani_poster', source: 'team', distance: 5 }]);
    expect(matcher.match([near], 4)).toEqual([]);

    const csv = formatBankCsv(await listBankHashes(store, 'irgc-glorification'));
    expect(csv.split('\n')[0]).toBe('hash,label,source,quality');
    await createBank(store, 'copy');
    expect(await addToBank(store, 'copy', parseBankFile(csv))).toBe(3);
    expect(await removeFromBank(store, 'copy', [H1])).toBe(1);
    expect(await dropBank(store, 'copy')).toBe(2);
    await expect(addToBank(store, 'copy', [{ pdq: H1 }])).rejects.toThrow(/no hash bank/);
    store.close();
  });

  it('reads HMA-like headerless lines and CSV with a pdq column, and rejects bad hashes', () => {
    expect(parseBankFile(`${H1},tvec,gifct\n# comment\n${H1.toUpperCase()},,\n`)).toEqual([
      { pdq: H1, label: 'tvec', source: 'gifct', quality: null },
      { pdq: H1, label: null, source: null, quality: null },
    ]);
    expect(parseBankFile(`label,pdq\nx,${H1}\n`)[0]).toMatchObject({ pdq: H1, label: 'x' });
    expect(() => parseBankFile('hash\nnot-a-hash\n')).toThrow(/line 2/);
    expect(() => parseBankFile('foo,bar\n1,2\n')).toThrow(/no 'hash'/);
  });

  it('protects exported cells from spreadsheet formulas', () => {
    expect(formatBankCsv([{ pdq: H1, label: '=cmd()', source: '@x' }])).toContain("'=cmd()");
  });
});

describe('post images: ingest, co-image pairs, bank hits', () => {
  let dir = '';
  let store: Store;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'takedown-media-'));
    // Synthetic "photos": seeded random 16×12 colour grids blown up with a cubic kernel (smooth
    // shapes at several scales). p1 and p2 post picture 1 (p2 brightened and re-encoded at
    // JPEG quality 60), p3 picture 5, p4 a flat grey image (quality 0).
    const picture = async (seed: number): Promise<Buffer> => {
      let s = seed * 7919 + 1;
      const px = Buffer.alloc(16 * 12 * 3);
      for (let i = 0; i < px.length; i++) px[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
      return sharp(px, { raw: { width: 16, height: 12, channels: 3 } }).resize(160, 120, { kernel: 'cubic' }).png().toBuffer();
    };
    const raw = { raw: { width: 160, height: 120, channels: 3 as const } };
    await sharp(await picture(1)).jpeg({ quality: 90 }).toFile(path.join(dir, 'p1.jpg'));
    await sharp(await picture(1)).modulate({ brightness: 1.05 }).jpeg({ quality: 60 }).toFile(path.join(dir, 'p2_1.jpg'));
    await sharp(await picture(5)).toFile(path.join(dir, 'p3.png'));
    await sharp(Buffer.alloc(160 * 120 * 3, 90), raw).png().toFile(path.join(dir, 'p4.png'));
    fs.writeFileSync(path.join(dir, 'p9.jpg'), 'not an image');
    await sharp(await picture(2)).jpeg().toFile(path.join(dir, 'orphan.jpg'));
    store = await Store.memory();
    const post = (id: string, acct: string, t: number): Promise<void> =>
      store.run("INSERT INTO posts (platform, post_id, account_id, time_ms, kind) VALUES ('twitter', $1, $2, $3, 'original')", [id, acct, t]);
    await post('p1', 'a1', 1_000);
    await post('p2', 'a2', 61_000);
    await post('p3', 'a3', 62_000);
    await post('p4', 'a4', 63_000);
    await post('p9', 'a9', 64_000);
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('maps file names to post ids', () => {
    expect(postIdCandidates('123_1.png')).toEqual(['123_1', '123']);
    expect(postIdCandidates('123.JPG')).toEqual(['123']);
    expect(postIdCandidates('notes.txt')).toEqual([]);
  });

  it('hashes the files of known posts, reports the rest, and is idempotent', async () => {
    const r = await ingestMediaDir(store, dir);
    expect(r).toMatchObject({ files: 6, hashed: 4, skipped: 0, unmatched: ['orphan.jpg'], lowQuality: 1 });
    expect(r.failed.map((f) => f.path)).toEqual(['p9.jpg']);
    const objects = await store.all<{ post_id: string; object_id: string }>("SELECT post_id, object_id FROM post_objects WHERE object_type = 'media' ORDER BY 1");
    expect(objects.map((o) => o.post_id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(objects[0]!.object_id).toBe((await hashImageFile(path.join(dir, 'p1.jpg'))).hash);
    const again = await ingestMediaDir(store, dir);
    expect(again.hashed).toBe(0);
    expect(again.skipped).toBe(4);
  });

  it('pairs accounts posting near-same images within the window, with evidence', async () => {
    const pairs = await findCoImagePairs(store, { windowMs: 120_000 });
        expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ accountA: 'a1', accountB: 'a2', postA: 'p1', postB: 'p2', deltaMs: 60_000 });
    expect(pairs[0]!.distance).toBeLessThanOrEqual(31);
    expect(await findCoImagePairs(store, { windowMs: 30_000 })).toEqual([]);
  });

  it('records bank hits per post for the review queue', async () => {
    await createBank(store, 'tvec');
    await addToBank(store, 'tvec', [{ pdq: (await hashImageFile(path.join(dir, 'p1.jpg'))).hash, label: 'poster', source: 'team' }]);
    const r = await matchMediaAgainstBanks(store, { nowMs: 5 });
    expect(r).toMatchObject({ images: 4, lowQuality: 1, postsHit: 2 });
    const hits = await store.all<{ post_id: string; label: string }>('SELECT post_id, label FROM media_bank_hits ORDER BY post_id');
    expect(hits).toEqual([
      { post_id: 'p1', label: 'poster' },
      { post_id: 'p2', label: 'poster' },
    ]);
  });
});
