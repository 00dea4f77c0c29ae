/**
 * Readers of generic tables: CooRTweet share tables, any CSV with `--map field=column`, and
 * JSONL with `--map field=key` (dotted keys reach into nested objects). Each row is validated,
 * its mapped fields decoded, and written to the staging file in one canonical column order, so
 * one SQL statement types every generic format. A row may repeat a post (one row per post and
 * object, as in CooRTweet's German election data): each row's objects are kept.
 */
import { isUtf8 } from 'node:buffer';
import { hostOfUrl, normaliseUrl } from '../text/index.ts';
import { usageError } from '../model/index.ts';
import { type CsvRecord, fieldBytes, fieldText, recordText } from './csv-scanner.ts';
import type { Batch, RejectFn, RowReader } from './batch.ts';
import { type FieldMap, type MapField, MAP_FIELD_NAMES, OBJECT_FIELDS } from './formats.ts';
import { limitOf, MAX_TEXT_BYTES } from './limits.ts';
import { parsePythonList } from './python-list.ts';
import { memoise } from './memo.ts';
import { isMissing, normaliseHashtag, parseTime } from './values.ts';

/** Scalar fields written to the staging file, in this order, after line and time_ms. */
const SCALARS = [
  'post_id',
  'account_id',
  'text',
  'retweet_of',
  'reply_to',
  'quote_of',
  'display_name',
  'handle',
  'language',
] as const;

type Value = string | string[] | undefined;

const hashtagKey = memoise(normaliseHashtag);
const urlKey = memoise((raw: string): [string | null, string | null] => {
  const n = normaliseUrl(raw);
  return [n, n === null ? null : hostOfUrl(n)];
});

/** Splits a cell that holds several values: a Python/JSON list, else the cell itself. */
function valuesOf(v: Value): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map((s) => s.trim()).filter((s) => s !== '');
  const s = v.trim();
  if (isMissing(s)) return [];
  if (s.startsWith('[') && s.endsWith(']')) {
    const items = parsePythonList(s);
    if (items !== null) return items.map((x) => x.trim()).filter((x) => x !== '');
  }
  return [s];
}

/** Writes canonical rows: shared by the CSV and JSONL readers. */
export class CanonicalStager implements RowReader {
  readonly kind = 'posts' as const;

  constructor(private readonly objectType: string) {}

  /** Validates and stages one row given a getter of its mapped fields. Returns the reject reason or null. */
  stage(line: number, get: (f: MapField) => Value, batch: Batch): string | null {
    const scalar = (f: MapField): string | null => {
      const v = get(f);
      if (v === undefined) return null;
      if (Array.isArray(v)) return v.length === 1 ? v[0]!.trim() || null : null;
      const s = v.trim();
      return isMissing(s) ? null : s;
    };
    for (const f of MAP_FIELD_NAMES) {
      const v = get(f);
      if (v === undefined) continue;
      const len = Array.isArray(v) ? v.reduce((n, s) => n + s.length, 0) : v.length;
      const limit = limitOf(f);
      if (len > limit) return `oversize field ${f}: ${len} characters, limit ${limit}`;
      if (Array.isArray(v) && !(OBJECT_FIELDS as readonly string[]).includes(f) && v.length > 1) {
        return `field ${f} holds a list of ${v.length} values, expected one`;
      }
    }
    const postId = scalar('post_id');
    const accountId = scalar('account_id');
    if (postId === null) return 'unparsable id: post_id is empty';
    if (accountId === null) return 'unparsable id: account_id is empty';
    const rawTime = scalar('time') ?? '';
    const time = parseTime(rawTime);
    if (time === null)
      return rawTime === ''
        ? 'unparsable time: time is empty'
        : `unparsable time: '${rawTime.slice(0, 40)}'`;
    const m = batch.main;
    m.ascii(`${line},${time}`);
    for (const f of SCALARS) {
      const v = scalar(f);
      m.ascii(',');
      if (v !== null) m.quoted(v);
    }
    m.ascii('\n');
    // Objects: each value of each object field; URLs also give their domain.
    const tags = new Set<string>();
    const domains = new Set<string>();
    for (const raw of valuesOf(get('hashtag'))) {
      const h = hashtagKey(raw);
      if (h === '' || tags.has(h)) continue;
      tags.add(h);
      batch.object(line, 'hashtag', h, raw);
    }
    if (tags.size >= 2) batch.object(line, 'hashtag_set', [...tags].sort().join(' '), null);
    for (const raw of valuesOf(get('url'))) {
      const [n, host] = urlKey(raw);
      batch.object(line, 'url', n ?? raw, raw);
      if (host !== null && !domains.has(host)) {
        domains.add(host);
        batch.object(line, 'domain', host, null);
      }
    }
    for (const raw of valuesOf(get('domain'))) {
      const host = hostOfUrl(raw) ?? raw.toLowerCase();
      if (domains.has(host)) continue;
      domains.add(host);
      batch.object(line, 'domain', host, raw);
    }
    for (const raw of valuesOf(get('media'))) batch.object(line, 'media', raw, null);
    for (const raw of valuesOf(get('mention')))
      batch.object(line, 'mention', raw.replace(/^@/, ''), raw);
    for (const raw of valuesOf(get('object'))) batch.object(line, this.objectType, raw, null);
    return null;
  }

  stageSelect(): string {
    const cols = [
      "'line': 'BIGINT'",
      "'time_ms': 'BIGINT'",
      ...SCALARS.map((s) => `'${s}': 'VARCHAR'`),
    ].join(', ');
    return `SELECT line, post_id, account_id, time_ms,
      CASE WHEN retweet_of IS NOT NULL THEN 'retweet' WHEN reply_to IS NOT NULL THEN 'reply' WHEN quote_of IS NOT NULL THEN 'quote' ELSE 'original' END AS kind,
      coalesce(retweet_of, reply_to, quote_of) AS ref_post_id,
      NULL::VARCHAR AS ref_account_id, reply_to AS reply_to_post_id, NULL::VARCHAR AS reply_to_account_id,
      quote_of AS quote_of_post_id, text, language, NULL::VARCHAR AS client,
      NULL::BIGINT AS like_count, NULL::BIGINT AS retweet_count, NULL::BIGINT AS reply_count, NULL::BIGINT AS quote_count,
      NULL::DOUBLE AS latitude, NULL::DOUBLE AS longitude, NULL::VARCHAR AS poll_choices,
      display_name AS a_display_name, handle AS a_handle, NULL::VARCHAR AS a_description, NULL::VARCHAR AS a_profile_url,
      NULL::VARCHAR AS a_reported_location, NULL::BIGINT AS a_followers, NULL::BIGINT AS a_following,
      NULL::BIGINT AS a_created_ms, NULL::VARCHAR AS a_language
    FROM read_csv($path, header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, max_line_size = 4194304, columns = {${cols}})`;
  }
}

/** CSV rows (CooRTweet or --map): columns found by header name. */
export class MappedCsvReader {
  private readonly fieldIndex = new Map<MapField, number>();
  private readonly limits: number[];
  readonly stager: CanonicalStager;

  constructor(
    private readonly header: readonly string[],
    map: FieldMap,
    objectType: string,
  ) {
    const lower = header.map((h) => h.toLowerCase());
    for (const [field, column] of Object.entries(map) as [MapField, string][]) {
      let k = header.indexOf(column);
      if (k < 0) k = lower.indexOf(column.toLowerCase());
      if (k < 0) {
        throw usageError(
          `--map ${field}=${column}: the file has no column '${column}'`,
          `Columns: ${header.join(', ').slice(0, 1000)}`,
        );
      }
      this.fieldIndex.set(field, k);
    }
    for (const req of ['post_id', 'account_id', 'time'] as const) {
      if (!this.fieldIndex.has(req)) {
        throw usageError(
          `Map a column to ${req} (--map ${req}=COLUMN): it is required`,
          `Columns: ${header.join(', ').slice(0, 1000)}`,
        );
      }
    }
    // Mapped columns get their field's bound, the others the long-text bound.
    this.limits = header.map(() => MAX_TEXT_BYTES);
    for (const [f, k] of this.fieldIndex) this.limits[k] = limitOf(f);
    this.stager = new CanonicalStager(objectType);
  }

  read(r: CsvRecord, batch: Batch, reject: RejectFn): boolean {
    const fail = (reason: string): false => {
      reject({ line: r.line, reason, raw: recordText(r) });
      return false;
    };
    if (r.error) return fail(r.error);
    if (r.fieldCount !== this.header.length) {
      return fail(`wrong column count: ${r.fieldCount} fields, expected ${this.header.length}`);
    }
    for (let k = 0; k < this.header.length; k++) {
      if (fieldBytes(r, k) > this.limits[k]!) {
        return fail(
          `oversize field ${this.header[k]}: ${fieldBytes(r, k)} bytes, limit ${this.limits[k]}`,
        );
      }
    }
    if (!r.utf8 && !isUtf8(r.buf.subarray(r.start, r.end))) return fail('invalid UTF-8');
    const get = (f: MapField): Value => {
      const k = this.fieldIndex.get(f);
      return k === undefined ? undefined : fieldText(r, k);
    };
    const bad = this.stager.stage(r.line, get, batch);
    return bad === null ? true : fail(bad);
  }
}

/** The default mapping of a generic file: every column named like a field maps to it. */
export function identityMap(columns: readonly string[]): FieldMap {
  const map: FieldMap = {};
  for (const c of columns)
    if ((MAP_FIELD_NAMES as string[]).includes(c.toLowerCase()))
      map[c.toLowerCase() as MapField] = c;
  return map;
}

/** The value at a dotted key of a JSON object, as text or a list of texts. */
function pick(obj: unknown, key: string): Value {
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === null || cur === undefined) return undefined;
  if (typeof cur === 'string') return cur;
  if (typeof cur === 'number' || typeof cur === 'boolean' || typeof cur === 'bigint')
    return String(cur);
  if (Array.isArray(cur)) {
    return cur.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x));
  }
  return undefined;
}

/** JSONL rows: one JSON object a line. */
export class JsonlReader {
  readonly stager: CanonicalStager;

  constructor(
    private readonly map: FieldMap,
    objectType: string,
  ) {
    for (const req of ['post_id', 'account_id', 'time'] as const) {
      if (!map[req])
        throw usageError(`Map a key to ${req} (--map ${req}=KEY): it is required for JSONL`);
    }
    this.stager = new CanonicalStager(objectType);
  }

  read(line: number, bytes: Buffer, batch: Batch, reject: RejectFn): boolean {
    const raw = (): string => bytes.toString('utf8', 0, Math.min(bytes.length, 8000));
    if (bytes.length > 2 * MAX_TEXT_BYTES) {
      reject({ line, reason: `oversize record: ${bytes.length} bytes`, raw: raw() });
      return false;
    }
    if (!isUtf8(bytes)) {
      reject({ line, reason: 'invalid UTF-8', raw: raw() });
      return false;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(bytes.toString('utf8'));
    } catch {
      reject({ line, reason: 'invalid JSON', raw: raw() });
      return false;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      reject({ line, reason: 'not a JSON object', raw: raw() });
      return false;
    }
    const get = (f: MapField): Value => {
      const key = this.map[f];
      return key === undefined ? undefined : pick(obj, key);
    };
    const bad = this.stager.stage(line, get, batch);
    if (bad !== null) reject({ line, reason: bad, raw: raw() });
    return bad === null;
  }
}
