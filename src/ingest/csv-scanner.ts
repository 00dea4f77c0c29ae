/**
 * A byte-level, streaming RFC 4180 CSV scanner. It finds records and field boundaries in raw
 * bytes (comma, quote, CR and LF are single bytes in UTF-8, so no decoding is needed to split),
 * counts physical lines so every record knows the line it starts on (records may span lines
 * inside quotes), and reports malformed records instead of guessing. Decoding is left to the
 * caller, field by field, which keeps the hot loop on a Uint8Array.
 *
 * Recovery: a record that is unterminated (a quote never closed within `maxRecordBytes`) or that
 * spans several lines and is rejected by the caller is reported on its first line only, and
 * scanning restarts on the next physical line, so one stray quote does not swallow a file.
 */

import { isUtf8 } from 'node:buffer';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Structural errors the scanner itself detects. */
export type CsvError =
  | 'unterminated quote'
  | 'quote inside an unquoted field'
  | 'text after a closing quote'
  | 'bare carriage return'
  | 'record too large'
  | 'too many fields';

/** One record, valid until the callback returns (its buffer is reused). */
export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  /** Physical lines the record spans. */
  lines: number;
  buf: Buffer;
  /** Byte range of the record without its line terminator. */
  start: number;
  end: number;
  fieldCount: number;
  /** Content byte ranges of each field (inside the quotes for quoted fields). */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the quoted field holds doubled quotes ("") to unescape. */
  escaped: Uint8Array;
  error: CsvError | null;
  /** True when the record's bytes are known to be valid UTF-8 (checked for the whole chunk). */
  utf8: boolean;
}

/** What the callback asks of the scanner after a record. */
export const enum Resync {
  /** Go on after this record. */
  No = 0,
  /** Treat only the record's first physical line as consumed and rescan from the next line. */
  AfterFirstLine = 1,
}

export interface CsvScannerOptions {
  /** Records longer than this are errors (default 4 MiB). */
  maxRecordBytes?: number;
  /** Records with more fields are errors (default 512). */
  maxFields?: number;
}

/** Decodes field `k` of a record as UTF-8 text, unescaping doubled quotes. */
export function fieldText(r: CsvRecord, k: number): string {
  const s = r.buf.toString('utf8', r.starts[k]!, r.ends[k]!);
  return r.escaped[k] === 1 ? s.replaceAll('""', '"') : s;
}

/** Byte length of field `k`. */
export function fieldBytes(r: CsvRecord, k: number): number {
  return r.ends[k]! - r.starts[k]!;
}

/** The record as text (invalid UTF-8 replaced), truncated to `max` characters, for quarantine. */
export function recordText(r: CsvRecord, max = 2000): string {
  const end = Math.min(r.end, r.start + max * 4);
  const s = r.buf.toString('utf8', r.start, end);
  return s.length > max ? s.slice(0, max) : s;
}

/**
 * Push-style scanner: feed chunks with `push`, then `finish`. `onRecord` is called for every
 * non-empty record in order.
 */
export class CsvScanner {
  private pending: Buffer | null = null;
  private line = 1;
  private first = true;
  /** When a line longer than maxRecordBytes is being skipped: its first line number. */
  private skippingFrom = 0;
  /** Bytes of the current buffer before this offset are valid UTF-8. */
  private utf8Until = -1;
  private readonly maxRecordBytes: number;
  private readonly maxFields: number;
  private readonly rec: CsvRecord;

  constructor(
    private readonly onRecord: (r: CsvRecord) => Resync,
    options: CsvScannerOptions = {},
  ) {
    this.maxRecordBytes = options.maxRecordBytes ?? 4 * 1024 * 1024;
    this.maxFields = options.maxFields ?? 512;
    this.rec = {
      line: 0,
      lines: 1,
      buf: Buffer.alloc(0),
      start: 0,
      end: 0,
      fieldCount: 0,
      starts: new Int32Array(this.maxFields + 1),
      ends: new Int32Array(this.maxFields + 1),
      escaped: new Uint8Array(this.maxFields + 1),
      error: null,
      utf8: false,
    };
  }

  /** Physical lines fully consumed so far. */
  get linesConsumed(): number {
    return this.line - 1;
  }

  push(chunk: Buffer): void {
    let buf =
      this.pending && this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (this.first) {
      if (buf.length < 3 && buf.length > 0 && buf[0] === 0xef) {
        this.pending = Buffer.from(buf);
        return;
      }
      this.first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    this.scan(buf, false);
  }

  finish(): void {
    const buf = this.pending ?? Buffer.alloc(0);
    this.pending = null;
    this.first = false;
    if (buf.length > 0) this.scan(buf, true);
  }

  private scan(buf: Buffer, atEof: boolean): void {
    let pos = 0;
    const len = buf.length;
    // One native UTF-8 check for all complete lines of the chunk (it ends on a newline, so never
    // inside a character); records then need no check of their own.
    const lastNl = buf.lastIndexOf(LF);
    this.utf8Until = lastNl >= 0 && isUtf8(buf.subarray(0, lastNl)) ? lastNl : -1;
    if (this.skippingFrom > 0) {
      const nl = buf.indexOf(LF, 0);
      if (nl < 0) return;
      pos = nl + 1;
      this.line++;
      this.skippingFrom = 0;
    }
    while (pos < len) {
      const next = this.scanRecord(buf, pos, atEof);
      if (next === -1) {
        // Incomplete record: keep its bytes for the next chunk, unless it is already too long.
        if (len - pos > this.maxRecordBytes) {
          this.rejectOversize(buf, pos);
          return;
        }
        this.pending = Buffer.from(buf.subarray(pos));
        return;
      }
      pos = next;
    }
  }

  /** A record that outgrew maxRecordBytes before its end. */
  private rejectOversize(buf: Buffer, pos: number): void {
    const r = this.rec;
    const firstNl = buf.indexOf(LF, pos);
    r.buf = buf;
    r.start = pos;
    r.end = Math.min(buf.length, pos + 4096);
    r.fieldCount = 0;
    r.line = this.line;
    r.lines = 1;
    r.error = firstNl >= 0 ? 'unterminated quote' : 'record too large';
    r.utf8 = false;
    this.onRecord(r);
    if (firstNl >= 0) {
      // In quotes across lines: restart on the next physical line.
      this.line++;
      this.scan(buf.subarray(firstNl + 1), false);
    } else {
      this.skippingFrom = this.line;
    }
  }

  /**
   * Scans one record starting at `pos`. Returns the position after its terminator, or -1 when
   * the buffer ends first (and more input may come).
   */
  private scanRecord(buf: Buffer, pos: number, atEof: boolean): number {
    const r = this.rec;
    const len = buf.length;
    let i = pos;
    let f = 0;
    let lines = 1;
    let error: CsvError | null = null;
    let recordEnd = -1;
    let next = -1;
    for (;;) {
      if (f >= this.maxFields) {
        error = 'too many fields';
        f = this.maxFields - 1;
      }
      if (i < len && buf[i] === QUOTE) {
        // Quoted field: find the closing quote with native search.
        let j = i + 1;
        let escaped = 0;
        let closeAt = -1;
        for (;;) {
          const q = buf.indexOf(QUOTE, j);
          if (q < 0) break;
          if (q + 1 < len && buf[q + 1] === QUOTE) {
            escaped = 1;
            j = q + 2;
            continue;
          }
          if (q + 1 >= len && !atEof) break; // cannot tell "" from " yet
          closeAt = q;
          break;
        }
        if (closeAt < 0) {
          if (!atEof) return -1;
          return this.emitUnterminated(buf, pos);
        }
        for (let k = buf.indexOf(LF, i + 1); k >= 0 && k < closeAt; k = buf.indexOf(LF, k + 1))
          lines++;
        r.starts[f] = i + 1;
        r.ends[f] = closeAt;
        r.escaped[f] = escaped;
        f++;
        i = closeAt + 1;
        if (i < len && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) {
          error ??= 'text after a closing quote';
          while (i < len && buf[i] !== COMMA && buf[i] !== LF) i++;
        }
      } else {
        const s = i;
        while (i < len) {
          const c = buf[i]!;
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) error ??= 'quote inside an unquoted field';
          i++;
        }
        r.starts[f] = s;
        r.ends[f] = i;
        r.escaped[f] = 0;
        f++;
      }
      if (i >= len) {
        if (!atEof) return -1;
        recordEnd = len;
        next = len;
        break;
      }
      const c = buf[i]!;
      if (c === COMMA) {
        i++;
        if (i >= len && !atEof) return -1;
        continue;
      }
      if (c === LF) {
        recordEnd = i;
        next = i + 1;
        break;
      }
      // CR: must be followed by LF.
      if (i + 1 >= len && !atEof) return -1;
      if (buf[i + 1] === LF) {
        recordEnd = i;
        next = i + 2;
        break;
      }
      error ??= 'bare carriage return';
      i++;
      while (i < len && buf[i] !== LF) i++;
      if (i >= len && !atEof) return -1;
      recordEnd = i;
      next = Math.min(i + 1, len);
      break;
    }
    const line = this.line;
    this.line += lines;
    if (recordEnd === pos && f === 1) return next; // blank line
    r.buf = buf;
    r.start = pos;
    r.end = recordEnd;
    r.fieldCount = f;
    r.line = line;
    r.lines = lines;
    r.error = error;
    r.utf8 = recordEnd <= this.utf8Until;
    if (this.onRecord(r) === Resync.AfterFirstLine && lines > 1) {
      this.line = line + 1;
      return buf.indexOf(LF, pos) + 1;
    }
    return next;
  }

  /** At end of input inside quotes: report the first line, rescan from the next. */
  private emitUnterminated(buf: Buffer, pos: number): number {
    const r = this.rec;
    const nl = buf.indexOf(LF, pos);
    r.buf = buf;
    r.start = pos;
    r.end = nl < 0 ? buf.length : nl;
    r.fieldCount = 0;
    r.line = this.line;
    r.lines = 1;
    r.error = 'unterminated quote';
    r.utf8 = false;
    this.onRecord(r);
    this.line++;
    return nl < 0 ? buf.length : nl + 1;
  }
}
