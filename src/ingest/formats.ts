/**
 * The input formats `takedown ingest` reads, the columns that identify each, and the field
 * mapping of generic CSV/JSONL files. Detection looks at the header only, so a wrong guess costs
 * nothing and an unknown file gets an error that says what was expected.
 */
import { ARCHIVE_TWEET_COLUMNS, ARCHIVE_USER_COLUMNS, usageError, inputError } from '../model/index.ts';

export const FORMATS = ['auto', 'io-archive', 'coortweet', 'csv', 'jsonl', 'stix'] as const;
export type FormatOption = (typeof FORMATS)[number];

/** What a file turned out to be. */
export type DetectedFormat =
  'io-archive-tweets' | 'io-archive-users' | 'coortweet' | 'csv' | 'jsonl' | 'stix';

/** The archive's columns (defined once in the model: synth and the export write the same). */
export { ARCHIVE_TWEET_COLUMNS, ARCHIVE_USER_COLUMNS };

/** CooRTweet's share table. */
export const COORTWEET_COLUMNS = [
  'object_id',
  'account_id',
  'content_id',
  'timestamp_share',
] as const;

/** Fields a generic CSV/JSONL column can be mapped to with `--map field=column`. */
export const MAP_FIELDS = {
  post_id: 'post id (required)',
  account_id: 'author account id (required)',
  time: 'post time: Unix seconds, Unix ms or ISO 8601 (UTC when no zone) (required)',
  text: 'post text',
  retweet_of: 'id of the retweeted/reshared post (makes the post a retweet; object "retweet")',
  reply_to: 'id of the replied-to post (object "reply")',
  quote_of: 'id of the quoted post',
  url: 'shared URL (normalised; object "url" plus its "domain"); non-URLs are kept as opaque ids',
  hashtag: 'hashtag (lower-cased, no #; object "hashtag", and "hashtag_set" when a row has ≥ 2)',
  domain: 'shared domain (object "domain")',
  media: 'media id or image hash (object "media")',
  mention: 'mentioned account (object "mention")',
  object: 'opaque shared object (object type from --object-type, default "object")',
  display_name: 'author display name',
  handle: 'author handle / screen name',
  language: 'post language',
} as const;
export type MapField = keyof typeof MAP_FIELDS;
export const MAP_FIELD_NAMES = Object.keys(MAP_FIELDS) as MapField[];

/** Fields whose values become post_objects rows (a cell may hold a list). */
export const OBJECT_FIELDS: readonly MapField[] = [
  'url',
  'hashtag',
  'domain',
  'media',
  'mention',
  'object',
];

export type FieldMap = Partial<Record<MapField, string>>;

/** Parses `--map post_id=id,time=created_at,...` (several --map options are joined). */
export function parseFieldMap(specs: readonly string[]): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      const p = part.trim();
      if (p === '') continue;
      const eq = p.indexOf('=');
      if (eq <= 0 || eq === p.length - 1) {
        throw usageError(
          `--map expects field=column pairs, got '${p}'`,
          `Fields: ${MAP_FIELD_NAMES.join(', ')}`,
        );
      }
      const field = p.slice(0, eq).trim();
      const column = p.slice(eq + 1).trim();
      if (!(field in MAP_FIELDS)) {
        throw usageError(
          `--map: unknown field '${field}'`,
          `Fields: ${MAP_FIELD_NAMES.join(', ')}`,
        );
      }
      map[field as MapField] = column;
    }
  }
  return map;
}

/** Splits a CSV header line (quotes allowed) into lower-cased, trimmed names. */
export function splitHeader(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inQ) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') inQ = false;
      else cur += c;
    } else if (c === '"') inQ = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.replace(/^\uFEFF/, '').trim());
}

const has = (names: readonly string[], wanted: readonly string[]): boolean => {
  const set = new Set(names.map((n) => n.toLowerCase()));
  return wanted.every((w) => set.has(w));
};

const EXPECTED = [
  `io-archive tweets: ${ARCHIVE_TWEET_COLUMNS.length} columns (${ARCHIVE_TWEET_COLUMNS.slice(0, 4).join(', ')}, …, tweet_time, …)`,
  `io-archive users: ${ARCHIVE_USER_COLUMNS.join(', ')}`,
  `coortweet: ${COORTWEET_COLUMNS.join(', ')}`,
  `csv/jsonl: columns post_id, account_id, time, or any columns with --map field=column`,
  `stix: a STIX 2.1 bundle ({"type": "bundle", "objects": [...]})`,
].join('\n  ');

/**
 * Decides the format of a file from its first bytes. `head` is the decoded start of the file
 * (a few KB); `option` is --format; `hasMap` says whether --map was given.
 */
export function detectFormat(
  head: string,
  option: FormatOption,
  hasMap: boolean,
  file: string,
): DetectedFormat {
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (option === 'stix') return 'stix';
  if (option === 'jsonl') return 'jsonl';
  if (trimmed.startsWith('{') && (option === 'auto' || option === 'csv')) {
    if (option === 'csv') throw inputError(`${file} is JSON, not CSV: use --format jsonl or stix`);
    // A bundle is one JSON document whose first key is usually "type": "bundle"; JSONL has one per line.
    if (
      /^\{\s*"type"\s*:\s*"bundle"/.test(trimmed) ||
      (/"type"\s*:\s*"bundle"/.test(trimmed.slice(0, 400)) && !isJsonLine(firstLine))
    ) {
      return 'stix';
    }
    if (isJsonLine(firstLine)) {
      const obj = JSON.parse(firstLine) as Record<string, unknown>;
      if (obj['type'] === 'bundle') return 'stix';
      return 'jsonl';
    }
    return 'stix';
  }
  const names = splitHeader(firstLine).map((n) => n.toLowerCase());
  const isTweets = has(names, ['tweetid', 'userid', 'tweet_time']);
  const isUsers =
    !isTweets && has(names, ['userid', 'user_screen_name']) && !names.includes('tweetid');
  const isCoortweet = has(names, [...COORTWEET_COLUMNS]);
  if (option === 'io-archive') {
    if (isTweets) return 'io-archive-tweets';
    if (isUsers) return 'io-archive-users';
    const missing = ['tweetid', 'userid', 'tweet_time'].filter((c) => !names.includes(c));
    throw inputError(
      `${file} is not an Information Operations archive: column ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      `Expected the tweets file (${ARCHIVE_TWEET_COLUMNS.join(', ')}) or the users file (${ARCHIVE_USER_COLUMNS.join(', ')}); found: ${names.join(', ')}`,
    );
  }
  if (option === 'coortweet') {
    if (isCoortweet) return 'coortweet';
    throw inputError(
      `${file} is not a CooRTweet share table: expected columns ${COORTWEET_COLUMNS.join(', ')}`,
      `Found: ${names.join(', ')}`,
    );
  }
  if (option === 'csv' || hasMap) return 'csv';
  if (isTweets) return 'io-archive-tweets';
  if (isUsers) return 'io-archive-users';
  if (isCoortweet) return 'coortweet';
  if (has(names, ['post_id', 'account_id', 'time'])) return 'csv';
  throw inputError(
    `Cannot tell the format of ${file}: its header matches no known format (give --format, or --map field=column for any CSV)`,
    `Expected one of:\n  ${EXPECTED}\nFound columns: ${names.slice(0, 40).join(', ').slice(0, 1000)}`,
  );
}

function isJsonLine(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
