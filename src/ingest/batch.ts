/**
 * One batch of an ingest: the clean staging files a reader writes (posts or accounts, and the
 * objects of those posts), and what the reader must provide for them. Readers validate every
 * row in JavaScript (so each reject has its physical line) and pass clean rows to DuckDB through
 * these files; all typing, deduplication and set work then happens in SQL (batch-merge.ts).
 */
import { join } from 'node:path';
import { StageFile } from './stage-file.ts';
import { MAX_RAW_CHARS, type Reject } from './quarantine.ts';

export class Batch {
  readonly main: StageFile;
  readonly objects: StageFile;
  /** Rejects of this batch (JSONL), appended to the quarantine file when the batch commits. */
  readonly rejects: StageFile;
  rejectCount = 0;
  /** Rows staged in this batch. */
  rows = 0;
  /** Object rows staged in this batch. */
  objectCount = 0;
  private rowLine = -1;
  private readonly rowKeys = new Set<string>();
  /** Last physical line read into this batch. */
  lastLine = 0;

  constructor(dir: string, id: string) {
    this.main = new StageFile(join(dir, `${id}-main.csv`));
    this.objects = new StageFile(join(dir, `${id}-objects.csv`));
    this.rejects = new StageFile(join(dir, `${id}-rejects.jsonl`));
  }

  /** Records a rejected row of `file`. */
  reject(file: string, r: Reject): void {
    const raw = r.raw.length > MAX_RAW_CHARS ? `${r.raw.slice(0, MAX_RAW_CHARS)}…` : r.raw;
    this.rejects.text(`${JSON.stringify({ file, line: r.line, reason: r.reason, raw })}\n`);
    this.rejectCount++;
  }

  /** Adds one object of the row at `line` (`raw` when it differs from the id). */
  object(line: number, type: string, id: string, raw: string | null): void {
    // One object per (row, type, id): a row listing the same link twice shares it once, which
    // lets the merge skip deduplication when no post repeats in the batch.
    if (line !== this.rowLine) {
      this.rowLine = line;
      this.rowKeys.clear();
    }
    const key = `${type}\u0000${id}`;
    if (this.rowKeys.has(key)) return;
    this.rowKeys.add(key);
    const o = this.objects;
    this.objectCount++;
    o.num(line);
    o.byte(0x2c);
    o.ascii(type);
    o.byte(0x2c);
    o.quoted(id);
    if (raw !== null && raw !== id) {
      o.ascii(',');
      o.quoted(raw);
      o.ascii('\n');
    } else o.ascii(',\n');
  }

  close(): void {
    this.main.close();
    this.objects.close();
    this.rejects.close();
  }
}

/** What the merge step does with a batch. */
export type StageKind = 'posts' | 'accounts';

/** A reader of one file format: validates records into a batch, says how SQL reads the batch. */
export interface RowReader {
  readonly kind: StageKind;
  /**
   * SQL (a SELECT) turning the main staging file ($path) into the stage table's columns, see
   * batch-merge.ts. Column names in it come from code, never from the input.
   */
  stageSelect(): string;
}

export type RejectFn = (r: Reject) => void;
