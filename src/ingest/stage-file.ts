/**
 * A buffered writer of the clean CSV files DuckDB loads with read_csv (the staging step of a
 * batch): many small writes are gathered into one large buffer and written synchronously, which
 * is what lets the parser run at hundreds of thousands of rows a second.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 4 * 1024 * 1024;

export class StageFile {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends text (UTF-8). */
  text(s: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes: reserve that, not an exact count (no extra scan).
    const max = s.length * 3;
    if (this.used + max > this.buf.length) this.flush(max);
    this.used += this.buf.write(s, this.used);
  }

  /** Appends ASCII-only text (numbers, commas, newlines): no UTF-8 length scan needed. */
  ascii(s: string): void {
    if (this.used + s.length > this.buf.length) this.flush(s.length);
    this.used += this.buf.write(s, this.used, 'latin1');
  }

  /** Appends a non-negative integer in decimal (the line numbers and times of every row). */
  num(n: number): void {
    if (this.used + 24 > this.buf.length) this.flush(24);
    if (n === 0) {
      this.buf[this.used++] = 48;
      return;
    }
    let digits = 0;
    for (let x = n; x >= 1; x = Math.floor(x / 10)) digits++;
    let pos = this.used + digits;
    this.used = pos;
    for (let x = n; x >= 1; x = Math.floor(x / 10)) this.buf[--pos] = 48 + (x % 10);
  }

  /** Appends one byte. */
  byte(c: number): void {
    if (this.used + 1 > this.buf.length) this.flush(1);
    this.buf[this.used++] = c;
  }

  /** Appends raw bytes. */
  bytes(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.used + n > this.buf.length) this.flush(n);
    if (n < 64) for (let i = 0; i < n; i++) this.buf[this.used + i] = src[start + i]!;
    else src.copy(this.buf, this.used, start, end);
    this.used += n;
  }

  /** A CSV cell, always quoted (doubled quotes inside). */
  quoted(s: string): void {
    this.text(s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);
  }

  private flush(need = 0): void {
    if (this.used > 0) writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
    if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need * 2);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
