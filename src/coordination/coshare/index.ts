/** Co-share pairs (CooRTweet detect_groups) over share tables and the store. */
export { computeCoSharePairs, writeCoSharePairs, readCoSharePairs, dropCoShareTables } from './co-share-pairs.ts';
export type { CoShareOptions, CoShareSummary, CoSharePair } from './co-share-pairs.ts';
export { loadShareCsv, loadShareRows, loadStoreShares, COORTWEET_COLUMNS, STORE_OBJECT_TYPES } from './share-table.ts';
export type { ShareColumns, ShareRow, LoadedShares, StoreObjectType } from './share-table.ts';
