/** The ingest stage: platform exports in, canonical rows in the store, bad rows quarantined. */
export { ingestFiles, ingestFile, checkInputs } from './ingest-file.ts';
export type { IngestOptions, IngestSummary, FileSummary } from './ingest-file.ts';
export {
  FORMATS,
  MAP_FIELDS,
  MAP_FIELD_NAMES,
  parseFieldMap,
  detectFormat,
  ARCHIVE_TWEET_COLUMNS,
  ARCHIVE_USER_COLUMNS,
  COORTWEET_COLUMNS,
} from './formats.ts';
export type { FormatOption, DetectedFormat, FieldMap, MapField } from './formats.ts';
export { parsePythonList } from './python-list.ts';
export { snowflakeMs, parseTime, normaliseHashtag } from './values.ts';
export { seedsOfBundle } from './stix-seeds.ts';
export { accountsOfPattern, parsePattern } from './stix-pattern.ts';
