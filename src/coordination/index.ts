export { computeCoSharePairs, writeCoSharePairs, readCoSharePairs, dropCoShareTables } from './coshare/index.ts';
export type { CoShareOptions, CoShareSummary, CoSharePair } from './coshare/index.ts';
export { loadShareCsv, loadShareRows, loadStoreShares, COORTWEET_COLUMNS, STORE_OBJECT_TYPES } from './coshare/index.ts';
export type { ShareColumns, ShareRow, LoadedShares, StoreObjectType } from './coshare/index.ts';
