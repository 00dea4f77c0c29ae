import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bitsToHex, dihedralHashes, DIHEDRAL_NAMES, hammingDistance, hexDistance, hexToBits, pdqDctFromLuma, pdqFromPixels } from './pdq.ts';
import { decodeForPdq, hashImageFile } from './pdq-file.ts';

const PDQ_DIR = path.resolve(process.cwd(), '../shared/data/pdq');
const haveData = fs.existsSync(path.join(PDQ_DIR, 'EXPECTED_HASHES.csv'));

// Exact test vector from facebook/ThreatExchange python-threatexchange/threatexchange/tests/hashing/
// test_pdq_hasher.py (BSD): a 26×28 RGBA PNG (lossless, so its pixels are the reference's raw
// input) and the hash the C++ reference (pdqhash binding) gives for it.
const RANDOM_IMAGE_BASE64 = `iVBORw0KGgoAAAANSUhEUgAAABoAAAAcCAYAAAB/E6/TAAABQGlDQ1BJQ0MgUHJvZmlsZQAAKJFj
YGASSCwoyGFhYGDIzSspCnJ3UoiIjFJgf8rAzMDDwMGgziCUmFxc4BgQ4ANUwgCjUcG3awyMIPqy
LsisbUEsbr4sN5Y9iTOwFjbIZsFUjwK4UlKLk4H0HyBOTC4oKmFgYEwAspXLSwpA7BYgW6QI6Cgg
ewaInQ5hrwGxkyDsA2A1IUHOQPYVIFsgOSMxBch+AmTrJCGJpyOxofaCAHuokbmlgRMBl5IBSlIr
SkC0c35BZVFmekaJgiMwhFIVPPOS9XQUjAyMDBkYQOENUf1ZDByOjGKnEGIF/gwMlmUMDEyJCLE4
FwaG7coMDPyFCDENoL/40xgYDkYXJBYlwh3A+I2lOM3YCMLmKWJgYP3x//9nWaCXdzEw/C36///3
3P///y5hYGC+ycBwoBAAJoJZwzimB1MAAACKZVhJZk1NACoAAAAIAAQBGgAFAAAAAQAAAD4BGwAF
AAAAAQAAAEYBKAADAAAAAQACAACHaQAEAAAAAQAAAE4AAAAAAAAAkAAAAAEAAACQAAAAAQADkoYA
BwAAABIAAAB4oAIABAAAAAEAAAAaoAMABAAAAAEAAAAcAAAAAEFTQ0lJAAAAU2NyZWVuc2hvdB0L
cNQAAAAJcEhZcwAAFiUAABYlAUlSJPAAAAHUaVRYdFhNTDpjb20uYWRvYmUueG1wAAAAAAA8eDp4
bXBtZXRhIHhtbG5zOng9ImFkb2JlOm5zOm1ldGEvIiB4OnhtcHRrPSJYTVAgQ29yZSA1LjQuMCI+
CiAgIDxyZGY6UkRGIHhtbG5zOnJkZj0iaHR0cDovL3d3dy53My5vcmcvMTk5OS8wMi8yMi1yZGYt
c3ludGF4LW5zIyI+CiAgICAgIDxyZGY6RGVzY3JpcHRpb24gcmRmOmFib3V0PSIiCiAgICAgICAg
ICAgIHhtbG5zOmV4aWY9Imh0dHA6Ly9ucy5hZG9iZS5jb20vZXhpZi8xLjAvIj4KICAgICAgICAg
PGV4aWY6UGl4ZWxYRGltZW5zaW9uPjI2PC9leGlmOlBpeGVsWERpbWVuc2lvbj4KICAgICAgICAg
PGV4aWY6VXNlckNvbW1lbnQ+U2NyZWVuc2hvdDwvZXhpZjpVc2VyQ29tbWVudD4KICAgICAgICAg
PGV4aWY6UGl4ZWxZRGltZW5zaW9uPjI4PC9leGlmOlBpeGVsWURpbWVuc2lvbj4KICAgICAgPC9y
ZGY6RGVzY3JpcHRpb24+CiAgIDwvcmRmOlJERj4KPC94OnhtcG1ldGE+ChyymmEAAAAcaURPVAAA
AAIAAAAAAAAADgAAACgAAAAOAAAADgAAAmByXymqAAACLElEQVRIDYRTO2wTQRB949zZvoS4MIYk
pgpIIJQGEYlUKIgCaFIh0UQoLS2RKKChixCIgAiIlCAEHULQQZMCmhQgUSIEdIkcG+zYJHeHnVtm
72Pvntcwxc3O7Mx789mjSqUiYJAOCO9/WXhXs/FlZwgVP4NNLxNGTuQDjOUCHBvZw7lSG6eLHVgw
wnSRKU1U+5PBne95vNzModVJJQu2iQCpFRm1CBcnfFw74qOUDZSb3rFL1BaE5W85rP7IYncvDpB4
jNstNiGR2iDDQ8CVSR+LTGiTXkxIVOWxLHxy8LHOkf+SAR11U+JCposBnp50cYDHmwitfa2J+XUH
G66pyr6WOC/x8VGuTGJFq+ud2Vd2BF7MuDheiMZD5We/xcZO3CZxhuAoqU2S3EktJR2fui+PEN7O
ujjInREet3rD7BtNsqC4W+a/ccLG/FEbhwuEDLt32wINH9hyA8y88rSG5aOZ3g+8nvWY6GFzMJGy
/PE88PyCg7OHrKgbw5cetdirjDaOWZySP8uD7R5ROjnJYf1mzsHcpJ2O0GxaaWp2+BtwscNcG+Fe
QyFSkMOUaHRnyhbWLu3TQQwW3d9mb4IhA5KzYKK7dYXIkM2uJ+cdLEzlzJeKl5YbiqUfCbd/SrpI
0o8h3tH65QJOjetjW/3s4eYHD1vh350A6OAhbtwU4Vbtvx01rxYxmtXBxlbqTBI/8xS+ySQsVQcT
xdWI66W+XFqqsi/aYaT7QrTrvwAAAP//WDKhWgAAAcFJREFUjVLPSwJBFH5P65B08JKSZUh56dy9
U39Fh6AQpF/0wygIScSICCKKIIKi6NApomtg0Dno0jkVs6ws0qAfdLDXzO66M+606sDuvvne9973
vtlBSBQI6iyKtikMXH5RsFoAQvxZCPEI2VNBjJhiHqUHxguCy3l8Wet1VHsjxJ7IbGwkKO6VKI2F
qWIZgpuvQoyXScII0XxlfpbRLVCivbHuEusi/QMDB28SwsIqocUH1dGKr7qggd3+9ReETkuiuaUG
YeFecqRnabXDQqu/XUq+QyL5YUtEmMuRdmIShdY6pV1j4fBJEQ6vPhlZvk2iFiHChEgxpTOQFbEc
rftFhRFhJCd62t06ox7YF2E6y1TsmHpX2uhShWbuFKwWgDCZsbEjymgrIDZGhFNZzS2f1vZEDK6r
mTsaT0uOrP34DAi0HbAmACcyCmaKcnG++C9h8Wx/E+symlKut85ib2Na2uk2oUqAY0zIaGQ64v31
2XQai/v8TjgbcQH65jOUL5Ur9f9+abdHwTGcMgfRBuIMi7DP7YTzcAt4WtnRXd480uDRN+RLvwrR
dLQXVIVCt/xUqx1ILJ/bAcdDLuj1OjT0DwULeQovxm67AAAAAElFTkSuQmCC`;
const RANDOM_IMAGE_PDQ = 'ad64cd9875e131a177b1f2a0d6b38ae1de9ea80421e4c51dde1b0363deba3466';

describe('PDQ on raw pixels', () => {
  it('gives the reference hash bit for bit on the python-threatexchange PNG vector', async () => {
    const hash = (await hashImageFile(Buffer.from(RANDOM_IMAGE_BASE64.replace(/\s/g, ''), 'base64'))).hash;
    expect(hash).toBe(RANDOM_IMAGE_PDQ);
  });

  it('returns the zero hash with quality 0 for images under 5 px', () => {
    const r = pdqFromPixels(new Uint8Array(4 * 4 * 3).fill(200), 4, 4, 3);
    expect(r.hash).toBe('0'.repeat(64));
    expect(r.quality).toBe(0);
  });

  it('gives quality 0 and about half the bits for a flat image, and high quality for a textured one', () => {
    const flat = pdqFromPixels(new Uint8Array(100 * 80 * 3).fill(128), 100, 80, 3);
    expect(flat.quality).toBe(0);
    const noise = new Uint8Array(200 * 150 * 3);
    let s = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    expect(pdqFromPixels(noise, 200, 150, 3).quality).toBeGreaterThan(50);
  });

  it('reads grey pixels as luma directly and RGB as 0.299R + 0.587G + 0.114B', () => {
    const w = 40;
    const h = 30;
    const grey = new Uint8Array(w * h);
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) {
      const v = (i * 7 + (i % w) * 13) & 255;
      grey[i] = v;
      rgb.set([v, v, v], i * 3);
    }
    // r = g = b = v gives luma v up to float rounding, so the hashes are (nearly) the same.
    expect(hexDistance(pdqFromPixels(grey, w, h, 1).hash, pdqFromPixels(rgb, w, h, 3).hash)).toBeLessThanOrEqual(2);
  });
});

describe('hash serialisation and distance', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
  it('round-trips hex', () => {
    fc.assert(fc.property(hex, (h) => bitsToHex(hexToBits(h)) === h));
  });
  it('is a metric on hashes (symmetric, zero on equal, triangle inequality)', () => {
    fc.assert(
      fc.property(hex, hex, hex, (a, b, c) => {
        const [x, y, z] = [hexToBits(a), hexToBits(b), hexToBits(c)];
        return (
          hammingDistance(x, y) === hammingDistance(y, x) &&
          hammingDistance(x, x) === 0 &&
          hammingDistance(x, z) <= hammingDistance(x, y) + hammingDistance(y, z)
        );
      }),
    );
  });
  it('counts one bit per differing hex bit', () => {
    expect(hexDistance('0'.repeat(64), 'f'.repeat(64))).toBe(256);
    expect(hexDistance('0'.repeat(64), '1' + '0'.repeat(63))).toBe(1);
  });
  it('rejects malformed hashes', () => {
    expect(() => hexToBits('xyz')).toThrow(RangeError);
  });
});

interface Expected {
  image: string;
  hash: string;
  quality: number | null;
  implementation: string;
}

function readExpected(): Expected[] {
  const lines = fs.readFileSync(path.join(PDQ_DIR, 'EXPECTED_HASHES.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [image = '', hash = '', quality = '', implementation = ''] = l.split(',');
    return { image, hash, quality: quality === '' ? null : Number(quality), implementation };
  });
}

describe.skipIf(!haveData)('PDQ on the shared reference images (../shared/data/pdq)', () => {
  // Full resolution (the default) against the C++ and Java rows; the thumbnail mode against
  // the pure-Python rows, whose reference thumbnails into 512×512 first (see pdq-file.ts).
  it('is within 10 bits of every reference hash with quality ≥ 80, and equals the Java hashes', async () => {
    const rows = readExpected();
    let worst = 0;
    for (const row of rows) {
      const python = row.implementation.includes('python');
      const ours = await hashImageFile(path.join(PDQ_DIR, row.image), { resize: python ? 'thumbnail' : 'none' });
      const d = hexDistance(ours.hash, row.hash);
      if (row.quality !== null && row.quality >= 80) {
        expect(d, `${row.image} (${row.implementation})`).toBeLessThanOrEqual(10);
        expect(ours.quality).toBeGreaterThanOrEqual(80);
      }
      if (row.implementation.startsWith('java ImageIO')) expect(d, row.image).toBe(0);
      worst = Math.max(worst, d);
    }
    expect(worst).toBeLessThanOrEqual(10);
  });

  it('derives the hashes of the rotated and flipped bridge files from one DCT within 10 bits', async () => {
    const files = ['1-original', '2-rotate-90', '3-rotate-180', '4-rotate-270', '5-flipx', '6-flipy', '7-flip-plus-1', '8-flip-minus-1'];
    const original = await hashImageFile(path.join(PDQ_DIR, 'reg-test-input/dih/bridge-1-original.jpg'));
    const derived = dihedralHashes(original.dct);
    for (let i = 0; i < 8; i++) {
      const actual = await hashImageFile(path.join(PDQ_DIR, `reg-test-input/dih/bridge-${files[i]}.jpg`));
      const name = DIHEDRAL_NAMES[i]!;
      expect(hexDistance(derived[name], actual.hash), name).toBeLessThanOrEqual(10);
      // …and far from the other seven orientations.
      for (const other of DIHEDRAL_NAMES) if (other !== name) expect(hexDistance(derived[other], actual.hash)).toBeGreaterThan(60);
    }
  });

  it('keeps different photos far apart (Java test: bridge vs pen-and-coaster is 138 bits)', async () => {
    const a = await hashImageFile(path.join(PDQ_DIR, 'reg-test-input/dih/bridge-1-original.jpg'));
    const b = await hashImageFile(path.join(PDQ_DIR, 'reg-test-input/pen-and-coaster.png'));
    expect(hexDistance(a.hash, b.hash)).toBeGreaterThan(100);
  });

  it('matches a half-size copy (Java test: distance 4) and a greyscale copy', async () => {
    const file = path.join(PDQ_DIR, 'reg-test-input/dih/bridge-1-original.jpg');
    const full = await hashImageFile(file);
    const half = await hashImageFile(await sharp(file).resize(800).png().toBuffer());
    const grey = await hashImageFile(await sharp(file).greyscale().png().toBuffer());
    expect(hexDistance(full.hash, half.hash)).toBeLessThanOrEqual(10);
    expect(hexDistance(full.hash, grey.hash)).toBeLessThanOrEqual(4);
  });

  it('decodes an unreadable file to a readable error', async () => {
    await expect(decodeForPdq(path.join(PDQ_DIR, 'README.txt'))).rejects.toThrow(/Cannot read/);
  });
});

// A plain transcription of the reference's filter chain (box1DFloat row by row, then column by
// column, twice; full 64×64 decimation; DCT), used to check the optimised passes are equal.
function referenceDct(lumaIn: Float32Array, rows: number, cols: number): Float32Array {
  const f = Math.fround;
  const a = Float32Array.from(lumaIn);
  const b = new Float32Array(rows * cols);
  const box = (inp: Float32Array, out: Float32Array, start: number, len: number, stride: number, win: number): void => {
    const half = Math.floor((win + 2) / 2);
    let li = start;
    let ri = start;
    let oi = start;
    let sum = 0;
    let size = 0;
    for (let i = 0; i < half - 1; i++, ri += stride, size++) sum = f(sum + inp[ri]!);
    for (let i = 0; i < win - half + 1; i++, ri += stride, oi += stride) {
      sum = f(sum + inp[ri]!);
      out[oi] = sum / ++size;
    }
    for (let i = 0; i < len - win; i++, li += stride, ri += stride, oi += stride) {
      sum = f(f(sum + inp[ri]!) - inp[li]!);
      out[oi] = sum / size;
    }
    for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
      sum = f(sum - inp[li]!);
      out[oi] = sum / --size;
    }
  };
  const wr = Math.floor((cols + 127) / 128);
  const wc = Math.floor((rows + 127) / 128);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < rows; i++) box(a, b, i * cols, cols, 1, wr);
    for (let j = 0; j < cols; j++) box(b, a, j, rows, cols, wc);
  }
  const d64 = new Float32Array(64 * 64);
  for (let i = 0; i < 64; i++) for (let j = 0; j < 64; j++) d64[i * 64 + j] = a[Math.trunc(((i + 0.5) * rows) / 64) * cols + Math.trunc(((j + 0.5) * cols) / 64)]!;
  const dm = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) dm[i * 64 + j] = f(Math.sqrt(2 / 64)) * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) {
    let s = 0;
    for (let k = 0; k < 64; k++) s = f(s + f(dm[i * 64 + k]! * d64[k * 64 + j]!));
    t[i * 64 + j] = s;
  }
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) {
    let s = 0;
    for (let k = 0; k < 64; k++) s = f(s + f(t[i * 64 + k]! * dm[j * 64 + k]!));
    out[i * 16 + j] = s;
  }
  return out;
}

describe('optimised filter passes', () => {
  it('equal the plain reference transcription on random images of awkward sizes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 5, max: 300 }), fc.integer(), (rows, cols, seed) => {
        if (rows === 64 && cols === 64) return true; // the reference skips the filter there
        let s = seed >>> 0;
        const luma = Float32Array.from({ length: rows * cols }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) * 0.7);
        const expected = referenceDct(luma, rows, cols);
        const actual = pdqDctFromLuma(Float32Array.from(luma), rows, cols).dct;
        return actual.every((v, i) => Object.is(v, expected[i]));
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
