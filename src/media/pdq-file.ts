/**
 * PDQ of image files: decode with sharp (libvips, libjpeg-turbo), then hash the raw pixels.
 *
 * Pre-resize. The references disagree (facebook/ThreatExchange): the C++ CLI (`pdq/cpp/io/pdqio.cpp`)
 * squashes an image with a side over 512 to exactly 512×512 with CImg's nearest neighbour; the
 * pure-Python hasher (`pdq/python/.../pdq_hasher.py`) thumbnails it into 512×512 keeping the aspect
 * ratio (PIL); the Java hasher hashes the full resolution. Measured on the shared test images
 * (see pdq.test.ts): full resolution reproduces the Java hashes bit for bit, is within 8 bits of
 * every C++/Java hash, and its dihedral variants stay within 8 bits of the rotated files — so it is
 * the default (`resize: 'none'`). `'thumbnail'` follows the Python reference (within 2 bits of its
 * hashes, faster on large photos, but its dihedral variants drift up to 18 bits because the
 * 64×64 decimation of an odd-sized thumbnail is not mirror-symmetric); `'cpp'` follows the C++
 * CLI (within 12 bits of its own README hashes: its JPEG decoder is ImageMagick's, not ours).
 *
 * EXIF orientation is NOT applied, like every reference (CImg, PIL `Image.open`, ImageIO ignore
 * it): a photo whose camera wrote "rotate 90°" in EXIF hashes as the stored pixels. Matching with
 * the dihedral variants (`dihedralHashes`) finds such copies. (The reference's exif-rotn test
 * images are not in the shared data, so this was decided from the reference code, not measured.)
 */
import sharp from 'sharp';
import { inputError } from '../model/index.ts';
import { PDQ_PRE_RESIZE_DIM, pdqFromPixels, type PdqResult } from './pdq.ts';

/** Decoded pixels as the hasher reads them. */
export interface DecodedImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** How images larger than 512 px are reduced before hashing (see the file header). */
export type PdqResize = 'none' | 'thumbnail' | 'cpp';

export interface PdqFileOptions {
  /** Default 'none' (full resolution, like the Java reference). */
  resize?: PdqResize;
}

/** Decodes an image file or buffer to 8-bit pixels, reduced per `options.resize`. */
export async function decodeForPdq(input: string | Buffer, options: PdqFileOptions = {}): Promise<DecodedImage> {
  const resize = options.resize ?? 'none';
  try {
    // ignoreIcc: the references hash the stored pixel values, without colour management.
    let img = sharp(input, { failOn: 'error', limitInputPixels: 268_402_689, ignoreIcc: true });
    if (resize === 'thumbnail') {
      img = img.resize(PDQ_PRE_RESIZE_DIM, PDQ_PRE_RESIZE_DIM, { fit: 'inside', withoutEnlargement: true });
    }
    const { data, info } = await img
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const decoded = { pixels, width: info.width, height: info.height, channels: info.channels };
    return resize === 'cpp' ? squashNearest(decoded) : decoded;
  } catch (e) {
    const name = typeof input === 'string' ? input : 'image buffer';
    throw inputError(`Cannot read ${name} as an image: ${(e as Error).message}`, undefined, e);
  }
}

/**
 * The C++ CLI's pre-resize: a side over 512 makes the image exactly 512×512 by CImg's
 * nearest-neighbour rule, which takes source index ⌊x·W/512⌋ (top-left aligned, not centred;
 * sharp's own nearest kernel samples elsewhere and costs up to 16 bits on the shared images).
 */
export function squashNearest(img: DecodedImage): DecodedImage {
  const { width, height, channels, pixels } = img;
  if (width <= PDQ_PRE_RESIZE_DIM && height <= PDQ_PRE_RESIZE_DIM) return img;
  const n = PDQ_PRE_RESIZE_DIM;
  const out = new Uint8Array(n * n * channels);
  const xs = new Int32Array(n);
  for (let x = 0; x < n; x++) xs[x] = Math.floor((x * width) / n) * channels;
  for (let y = 0; y < n; y++) {
    const row = Math.floor((y * height) / n) * width * channels;
    let o = y * n * channels;
    for (let x = 0; x < n; x++) {
      const src = row + xs[x]!;
      for (let c = 0; c < channels; c++) out[o++] = pixels[src + c]!;
    }
  }
  return { pixels: out, width: n, height: n, channels };
}

/** PDQ hash and quality of an image file (or encoded image buffer). */
export async function hashImageFile(input: string | Buffer, options: PdqFileOptions = {}): Promise<PdqResult> {
  const img = await decodeForPdq(input, options);
  return pdqFromPixels(img.pixels, img.width, img.height, img.channels);
}
