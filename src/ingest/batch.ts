/**
 * One batch of an ingest: the clean staging files a reader writes (posts or accounts, and the
 * objects of those posts), and what the reader must provide for them. Readers validate every
 * row in JavaScript (so each reject has its physical line) and pass clean rows to DuckDB through
 * these files; all typing, deduplication and set work then happens in SQL (batch-merge.ts).
 */
import { join } from 'node:path';
import { StageFile } from './stage-file.ts';
import type { Reject } from './quarantine.ts';

export class Batch {
  readonly main: StageFile;
  readonly objects: StageFile;
  /** Rows staged in this batch. */
  rows = 0;
  /** Object rows staged in this batch. */
  objectCount = 0;
  /** Last physical line read into this batch. */
  lastLine = 0;

  constructor(dir: string, id: string) {
    this.main = new StageFile(join(dir, `${id}-main.csv`));
    this.objects = new StageFile(join(dir, `${id}-objects.csv`));
  }

  /** Adds one object of the row at `line` (`raw` when it differs from the id). */
  object(line: number, type: string, id: string, raw: string | null): void {
    const o = this.objects;
    this.objectCount++;
    o.text(`${line},`);
    o.quoted(type);
    o.text(',');
    o.quoted(id);
    o.text(',');
    if (raw !== null && raw !== id) o.quoted(raw);
    o.text('\n');
  }

  close(): void {
    this.main.close();
    this.objects.close();
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
