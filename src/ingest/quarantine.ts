/**
 * The quarantine file of one input: a JSONL line `{file, line, reason, raw}` per rejected row.
 * Written synchronously before each batch commits, and truncated back to the committed length
 * when an interrupted ingest resumes, so a reject is never listed twice.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Longest `raw` kept for a reject: enough to see the problem, bounded for hostile input. */
export const MAX_RAW_CHARS = 2000;

export interface Reject {
  line: number | null;
  reason: string;
  raw: string;
}

export class Quarantine {
  private fd: number | null = null;
  private pending: string[] = [];
  /** Bytes written so far (the resume point stored with each commit). */
  bytes: number;
  count = 0;

  constructor(
    readonly path: string,
    private readonly file: string,
    resumeBytes: number,
  ) {
    this.bytes = resumeBytes;
    if (existsSync(path)) {
      const size = statSync(path).size;
      if (size !== resumeBytes) {
        this.open();
        ftruncateSync(this.fd!, resumeBytes);
      }
    }
  }

  private open(): void {
    if (this.fd !== null) return;
    mkdirSync(dirname(this.path), { recursive: true });
    this.fd = openSync(this.path, existsSync(this.path) ? 'r+' : 'w');
  }

  add(r: Reject): void {
    const raw = r.raw.length > MAX_RAW_CHARS ? `${r.raw.slice(0, MAX_RAW_CHARS)}…` : r.raw;
    this.pending.push(`${JSON.stringify({ file: this.file, line: r.line, reason: r.reason, raw })}\n`);
    this.count++;
    if (this.pending.length >= 1000) this.flush();
  }

  /** Writes what is pending (called before a batch commits). */
  flush(): void {
    if (this.pending.length === 0) return;
    this.open();
    const data = Buffer.from(this.pending.join(''));
    this.pending = [];
    writeSync(this.fd!, data, 0, data.length, this.bytes);
    this.bytes += data.length;
  }

  /** Flushes and closes; removes the file when nothing was ever rejected. Returns its path or null. */
  close(): string | null {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.bytes === 0) {
      if (existsSync(this.path)) unlinkSync(this.path);
      return null;
    }
    return this.path;
  }
}
