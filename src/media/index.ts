export {
  bitsFromDct,
  bitsToHex,
  dihedralHashes,
  DIHEDRAL_NAMES,
  hammingDistance,
  hexDistance,
  hexToBits,
  isPdqHex,
  jaroszWindowSize,
  lumaFromPixels,
  pdqDctFromLuma,
  pdqFromLuma,
  pdqFromPixels,
  popcount32,
  PDQ_MATCH_THRESHOLD,
  PDQ_MIN_HASHABLE_DIM,
  PDQ_PRE_RESIZE_DIM,
  PDQ_QUALITY_THRESHOLD,
} from './pdq.ts';
export type { DihedralName, PdqBits, PdqResult } from './pdq.ts';
export { decodeForPdq, hashImageFile, squashNearest } from './pdq-file.ts';
export type { DecodedImage, PdqFileOptions, PdqResize } from './pdq-file.ts';
