/**
 * Parsing of the scalar values ingest meets: times in the shapes exports use, Twitter snowflake
 * ids, hashtags. Pure functions, shared by every reader, so one file format cannot read a time
 * differently from another.
 */
import { unifyScript } from '../text/index.ts';

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z): ms = (id >> 22) + this. */
export const SNOWFLAKE_EPOCH_MS = 1288834974657;
/** Earliest and latest times we accept (a post before 1990 or a year from now is an error). */
const MIN_MS = Date.UTC(1990, 0, 1);
const maxMs = (): number => Date.now() + 366 * 86_400_000;

/** Ms since the epoch from a Twitter snowflake id, or null when the id is not a plausible snowflake. */
export function snowflakeMs(id: string): number | null {
  if (!/^[0-9]{1,20}$/.test(id)) return null;
  const big = BigInt(id);
  if (big > 0xffffffffffffffffn) return null;
  const ms = Number(big >> 22n) + SNOWFLAKE_EPOCH_MS;
  // Ids from before snowflakes (sequential, small) give times in the first day: not a snowflake.
  if (ms < SNOWFLAKE_EPOCH_MS + 86_400_000 || ms > maxMs()) return null;
  return ms;
}

/** `YYYY-MM-DD[ T]HH:MM[:SS[.fff]]` (UTC) or `YYYY-MM-DD` in ms, or null. */
export function parseUtcDateTime(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/.exec(
    s,
  );
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0', frac = ''] = m.slice(1);
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(se),
    Number(frac.padEnd(3, '0').slice(0, 3)),
  );
  const t = new Date(ms);
  // Date.UTC rolls 2020-13-45 over into another date: refuse instead.
  if (
    t.getUTCMonth() !== Number(mo) - 1 ||
    t.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(se) > 59
  ) {
    return null;
  }
  return ms >= MIN_MS && ms <= maxMs() ? ms : null;
}

/**
 * A post time in ms from Unix seconds, Unix ms (numbers ≥ 1e11 are ms: 1e11 s is year 5138,
 * 1e11 ms is 1973), or ISO 8601 (UTC when no zone is given). Null when unparsable or implausible.
 */
export function parseTime(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^[0-9]+(\.[0-9]+)?$/.test(s)) {
    const n = Number(s);
    const ms = n >= 1e11 ? Math.round(n) : Math.round(n * 1000);
    return ms >= MIN_MS && ms <= maxMs() ? ms : null;
  }
  const plain = parseUtcDateTime(s);
  if (plain !== null) return plain;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) && ms >= MIN_MS && ms <= maxMs() ? ms : null;
  }
  return null;
}

/** A hashtag as an object id: NFKC, script unified, lower case, without the leading '#'. */
export function normaliseHashtag(raw: string): string {
  return unifyScript(raw.normalize('NFKC'))
    .toLowerCase()
    .replace(/^[#＃]+/, '')
    .trim();
}

/** True for the archive's "no value" markers. */
export function isMissing(s: string): boolean {
  return s === '' || s === 'absent' || s === 'None' || s === 'null' || s === 'NULL';
}

const dayCache = new Map<number, number | null>();

/** The digit at b[i], or a large negative number when it is not one. */
function digitAt(b: Uint8Array, i: number): number {
  const c = b[i]! - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * The archive's `YYYY-MM-DD HH:MM[:SS]` read straight from bytes (the hot path of a 10M-row
 * load); days are cached. Returns undefined when the bytes have another shape (then the caller
 * falls back to parseUtcDateTime), null when the shape is right but the date is not.
 */
export function parseArchiveTimeBytes(
  b: Uint8Array,
  s: number,
  e: number,
): number | null | undefined {
  const len = e - s;
  if (len !== 16 && len !== 19) return undefined;
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 10] !== 32 || b[s + 13] !== 58) return undefined;
  const ymd =
    digitAt(b, s + 0) * 10_000_000 +
    digitAt(b, s + 1) * 1_000_000 +
    digitAt(b, s + 2) * 100_000 +
    digitAt(b, s + 3) * 10_000 +
    digitAt(b, s + 5) * 1000 +
    digitAt(b, s + 6) * 100 +
    digitAt(b, s + 8) * 10 +
    digitAt(b, s + 9);
  const hh = digitAt(b, s + 11) * 10 + digitAt(b, s + 12);
  const mi = digitAt(b, s + 14) * 10 + digitAt(b, s + 15);
  let ss = 0;
  if (len === 19) {
    if (b[s + 16] !== 58) return undefined;
    ss = digitAt(b, s + 17) * 10 + digitAt(b, s + 18);
  }
  if (ymd < 0 || hh < 0 || mi < 0 || ss < 0) return undefined;
  if (hh > 23 || mi > 59 || ss > 59) return null;
  let day = dayCache.get(ymd);
  if (day === undefined) {
    const y = Math.floor(ymd / 10_000);
    const m = Math.floor(ymd / 100) % 100;
    const dd = ymd % 100;
    const ms = Date.UTC(y, m - 1, dd);
    const t = new Date(ms);
    day =
      t.getUTCFullYear() === y &&
      t.getUTCMonth() === m - 1 &&
      t.getUTCDate() === dd &&
      ms >= MIN_MS &&
      ms <= maxMs()
        ? ms
        : null;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(ymd, day);
  }
  return day === null ? null : day + hh * 3_600_000 + mi * 60_000 + ss * 1000;
}
