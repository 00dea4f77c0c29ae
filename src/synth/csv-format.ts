/** Cell formats of the Twitter Information Operations archive (RFC 4180 CSV, Python-repr lists). */
import { ARCHIVE_TWEET_COLUMNS, ARCHIVE_USER_COLUMNS } from '../model/index.ts';


const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 cell: quoted when it holds a comma, quote or line break; quotes doubled. */
export function toCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A Python-repr list of strings as the archive writes it: `['a', 'b']`, `[]`. */
export function toPythonList(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    if (i > 0) out += ', ';
    // Python switches to double quotes when the string holds a single quote and no double quote.
    if (v.includes("'") && !v.includes('"')) out += `"${v.replace(/\\/g, '\\\\')}"`;
    else out += `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  return out + ']';
}

/** `YYYY-MM-DD HH:MM` in UTC, the archive's tweet_time. */
export function formatMinute(ms: number): string {
  const d = new Date(ms);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A count as the archive writes it: an integer, or a float (`12.0`) in files written by pandas. */
export function formatCount(n: number, asFloat: boolean): string {
  return asFloat ? `${n}.0` : String(n);
}

/** Tweet CSV header (31 columns, archive order). */
export const TWEET_COLUMNS = ARCHIVE_TWEET_COLUMNS;

/** Users CSV header: the 10 account columns of the tweets file. */
export const USER_COLUMNS = ARCHIVE_USER_COLUMNS;
