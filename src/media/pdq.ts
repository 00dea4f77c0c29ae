/**
 * PDQ perceptual image hash (Meta, 2017), a line-faithful port of the reference in
 * facebook/ThreatExchange `pdq/cpp/hashing/pdqhashing.cpp`, `pdq/cpp/downscaling/downscaling.cpp`,
 * `pdq/cpp/hashing/torben.cpp` and `pdq/cpp/io/pdqio.cpp` (algorithm paper: `pdq/hashing.pdf`).
 *
 * Steps: RGB → float32 luma (0.299, 0.587, 0.114) → two passes of a Jarosz tent filter (box along
 * rows, then along columns; window ⌊(n + 127) / 128⌋) → decimation to 64×64 at pixel centres →
 * quality (sum of quantised neighbour gradients / 90, capped at 100) → the 16×16 low-frequency
 * block of the 64×64 DCT-II without the DC row/column → bit k = 16i + j set when B[i][j] exceeds
 * the (lower) median. Every float operation is rounded to float32 (`Math.fround`) as the C++ does,
 * so raw pixel input gives the reference's hash bit for bit; decoded JPEGs differ by a few bits
 * across decoders (the reference says so), which is why file hashes are compared by distance.
 *
 * Dihedral variants (rotations and flips) come from sign changes and transposition of the DCT
 * block (`dct16OriginalTo*` in the reference), without hashing the image again.
 */

/** A 256-bit PDQ hash as eight 32-bit words: word w holds hex characters [56 − 8w, 64 − 8w). */
export type PdqBits = Uint32Array;

export interface PdqResult {
  /** 64 lowercase hex characters, exactly as the reference prints them. */
  hash: string;
  /** 0–100; the reference advises not to match hashes below 50. */
  quality: number;
  /** The 16×16 DCT block (row-major, float32) the bits were thresholded from. */
  dct: Float32Array;
}

/** Below this side length the reference returns the all-zero hash with quality 0. */
export const PDQ_MIN_HASHABLE_DIM = 5;
/** The reference resizes images with a side over 512 to exactly 512×512 before hashing (pdqio.cpp). */
export const PDQ_PRE_RESIZE_DIM = 512;
/** Distance at or below which two PDQ hashes are a confident match (python-threatexchange pdq_utils). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Hashes with quality below this are not used for matching (py-tx `PdqSignal.QUALITY_THRESHOLD`). */
export const PDQ_QUALITY_THRESHOLD = 50;

const f = Math.fround;
const LUMA_R = f(0.299);
const LUMA_G = f(0.587);
const LUMA_B = f(0.114);

// DCT matrix D[i][j] = sqrt(2/64)·cos(π/128·(i+1)·(2j+1)), i < 16, j < 64, computed in double
// and stored as float like the reference; the scale factor itself is a float there.
const DCT_MATRIX: Float32Array = (() => {
  const d = new Float32Array(16 * 64);
  const scale = f(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) d[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  }
  return d;
})();

// f(coeff·v) for every byte value: one table lookup instead of a multiply and a rounding.
const lumaTable = (c: number): Float32Array => Float32Array.from({ length: 256 }, (_, v) => f(c * v));
const LUMA_R_TABLE = lumaTable(LUMA_R);
const LUMA_G_TABLE = lumaTable(LUMA_G);
const LUMA_B_TABLE = lumaTable(LUMA_B);

/** Float32 luma of packed 8-bit pixels with 1–4 channels (1–2: grey [+alpha], 3–4: RGB [+alpha]). */
export function lumaFromPixels(pixels: Uint8Array, width: number, height: number, channels: number): Float32Array {
  const n = width * height;
  const luma = new Float32Array(n);
  if (channels >= 3) {
    for (let p = 0, o = 0; p < n; p++, o += channels) {
      // Left-to-right float sums like the C++ expression; the store rounds the last one.
      luma[p] = f(LUMA_R_TABLE[pixels[o]!]! + LUMA_G_TABLE[pixels[o + 1]!]!) + LUMA_B_TABLE[pixels[o + 2]!]!;
    }
  } else {
    for (let p = 0, o = 0; p < n; p++, o += channels) luma[p] = pixels[o]!;
  }
  return luma;
}

/** Jarosz window per axis: ⌊(old + 2·new − 1) / (2·new)⌋ (downscaling.cpp). */
export function jaroszWindowSize(oldDim: number, newDim: number): number {
  return Math.floor((oldDim + 2 * newDim - 1) / (2 * newDim));
}

// One sliding-window box filter along a strided vector, in four phases like box1DFloat: the
// window grows at the start and shrinks at the end, so edges average over fewer pixels.
function box1D(input: Float32Array, output: Float32Array, start: number, length: number, stride: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = length - window;
  const phase4 = half - 1;
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let size = 0;
  for (let i = 0; i < phase1; i++) {
    sum = f(sum + input[ri]!);
    size++;
    ri += stride;
  }
  for (let i = 0; i < phase2; i++) {
    sum = f(sum + input[ri]!);
    size++;
    output[oi] = sum / size;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase3; i++) {
    sum = f(sum + input[ri]!);
    sum = f(sum - input[li]!);
    output[oi] = sum / size;
    li += stride;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase4; i++) {
    sum = f(sum - input[li]!);
    size--;
    output[oi] = sum / size;
    li += stride;
    oi += stride;
  }
}

// box1D along every column at once, walking the rows in order (cache-friendly; the same
// operations in the same order per column as box1D with stride = cols, so results are equal).
// Only the columns listed in `only` are computed when given (the last pass feeds decimation).
function boxColumns(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number, only?: Int32Array): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  const idx = only ?? Int32Array.from({ length: cols }, (_, j) => j);
  const m = idx.length;
  const sums = new Float32Array(m); // Float32Array stores round every sum to float, as in C++
  let li = 0;
  let ri = 0;
  let oi = 0;
  let size = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    const r = ri * cols;
    for (let c = 0; c < m; c++) sums[c] = sums[c]! + input[r + idx[c]!]!;
    size++;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    const r = ri * cols;
    const o = oi * cols;
    size++;
    for (let c = 0; c < m; c++) {
      const j = idx[c]!;
      sums[c] = sums[c]! + input[r + j]!;
      output[o + j] = sums[c]! / size;
    }
  }
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    const r = ri * cols;
    const l = li * cols;
    const o = oi * cols;
    for (let c = 0; c < m; c++) {
      const j = idx[c]!;
      sums[c] = sums[c]! + input[r + j]!;
      sums[c] = sums[c]! - input[l + j]!;
      output[o + j] = sums[c]! / size;
    }
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    const l = li * cols;
    const o = oi * cols;
    size--;
    for (let c = 0; c < m; c++) {
      const j = idx[c]!;
      sums[c] = sums[c]! - input[l + j]!;
      output[o + j] = sums[c]! / size;
    }
  }
}

// box1D along rows, four rows at a time: each row's running sum is a chain of dependent float
// adds, so interleaving four independent chains lets the CPU overlap them (about 2.5× faster
// than row by row, measured). Same operations in the same order per row, so results are equal.
function boxRows(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = cols - window;
  const phase4 = half - 1;
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const b0 = i * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let size = 0;
    let r = 0;
    let l = 0;
    let o = 0;
    for (let k = 0; k < phase1; k++, r++) {
      s0 = f(s0 + input[b0 + r]!);
      s1 = f(s1 + input[b1 + r]!);
      s2 = f(s2 + input[b2 + r]!);
      s3 = f(s3 + input[b3 + r]!);
      size++;
    }
    for (let k = 0; k < phase2; k++, r++, o++) {
      size++;
      s0 = f(s0 + input[b0 + r]!);
      s1 = f(s1 + input[b1 + r]!);
      s2 = f(s2 + input[b2 + r]!);
      s3 = f(s3 + input[b3 + r]!);
      output[b0 + o] = s0 / size;
      output[b1 + o] = s1 / size;
      output[b2 + o] = s2 / size;
      output[b3 + o] = s3 / size;
    }
    for (let k = 0; k < phase3; k++, r++, l++, o++) {
      s0 = f(f(s0 + input[b0 + r]!) - input[b0 + l]!);
      s1 = f(f(s1 + input[b1 + r]!) - input[b1 + l]!);
      s2 = f(f(s2 + input[b2 + r]!) - input[b2 + l]!);
      s3 = f(f(s3 + input[b3 + r]!) - input[b3 + l]!);
      output[b0 + o] = s0 / size;
      output[b1 + o] = s1 / size;
      output[b2 + o] = s2 / size;
      output[b3 + o] = s3 / size;
    }
    for (let k = 0; k < phase4; k++, l++, o++) {
      size--;
      s0 = f(s0 - input[b0 + l]!);
      s1 = f(s1 - input[b1 + l]!);
      s2 = f(s2 - input[b2 + l]!);
      s3 = f(s3 - input[b3 + l]!);
      output[b0 + o] = s0 / size;
      output[b1 + o] = s1 / size;
      output[b2 + o] = s2 / size;
      output[b3 + o] = s3 / size;
    }
  }
  for (; i < rows; i++) box1D(input, output, i * cols, cols, 1, window);
}

/** Two-pass Jarosz tent filter in place on `buf`; the last column pass only at `sampledCols`. */
function jaroszFilter(buf: Float32Array, scratch: Float32Array, rows: number, cols: number, winRows: number, winCols: number, sampledCols: Int32Array): void {
  for (let pass = 0; pass < 2; pass++) {
    boxRows(buf, scratch, rows, cols, winRows);
    if (pass === 1) boxColumns(scratch, buf, rows, cols, winCols, sampledCols);
    else boxAllColumns(scratch, buf, rows, cols, winCols);
  }
}

// boxColumns for every column, without the index indirection (the hot full-size pass).
function boxAllColumns(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  const sums = new Float32Array(cols);
  let r = 0;
  let l = 0;
  let o = 0;
  let size = 0;
  for (let i = 0; i < phase1; i++, r += cols) {
    for (let j = 0; j < cols; j++) sums[j] = sums[j]! + input[r + j]!;
    size++;
  }
  for (let i = 0; i < phase2; i++, r += cols, o += cols) {
    size++;
    for (let j = 0; j < cols; j++) {
      sums[j] = sums[j]! + input[r + j]!;
      output[o + j] = sums[j]! / size;
    }
  }
  for (let i = 0; i < phase3; i++, r += cols, l += cols, o += cols) {
    for (let j = 0; j < cols; j++) {
      const v = f(f(sums[j]! + input[r + j]!) - input[l + j]!);
      sums[j] = v;
      output[o + j] = v / size;
    }
  }
  for (let i = 0; i < phase4; i++, l += cols, o += cols) {
    size--;
    for (let j = 0; j < cols; j++) {
      sums[j] = sums[j]! - input[l + j]!;
      output[o + j] = sums[j]! / size;
    }
  }
}

/** Quality metric of the 64×64 image (pdqImageDomainQualityMetric). */
function qualityOf(a: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(f(f(f(a[i * 64 + j]! - a[(i + 1) * 64 + j]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(f(f(f(a[i * 64 + j]! - a[i * 64 + j + 1]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  return Math.min(100, Math.trunc(sum / 90));
}

/** B = D·A·Dᵀ for the 64×64 image A, float32 accumulation in the reference's order. */
function dct64To16(a: Float32Array): Float32Array {
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    const di = i * 64;
    for (let j = 0; j < 64; j++) {
      let s = 0;
      for (let k = 0; k < 64; k++) s = f(s + f(DCT_MATRIX[di + k]! * a[k * 64 + j]!));
      t[di + j] = s;
    }
  }
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 64; k++) s = f(s + f(t[i * 64 + k]! * DCT_MATRIX[j * 64 + k]!));
      b[i * 16 + j] = s;
    }
  }
  return b;
}

/**
 * The DCT block and quality of a float32 luma image (row-major). `luma` is overwritten (the
 * reference filters in place). Images under 5 px on a side give an all-zero block and quality 0.
 */
export function pdqDctFromLuma(luma: Float32Array, rows: number, cols: number): { dct: Float32Array; quality: number } {
  if (rows < PDQ_MIN_HASHABLE_DIM || cols < PDQ_MIN_HASHABLE_DIM) return { dct: new Float32Array(256), quality: 0 };
  let a: Float32Array;
  if (rows === 64 && cols === 64) {
    a = luma; // the reference skips the filter for 64×64 input (its video-frame path)
  } else {
    const sampledCols = Int32Array.from({ length: 64 }, (_, j) => Math.trunc(((j + 0.5) * cols) / 64));
    jaroszFilter(luma, new Float32Array(rows * cols), rows, cols, jaroszWindowSize(cols, 64), jaroszWindowSize(rows, 64), sampledCols);
    a = new Float32Array(64 * 64);
    for (let i = 0; i < 64; i++) {
      const ini = Math.trunc(((i + 0.5) * rows) / 64);
      for (let j = 0; j < 64; j++) {
        const inj = Math.trunc(((j + 0.5) * cols) / 64);
        a[i * 64 + j] = luma[ini * cols + inj]!;
      }
    }
  }
  return { dct: dct64To16(a), quality: qualityOf(a) };
}

/** Thresholds a 16×16 DCT block at its lower median (what Torben's method returns) into bits. */
export function bitsFromDct(dct: Float32Array): PdqBits {
  const sorted = Float32Array.from(dct).sort();
  const median = sorted[127]!;
  const bits = new Uint32Array(8);
  for (let k = 0; k < 256; k++) {
    if (dct[k]! > median) bits[k >>> 5]! |= 1 << (k & 31);
  }
  // `|=` on a Uint32Array element stores the unsigned value; nothing else to fix up.
  return bits;
}

/** Hex form: 16-bit words 15 … 0, four lowercase hex digits each (the reference's `%04hx`). */
export function bitsToHex(bits: PdqBits): string {
  let s = '';
  for (let w = 7; w >= 0; w--) s += bits[w]!.toString(16).padStart(8, '0');
  return s;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** True when `s` is 64 hex digits. */
export function isPdqHex(s: string): boolean {
  return HEX64.test(s);
}

/** Parses 64 hex digits into bits; throws a RangeError on anything else. */
export function hexToBits(hex: string): PdqBits {
  if (!HEX64.test(hex)) throw new RangeError(`not a PDQ hash (64 hex digits): '${hex.slice(0, 80)}'`);
  const bits = new Uint32Array(8);
  for (let c = 0; c < 8; c++) bits[7 - c] = parseInt(hex.slice(8 * c, 8 * c + 8), 16);
  return bits;
}

const POPCOUNT16 = (() => {
  const t = new Uint8Array(65536);
  for (let i = 1; i < 65536; i++) t[i] = (i & 1) + t[i >>> 1]!;
  return t;
})();

/** Popcount of a 32-bit word by two 16-bit table lookups. */
export function popcount32(x: number): number {
  return POPCOUNT16[x & 0xffff]! + POPCOUNT16[x >>> 16]!;
}

/** Hamming distance between two 256-bit hashes. */
export function hammingDistance(a: PdqBits, b: PdqBits): number {
  let d = 0;
  for (let w = 0; w < 8; w++) d += popcount32((a[w]! ^ b[w]!) >>> 0);
  return d;
}

/** Hamming distance between two hex hashes. */
export function hexDistance(a: string, b: string): number {
  return hammingDistance(hexToBits(a), hexToBits(b));
}

/** PDQ of a float32 luma image (overwritten). */
export function pdqFromLuma(luma: Float32Array, rows: number, cols: number): PdqResult {
  const { dct, quality } = pdqDctFromLuma(luma, rows, cols);
  return { hash: bitsToHex(bitsFromDct(dct)), quality, dct };
}

/** PDQ of packed 8-bit pixels (1–4 channels), with no pre-resize: the reference's raw-array entry. */
export function pdqFromPixels(pixels: Uint8Array, width: number, height: number, channels: number): PdqResult {
  return pdqFromLuma(lumaFromPixels(pixels, width, height, channels), height, width);
}

/** The eight dihedral transforms, named as in the reference. */
export const DIHEDRAL_NAMES = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

// Sign and transposition per transform (dct16OriginalTo* in pdqhashing.cpp). The DCT rows and
// columns start at frequency 1, so "odd index" there means even frequency.
function transformDct(a: Float32Array, name: DihedralName): Float32Array {
  const b = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = a[i * 16 + j]!;
      switch (name) {
        case 'original':
          b[i * 16 + j] = v;
          break;
        case 'rotate90':
          b[j * 16 + i] = j & 1 ? v : -v;
          break;
        case 'rotate180':
          b[i * 16 + j] = (i + j) & 1 ? -v : v;
          break;
        case 'rotate270':
          b[j * 16 + i] = i & 1 ? v : -v;
          break;
        case 'flipX':
          b[i * 16 + j] = i & 1 ? v : -v;
          break;
        case 'flipY':
          b[i * 16 + j] = j & 1 ? v : -v;
          break;
        case 'flipPlus1':
          b[j * 16 + i] = v;
          break;
        case 'flipMinus1':
          b[j * 16 + i] = (i + j) & 1 ? -v : v;
          break;
      }
    }
  }
  return b;
}

/** The hashes of the eight rotations and flips of an image, from its DCT block alone. */
export function dihedralHashes(dct: Float32Array): Record<DihedralName, string> {
  const out = {} as Record<DihedralName, string>;
  for (const name of DIHEDRAL_NAMES) out[name] = bitsToHex(bitsFromDct(transformDct(dct, name)));
  return out;
}
