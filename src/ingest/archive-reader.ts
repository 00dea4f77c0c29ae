/**
 * Readers of the Twitter Information Operations archive (tweets CSV, 31 columns; users CSV, 10).
 * Columns are found by header name, so a file with reordered or extra columns still reads.
 * A valid record is copied byte for byte into the staging file behind its line number and the
 * parsed tweet_time; only the list columns are decoded here (to derive objects), the rest is
 * typed in SQL. Post time: from the snowflake tweet id when consistent with tweet_time to the
 * minute (ids carry ms precision, tweet_time only minutes), else tweet_time.
 */
import { isUtf8 } from 'node:buffer';
import { hostOfUrl, normaliseUrl } from '../text/index.ts';
import { type CsvRecord, fieldBytes, fieldText, recordText } from './csv-scanner.ts';
import type { Batch, RejectFn, RowReader, StageKind } from './batch.ts';
import { limitOf } from './limits.ts';
import { parsePythonList } from './python-list.ts';
import { memoise } from './memo.ts';
import {
  isMissing,
  normaliseHashtag,
  parseArchiveTimeBytes,
  parseUtcDateTime,
  snowflakeMs,
  SNOWFLAKE_EPOCH_MS,
} from './values.ts';

/** A SQL expression for column `name` of the staging file (NULL when the file lacks it). */
function columnSql(index: Map<string, number>, name: string): string {
  const i = index.get(name);
  // '', 'absent' and 'None' are already NULL: read_csv's nullstr (see readCsv).
  if (i === undefined) return 'NULL::VARCHAR';
  // Undo the CSV formula guard of exports (takedown's own releases write '=…, '+…, '-…, '@…
  // with a leading quote so spreadsheets do not run them): strip exactly one leading quote.
  return `CASE WHEN starts_with(c${i}, '''') THEN regexp_replace(c${i}, '^''(''*[=+\\-@\t\r])', '\\1') ELSE c${i} END`;
}

/** The JS side of the formula-guard rule in columnSql. */
const unguardCell = (cell: string): string =>
  cell.charCodeAt(0) === 39 && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;

const countSql = (e: string): string => `TRY_CAST(TRY_CAST(${e} AS DOUBLE) AS BIGINT)`;

/** Checks what every archive record needs; returns the reject reason or null. */
function checkRecord(r: CsvRecord, names: readonly string[], limits: Int32Array): string | null {
  if (r.error) return r.error;
  if (r.fieldCount !== names.length)
    return `wrong column count: ${r.fieldCount} fields, expected ${names.length}`;
  const { starts, ends } = r;
  for (let k = 0; k < names.length; k++) {
    if (ends[k]! - starts[k]! > limits[k]!)
      return `oversize field ${names[k]}: ${fieldBytes(r, k)} bytes, limit ${limits[k]}`;
  }
  if (!r.utf8 && !isUtf8(r.buf.subarray(r.start, r.end))) return 'invalid UTF-8';
  return null;
}

/** True when bytes [s, e) are 1–20 ASCII digits. */
function isDigits(b: Uint8Array, s: number, e: number): boolean {
  if (e <= s || e - s > 20) return false;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const hashtagKey = memoise(normaliseHashtag);
const urlKey = memoise((raw: string): [string | null, string | null] => {
  const n = normaliseUrl(raw);
  return [n, n === null ? null : hostOfUrl(n)];
});

abstract class ArchiveReader implements RowReader {
  abstract readonly kind: StageKind;
  protected readonly index = new Map<string, number>();
  protected readonly limits: Int32Array;

  constructor(protected readonly names: readonly string[]) {
    names.forEach((n, i) => this.index.set(n.toLowerCase(), i));
    this.limits = Int32Array.from(names, (n) => limitOf(n));
  }

  protected col(name: string): string {
    return columnSql(this.index, name);
  }

  protected pos(name: string): number {
    return this.index.get(name) ?? -1;
  }

  protected text(r: CsvRecord, name: string): string {
    const k = this.pos(name);
    return k < 0 ? '' : unguardCell(fieldText(r, k).trim());
  }

  /** The staging file's columns: line, parsed time, then the file's own columns. */
  protected columnsSql(): string {
    const cols = [
      "'line': 'BIGINT'",
      "'tt': 'BIGINT'",
      ...this.names.map((_, i) => `'c${i}': 'VARCHAR'`),
    ];
    return `{${cols.join(', ')}}`;
  }

  protected readCsv(): string {
    return `read_csv($path, header = false, delim = ',', quote = '"', escape = '"', auto_detect = false,
      max_line_size = 4194304, nullstr = ['', 'absent', 'None'], columns = ${this.columnsSql()})`;
  }

  protected accountSelect(): string {
    return `${this.col('user_display_name')} AS a_display_name,
      ${this.col('user_screen_name')} AS a_handle,
      ${this.col('user_profile_description')} AS a_description,
      ${this.col('user_profile_url')} AS a_profile_url,
      ${this.col('user_reported_location')} AS a_reported_location,
      ${countSql(this.col('follower_count'))} AS a_followers,
      ${countSql(this.col('following_count'))} AS a_following,
      epoch_ms(TRY_CAST(${this.col('account_creation_date')} AS TIMESTAMP)) AS a_created_ms,
      ${this.col('account_language')} AS a_language`;
  }

  abstract stageSelect(): string;
  abstract read(r: CsvRecord, batch: Batch, reject: RejectFn): boolean;
}

/** The tweets file: posts, their author accounts, and their objects. */
export class ArchiveTweetsReader extends ArchiveReader {
  readonly kind = 'posts' as const;
  // Same bound as snowflakeMs(): a year ahead of now.
  private readonly latestMs = Date.now() + 366 * 86_400_000;

  private fail(r: CsvRecord, reject: RejectFn, reason: string): false {
    reject({ line: r.line, reason, raw: recordText(r) });
    return false;
  }

  /** Validates one record and stages it; false when rejected. */
  read(r: CsvRecord, batch: Batch, reject: RejectFn): boolean {
    const bad = checkRecord(r, this.names, this.limits);
    if (bad) {
      reject({ line: r.line, reason: bad, raw: recordText(r) });
      return false;
    }
    const idK = this.pos('tweetid');
    if (!isDigits(r.buf, r.starts[idK]!, r.ends[idK]!)) {
      return this.fail(
        r,
        reject,
        `unparsable id: tweetid '${this.text(r, 'tweetid').slice(0, 40)}'`,
      );
    }
    const userK = this.pos('userid');
    if (fieldBytes(r, userK) <= 6 && isMissing(this.text(r, 'userid')))
      return this.fail(r, reject, 'unparsable id: userid is empty');
    const timeK = this.pos('tweet_time');
    let tt = parseArchiveTimeBytes(r.buf, r.starts[timeK]!, r.ends[timeK]!);
    if (tt === undefined) {
      const rawTime = this.text(r, 'tweet_time');
      if (!isMissing(rawTime)) {
        tt = parseUtcDateTime(rawTime);
        if (tt === null)
          return this.fail(r, reject, `unparsable time: tweet_time '${rawTime.slice(0, 40)}'`);
      } else if (snowflakeMs(this.text(r, 'tweetid')) === null) {
        return this.fail(
          r,
          reject,
          'unparsable time: tweet_time is empty and tweetid is not a snowflake',
        );
      } else tt = null;
    } else if (tt === null) {
      return this.fail(
        r,
        reject,
        `unparsable time: tweet_time '${this.text(r, 'tweet_time').slice(0, 40)}'`,
      );
    }
    const lists: Record<'hashtags' | 'urls' | 'user_mentions', string[]> = {
      hashtags: [],
      urls: [],
      user_mentions: [],
    };
    for (const name of ['hashtags', 'urls', 'user_mentions'] as const) {
      const k = this.pos(name);
      if (k < 0 || fieldBytes(r, k) <= 2) continue; // '', '[]'
      const items = parsePythonList(fieldText(r, k));
      if (items === null) return this.fail(r, reject, `malformed list in column ${name}`);
      lists[name] = items;
    }
    const line = r.line;
    const m = batch.main;
    m.num(line);
    m.byte(0x2c);
    if (tt !== null) m.num(tt);
    m.byte(0x2c);
    m.bytes(r.buf, r.start, r.end);
    m.byte(0x0a);
    const tags = new Set<string>();
    for (const t of lists.hashtags) {
      const h = hashtagKey(t);
      if (h === '' || tags.has(h)) continue;
      tags.add(h);
      batch.object(line, 'hashtag', h, t);
    }
    if (tags.size >= 2) batch.object(line, 'hashtag_set', [...tags].sort().join(' '), null);
    const domains = new Set<string>();
    for (const u of lists.urls) {
      const raw = u.trim();
      if (raw === '') continue;
      const [n, host] = urlKey(raw);
      batch.object(line, 'url', n ?? raw, raw);
      if (host !== null && !domains.has(host)) {
        domains.add(host);
        batch.object(line, 'domain', host, null);
      }
    }
    for (const mention of lists.user_mentions) {
      const v = mention.trim();
      if (v !== '') batch.object(line, 'mention', v, null);
    }
    return true;
  }

  stageSelect(): string {
    const id = this.col('tweetid');
    // Snowflake time, used only when plausible and in the same minute as tweet_time.
    const sf = `((TRY_CAST(${id} AS UBIGINT) >> 22)::BIGINT + ${SNOWFLAKE_EPOCH_MS})`;
    const time = `CASE WHEN ${sf} BETWEEN ${SNOWFLAKE_EPOCH_MS + 86_400_000} AND ${this.latestMs}
        AND (tt IS NULL OR ${sf} // 60000 = tt // 60000) THEN ${sf} ELSE tt END`;
    const isRt = `(coalesce(${this.col('is_retweet')} IN ('True', 'true', 'TRUE', '1'), false) OR ${this.col('retweet_tweetid')} IS NOT NULL)`;
    const reply = this.col('in_reply_to_tweetid');
    const quote = this.col('quoted_tweet_tweetid');
    const kind = `CASE WHEN ${isRt} THEN 'retweet' WHEN ${reply} IS NOT NULL THEN 'reply' WHEN ${quote} IS NOT NULL THEN 'quote' ELSE 'original' END`;
    return `SELECT line,
      ${id} AS post_id,
      ${this.col('userid')} AS account_id,
      ${time} AS time_ms,
      ${kind} AS kind,
      CASE WHEN ${isRt} THEN ${this.col('retweet_tweetid')} WHEN ${reply} IS NOT NULL THEN ${reply} ELSE ${quote} END AS ref_post_id,
      CASE WHEN ${isRt} THEN ${this.col('retweet_userid')} WHEN ${reply} IS NOT NULL THEN ${this.col('in_reply_to_userid')} END AS ref_account_id,
      ${reply} AS reply_to_post_id,
      ${this.col('in_reply_to_userid')} AS reply_to_account_id,
      ${quote} AS quote_of_post_id,
      ${this.col('tweet_text')} AS text,
      ${this.col('tweet_language')} AS language,
      ${this.col('tweet_client_name')} AS client,
      ${countSql(this.col('like_count'))} AS like_count,
      ${countSql(this.col('retweet_count'))} AS retweet_count,
      ${countSql(this.col('reply_count'))} AS reply_count,
      ${countSql(this.col('quote_count'))} AS quote_count,
      TRY_CAST(${this.col('latitude')} AS DOUBLE) AS latitude,
      TRY_CAST(${this.col('longitude')} AS DOUBLE) AS longitude,
      ${this.col('poll_choices')} AS poll_choices,
      ${this.accountSelect()}
    FROM ${this.readCsv()}`;
  }
}

/** The users file: accounts only. */
export class ArchiveUsersReader extends ArchiveReader {
  readonly kind = 'accounts' as const;

  read(r: CsvRecord, batch: Batch, reject: RejectFn): boolean {
    const bad = checkRecord(r, this.names, this.limits);
    if (bad) {
      reject({ line: r.line, reason: bad, raw: recordText(r) });
      return false;
    }
    if (isMissing(this.text(r, 'userid'))) {
      reject({ line: r.line, reason: 'unparsable id: userid is empty', raw: recordText(r) });
      return false;
    }
    const m = batch.main;
    m.ascii(`${r.line},,`);
    m.bytes(r.buf, r.start, r.end);
    m.ascii('\n');
    return true;
  }

  stageSelect(): string {
    return `SELECT line, ${this.col('userid')} AS account_id, ${this.accountSelect()} FROM ${this.readCsv()}`;
  }
}
