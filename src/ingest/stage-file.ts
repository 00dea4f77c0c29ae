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
    const max = Buffer.byteLength(s) ;
    if (this.used + max > this.buf.length) this.flush(max);
    this.used += this.buf.write(s, this.used);
  }

  /** Appends raw bytes. */
  bytes(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (this.used + n > this.buf.length) this.flush(n);
    src.copy(this.buf, this.used, start, end);
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
