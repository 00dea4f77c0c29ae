/**
 * The quarantine file of one input: a JSONL line `{file, line, reason, raw}` per rejected row.
 * Each batch's rejects are appended just before the batch commits, and the file is truncated
 * back to the committed length when an interrupted ingest resumes, so a reject is never listed
 * twice and never lost.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Longest `raw` kept for a reject: enough to see the problem, bounded for hostile input. */
export const MAX_RAW_CHARS = 2000;

export interface Reject {
  line: number | null;
  reason: string;
  raw: string;
}

export class Quarantine {
  /** Bytes written so far (the resume point stored with each commit). */
  bytes: number;

  constructor(
    readonly path: string,
    private readonly file: string,
    resumeBytes: number,
  ) {
    this.bytes = resumeBytes;
    if (existsSync(path) && statSync(path).size !== resumeBytes) truncateSync(path, resumeBytes);
  }

  /** Appends a file of JSONL rejects (a batch's). */
  appendFile(jsonlPath: string): void {
    if (!existsSync(jsonlPath) || statSync(jsonlPath).size === 0) return;
    // Copied in 1 MiB pieces: a batch of hostile rows must not be read into memory at once.
    const src = openSync(jsonlPath, 'r');
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    try {
      for (;;) {
        const n = readSync(src, chunk, 0, chunk.length, null);
        if (n <= 0) break;
        this.append(chunk.subarray(0, n));
      }
    } finally {
      closeSync(src);
    }
  }

  /** Appends rejects given directly (STIX bundles). */
  addAll(rejects: readonly Reject[]): void {
    const lines = rejects.map((r) => {
      const raw = r.raw.length > MAX_RAW_CHARS ? `${r.raw.slice(0, MAX_RAW_CHARS)}…` : r.raw;
      return `${JSON.stringify({ file: this.file, line: r.line, reason: r.reason, raw })}\n`;
    });
    this.append(Buffer.from(lines.join('')));
  }

  private append(data: Buffer): void {
    if (data.length === 0) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, existsSync(this.path) ? 'r+' : 'w');
    try {
      writeSync(fd, data, 0, data.length, this.bytes);
    } finally {
      closeSync(fd);
    }
    this.bytes += data.length;
  }

  /** The file's path, or null (and no file) when nothing was rejected. */
  close(): string | null {
    if (this.bytes === 0) {
      if (existsSync(this.path)) unlinkSync(this.path);
      return null;
    }
    return this.path;
  }
}
