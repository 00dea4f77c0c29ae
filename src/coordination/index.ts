export {
  computeCoSharePairs,
  writeCoSharePairs,
  readCoSharePairs,
  dropCoShareTables,
} from './coshare/index.ts';
export type { CoShareOptions, CoShareSummary, CoSharePair } from './coshare/index.ts';
export {
  loadShareCsv,
  loadShareRows,
  loadStoreShares,
  COORTWEET_COLUMNS,
  STORE_OBJECT_TYPES,
} from './coshare/index.ts';
export type { ShareColumns, ShareRow, LoadedShares, StoreObjectType } from './coshare/index.ts';
export { materialiseTextKeys, DEFAULT_MIN_TEXT_TOKENS } from './text-keys.ts';
export { detectCoordination, DEFAULT_EDGES_PER_CLUSTER } from './detect.ts';
export type { DetectOptions } from './detect.ts';
export type * from './findings-types.ts';
export { evaluateFindings, parseTruth } from './evaluate.ts';
export type { Evaluation, Truth } from './evaluate.ts';
