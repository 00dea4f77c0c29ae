/**
 * Streams tweets.csv (or tweets_1.csv, tweets_2.csv… with a row limit per file) through a
 * small string buffer and synchronous writes: memory stays flat whatever the sample size.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { TWEET_COLUMNS } from './csv-format.ts';

const FLUSH_CHARS = 1 << 20;

export class TweetFileWriter {
  private readonly dir: string;
  private readonly splitRows: number | undefined;
  private fd = -1;
  private part = 0;
  private rowsInPart = 0;
  private buffer = '';
  /** Files written so far (names relative to the output directory). */
  readonly files: string[] = [];
  rows = 0;
  bytes = 0;

  constructor(dir: string, splitRows?: number) {
    this.dir = dir;
    this.splitRows = splitRows;
  }

  /** Appends one CSV line (with its trailing newline). */
  write(line: string): void {
    if (this.fd < 0 || (this.splitRows !== undefined && this.rowsInPart >= this.splitRows))
      this.openNext();
    this.buffer += line;
    this.rowsInPart++;
    this.rows++;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  /** Flushes and closes the current file; writes an empty file with a header if no row came. */
  close(): void {
    if (this.fd < 0) this.openNext();
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }

  private openNext(): void {
    if (this.fd >= 0) {
      this.flush();
      closeSync(this.fd);
    }
    this.part++;
    const name = this.splitRows === undefined ? 'tweets.csv' : `tweets_${this.part}.csv`;
    this.files.push(name);
    this.fd = openSync(join(this.dir, name), 'w');
    this.rowsInPart = 0;
    this.buffer += TWEET_COLUMNS.join(',') + '\n';
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    let off = 0;
    while (off < chunk.length) off += writeSync(this.fd, chunk, off);
    this.bytes += chunk.length;
  }
}
