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
export { PdqIndex } from './hash-index.ts';
export type { IndexHit } from './hash-index.ts';
export {
  addToBank,
  BankMatcher,
  createBank,
  dropBank,
  formatBankCsv,
  listBankHashes,
  listBanks,
  parseBankFile,
  removeFromBank,
} from './bank.ts';
export type { BankHash, BankMatch, BankSummary } from './bank.ts';
export { matchMediaAgainstBanks } from './bank-hits.ts';
export type { BankHitsResult } from './bank-hits.ts';
export { findCoImagePairs } from './co-image.ts';
export type { CoImageOptions, CoImagePair } from './co-image.ts';
export { ingestMediaDir, postIdCandidates } from './media-dir.ts';
export type { MediaIngestResult } from './media-dir.ts';
export { parseCsv, parseCsvRecords, toCsvCell } from './csv.ts';
export { insertMany } from './insert-many.ts';
