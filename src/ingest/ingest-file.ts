/**
 * `takedown ingest`: reads files of any supported format into the store, in batches.
 *
 * Crash safety: each batch is merged inside one transaction that also records, in
 * `ingest_files`, the last input line it covers (`committed_line`), the running counts and the
 * quarantine file's length. Killing the process loses at most the open batch; re-running the
 * same file finds its fingerprint with status `running`, skips the committed lines and goes on,
 * so totals equal a clean run and nothing is inserted twice. Batches (rather than one
 * transaction per file) keep memory bounded on multi-GB files and make progress durable.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Store } from '../store/index.ts';
import { usageError } from '../model/index.ts';
import { ArchiveTweetsReader, ArchiveUsersReader } from './archive-reader.ts';
import { Batch, type RowReader } from './batch.ts';
import { dropStage, loadStage, mergeStage } from './batch-merge.ts';
import { CsvScanner, type CsvRecord, Resync } from './csv-scanner.ts';
import { describeSource, openSource, readHead } from './file-source.ts';
import {
  type DetectedFormat,
  detectFormat,
  type FieldMap,
  type FormatOption,
  FORMATS,
  splitHeader,
} from './formats.ts';
import { MAX_RECORD_BYTES } from './limits.ts';
import { LineScanner } from './line-scanner.ts';
import { identityMap, JsonlReader, MappedCsvReader } from './mapped-reader.ts';
import { Quarantine, type Reject } from './quarantine.ts';
import { ingestStixSeeds } from './stix-seeds.ts';

export interface IngestOptions {
  /** --format (default auto). */
  format?: FormatOption;
  /** --map field=column. */
  map?: FieldMap;
  /** --platform (default: twitter for the archive, else unknown). */
  platform?: string;
  /** Object type of the `object` field / CooRTweet object_id (default `object`). */
  objectType?: string;
  /** Directory of the quarantine files. */
  quarantineDir: string;
  /** Directory for staging files (default: the OS temp dir). */
  tempDir?: string;
  /** Re-read files already ingested. */
  force?: boolean;
  /** Rows per committed batch (default 500,000). */
  batchRows?: number;
  onProgress?: (p: { label: string; rows: number; fraction: number }) => void;
}

export interface FileSummary {
  file: string;
  format: DetectedFormat;
  platform: string;
  /** ingested | resumed (completed an interrupted run) | already ingested (skipped; --force re-reads). */
  status: 'ingested' | 'resumed' | 'already ingested';
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  quarantine: string | null;
}

export interface IngestSummary {
  files: FileSummary[];
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  quarantine: string | null;
}

const DEFAULT_BATCH_ROWS = 500_000;

interface FileState {
  read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  committedLine: number;
  quarantineBytes: number;
}

/** Ingests several files in order; one summary with per-file and total counts. */
export async function ingestFiles(
  store: Store,
  paths: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  if (paths.length === 0) throw usageError('Give at least one FILE to ingest');
  if (options.format && !FORMATS.includes(options.format)) {
    throw usageError(`Unknown --format '${options.format}'`, `Formats: ${FORMATS.join(', ')}`);
  }
  // Fold pending schema changes (fresh migrations) into the database file before loading: DuckDB
  // 1.5 can fail to replay a WAL that holds DDL with DEFAULT expressions after a kill
  // (duckdb/duckdb#19712, #18259); with a checkpoint, the WAL of a killed ingest holds data only.
  if (store.path !== ':memory:') await store.checkpoint();
  // Row order inside the tables means nothing (every row has its source line); letting DuckDB
  // write in any order makes bulk inserts parallel and lighter on memory (DuckDB performance guide).
  await store.run('SET preserve_insertion_order = false');
  const files: FileSummary[] = [];
  try {
    for (const p of paths) files.push(await ingestFile(store, p, options));
  } finally {
    await store.run('RESET preserve_insertion_order');
  }
  const sum = (k: 'read' | 'accepted' | 'rejected' | 'duplicates'): number =>
    files.reduce((n, f) => n + f[k], 0);
  const anyRejects = files.some((f) => f.quarantine !== null);
  return {
    files,
    read: sum('read'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    duplicates: sum('duplicates'),
    quarantine: anyRejects ? options.quarantineDir : null,
  };
}

/**
 * Checks that each file exists and has a recognisable format, before anything is written (so a
 * typo in a file name does not leave an empty database behind). Returns the formats.
 */
export function checkInputs(
  paths: readonly string[],
  options: Pick<IngestOptions, 'format' | 'map'>,
): DetectedFormat[] {
  const hasMap = Object.keys(options.map ?? {}).length > 0;
  return paths.map((p) =>
    detectFormat(readHead(describeSource(p)), options.format ?? 'auto', hasMap, p),
  );
}

/** Ingests one file (resuming it if an earlier run was interrupted). */
export async function ingestFile(
  store: Store,
  path: string,
  options: IngestOptions,
): Promise<FileSummary> {
  const src = describeSource(path);
  const map = options.map ?? {};
  const hasMap = Object.keys(map).length > 0;
  const format = detectFormat(readHead(src), options.format ?? 'auto', hasMap, path);
  const platform =
    (options.platform ?? (format.startsWith('io-archive') ? 'twitter' : 'unknown')).trim() ||
    'unknown';
  const objectType = options.objectType ?? 'object';
  const quarantinePath = join(options.quarantineDir, `${basename(path)}.jsonl`);
  // The same bytes read with other options are another ingest.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([src.fingerprint, format, platform, map, objectType]))
    .digest('hex')
    .slice(0, 40);

  const prior = await store.one<{
    status: string;
    rows_read: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    committed_line: number;
    quarantine_bytes: number | null;
  }>(
    'SELECT status, rows_read, accepted, rejected, duplicates, committed_line, quarantine_bytes FROM ingest_files WHERE fingerprint = $1',
    [fingerprint],
  );
  const summary = (
    status: FileSummary['status'],
    st: FileState,
    quarantine: string | null,
  ): FileSummary => ({
    file: path,
    format,
    platform,
    status,
    read: st.read,
    accepted: st.accepted,
    rejected: st.rejected,
    duplicates: st.duplicates,
    quarantine,
  });
  if (prior?.status === 'done' && !options.force) {
    // Already ingested: nothing new can come from the same bytes.
    return summary(
      'already ingested',
      {
        read: prior.rows_read,
        accepted: 0,
        rejected: prior.rejected,
        duplicates: prior.rows_read - prior.rejected,
        committedLine: 0,
        quarantineBytes: 0,
      },
      prior.rejected > 0 && existsSync(quarantinePath) ? quarantinePath : null,
    );
  }
  const resuming = prior?.status === 'running';
  const state: FileState = resuming
    ? {
        read: prior.rows_read,
        accepted: prior.accepted,
        rejected: prior.rejected,
        duplicates: prior.duplicates,
        committedLine: prior.committed_line,
        quarantineBytes: prior.quarantine_bytes ?? 0,
      }
    : { read: 0, accepted: 0, rejected: 0, duplicates: 0, committedLine: 0, quarantineBytes: 0 };
  if (prior) {
    await store.run(
      `UPDATE ingest_files SET status = 'running', path = $2, rows_read = $3, accepted = $4, rejected = $5, duplicates = $6,
         committed_line = $7, quarantine_bytes = $8, quarantine_path = $9, finished_at = NULL WHERE fingerprint = $1`,
      [
        fingerprint,
        path,
        state.read,
        state.accepted,
        state.rejected,
        state.duplicates,
        state.committedLine,
        state.quarantineBytes,
        quarantinePath,
      ],
    );
  } else {
    await store.run(
      `INSERT INTO ingest_files (fingerprint, path, format, bytes, status, quarantine_path, quarantine_bytes)
       VALUES ($1, $2, $3, $4, 'running', $5, 0)`,
      [fingerprint, path, format, src.bytes, quarantinePath],
    );
  }
  const quarantine = new Quarantine(quarantinePath, path, state.quarantineBytes);

  if (format === 'stix') {
    const res = await ingestStixSeeds(store, path, src.bytes, options.platform ?? 'unknown');
    quarantine.addAll(res.rejects);
    const st: FileState = {
      read: res.read,
      accepted: res.accepted,
      rejected: res.rejects.length,
      duplicates: res.read - res.rejects.length - res.accepted,
      committedLine: 0,
      quarantineBytes: quarantine.bytes,
    };
    await finishFile(store, fingerprint, st);
    return summary(resuming ? 'resumed' : 'ingested', st, quarantine.close());
  }

  if (options.tempDir) mkdirSync(options.tempDir, { recursive: true });
  const workDir = mkdtempSync(join(options.tempDir ?? tmpdir(), 'takedown-ingest-'));
  try {
    const commitBatch = async (batch: Batch, reader: RowReader): Promise<void> => {
      let merged = { staged: 0, accepted: 0 };
      if (batch.rows > 0) await loadStage(store, reader, batch);
      await store.transaction(async (tx) => {
        if (batch.rows > 0) merged = await mergeStage(tx, reader, batch, platform, basename(path));
        // Rejects land in the quarantine file before the commit that counts them.
        quarantine.appendFile(batch.rejects.path);
        state.read += merged.staged + batch.rejectCount;
        state.rejected += batch.rejectCount;
        state.accepted += merged.accepted;
        state.duplicates += merged.staged - merged.accepted;
        state.committedLine = Math.max(state.committedLine, batch.lastLine);
        state.quarantineBytes = quarantine.bytes;
        await tx.run(
          `UPDATE ingest_files SET rows_read = $2, accepted = $3, rejected = $4, duplicates = $5, committed_line = $6,
             quarantine_bytes = $7 WHERE fingerprint = $1`,
          [
            fingerprint,
            state.read,
            state.accepted,
            state.rejected,
            state.duplicates,
            state.committedLine,
            state.quarantineBytes,
          ],
        );
      });
      if (batch.rows > 0) await dropStage(store);
      for (const f of [batch.main, batch.objects, batch.rejects]) rmSync(f.path, { force: true });
    };
    await readBatches(store, src, format, objectType, map, options, state, commitBatch, workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    if (options.tempDir) {
      try {
        rmdirSync(options.tempDir); // only when empty: another ingest may be using it
      } catch {
        /* not empty or already gone */
      }
    }
  }
  await finishFile(store, fingerprint, state);
  return summary(resuming ? 'resumed' : 'ingested', state, quarantine.close());
}

async function finishFile(store: Store, fingerprint: string, st: FileState): Promise<void> {
  await store.run(
    `UPDATE ingest_files SET status = 'done', rows_read = $2, accepted = $3, rejected = $4, duplicates = $5,
       quarantine_bytes = $6, finished_at = current_timestamp WHERE fingerprint = $1`,
    [fingerprint, st.read, st.accepted, st.rejected, st.duplicates, st.quarantineBytes],
  );
}

/** Streams the file through its reader, committing a batch every `batchRows` rows. */
async function readBatches(
  store: Store,
  src: ReturnType<typeof describeSource>,
  format: DetectedFormat,
  objectType: string,
  map: FieldMap,
  options: IngestOptions,
  state: FileState,
  commitBatch: (batch: Batch, reader: RowReader) => Promise<void>,
  workDir: string,
): Promise<void> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const source = basename(src.path);
  let batchNo = 0;
  let batch = new Batch(workDir, `b${batchNo}`);
  let reader: CsvRowReader | null = null;
  /** Says how SQL reads this file's staging files. */
  let stageReader: RowReader | null = null;
  let headerSeen = false;
  let rowsSeen = state.read;
  // Lines up to here were committed by an earlier, interrupted run.
  const resumeLine = state.committedLine;
  const reject = (r: Reject): void => batch.reject(src.path, r);

  const onRecord = (r: CsvRecord): Resync => {
    if (!headerSeen) {
      headerSeen = true;
      reader = makeCsvReader(
        format,
        splitHeader(r.buf.toString('utf8', r.start, r.end)),
        map,
        objectType,
      );
      stageReader = reader;
      return Resync.No;
    }
    const resync = r.lines > 1 && shouldResync(r, reader!);
    if (r.line <= resumeLine) return resync ? Resync.AfterFirstLine : Resync.No;
    if (resync) {
      reject({
        line: r.line,
        reason:
          r.error ?? 'unterminated quote or wrong column count (record runs over several lines)',
        raw: firstLine(r),
      });
      batch.lastLine = r.line;
      return Resync.AfterFirstLine;
    }
    if (reader!.read(r, batch, reject)) batch.rows++;
    batch.lastLine = r.line + r.lines - 1;
    return Resync.No;
  };

  // The previous batch merges in DuckDB's threads while JavaScript parses the next one.
  let inFlight: Promise<void> | null = null;
  const rotate = async (): Promise<void> => {
    const done = batch;
    done.close();
    rowsSeen += done.rows + done.rejectCount;
    batchNo++;
    batch = new Batch(workDir, `b${batchNo}`);
    if (inFlight) await inFlight;
    inFlight = commitBatch(done, stageReader!);
    // Mark it handled now: a failed merge must surface at the next await, not crash the process
    // as an unhandled rejection while the next batch is being parsed.
    inFlight.catch(() => undefined);
  };

  const { stream, bytesRead } = openSource(src);
  const label = `ingest ${source}`;
  const progress = (): void =>
    options.onProgress?.({
      label,
      rows: rowsSeen + batch.rows + batch.rejectCount,
      fraction: src.bytes > 0 ? bytesRead() / src.bytes : 1,
    });

  try {
    if (format === 'jsonl') {
      const jsonl = new JsonlReader(
        Object.keys(map).length > 0 ? map : identityJsonlMap(),
        objectType,
      );
      stageReader = jsonl.stager;
      const lines = new LineScanner(
        (line, bytes) => {
          if (line <= resumeLine) return;
          if (jsonl.read(line, bytes, batch, reject)) batch.rows++;
          batch.lastLine = line;
        },
        (line, head) => {
          if (line <= resumeLine) return;
          reject({
            line,
            reason: `oversize record: over ${MAX_RECORD_BYTES} bytes`,
            raw: head.toString('utf8'),
          });
          batch.lastLine = line;
        },
        MAX_RECORD_BYTES,
      );
      for await (const chunk of stream) {
        lines.push(chunk as Buffer);
        progress();
        if (batch.rows + batch.rejectCount >= batchRows) await rotate();
      }
      lines.finish();
    } else {
      const scanner = new CsvScanner(onRecord, { maxRecordBytes: MAX_RECORD_BYTES });
      for await (const chunk of stream) {
        scanner.push(chunk as Buffer);
        progress();
        if (batch.rows + batch.rejectCount >= batchRows) await rotate();
      }
      scanner.finish();
      if (!headerSeen) throw usageError(`${src.path} is empty: no header line`);
    }
    await rotate();
    if (inFlight) await inFlight;
    inFlight = null;
  } finally {
    // On an error, let a running merge finish (or fail) before the caller closes the store.
    if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
    batch.close();
  }
  progress();
}

/** A multi-line record the reader would reject: report its first line and rescan after it. */
function shouldResync(r: CsvRecord, reader: { columns: number }): boolean {
  if (r.error === 'unterminated quote') return true;
  return reader.columns !== undefined && r.fieldCount !== reader.columns;
}

function firstLine(r: CsvRecord): string {
  const nl = r.buf.indexOf(0x0a, r.start);
  const end = nl < 0 || nl > r.end ? r.end : nl;
  return r.buf.toString('utf8', r.start, Math.min(end, r.start + 8000)).replace(/\r$/, '');
}

function identityJsonlMap(): FieldMap {
  return identityMap([
    'post_id',
    'account_id',
    'time',
    'text',
    'retweet_of',
    'reply_to',
    'quote_of',
    'url',
    'hashtag',
    'domain',
    'media',
    'mention',
    'object',
    'display_name',
    'handle',
    'language',
  ]);
}

type CsvRowReader = RowReader & {
  read: (r: CsvRecord, b: Batch, rej: (r: Reject) => void) => boolean;
  columns: number;
};

function makeCsvReader(
  format: DetectedFormat,
  header: string[],
  map: FieldMap,
  objectType: string,
): CsvRowReader {
  const names = header.map((h) => h.toLowerCase());
  if (format === 'io-archive-tweets')
    return Object.assign(new ArchiveTweetsReader(names), { columns: names.length });
  if (format === 'io-archive-users')
    return Object.assign(new ArchiveUsersReader(names), { columns: names.length });
  const effective: FieldMap =
    format === 'coortweet' && Object.keys(map).length === 0
      ? {
          object: 'object_id',
          account_id: 'account_id',
          post_id: 'content_id',
          time: 'timestamp_share',
        }
      : Object.keys(map).length > 0
        ? map
        : identityMap(header);
  const mapped = new MappedCsvReader(header, effective, objectType);
  return {
    kind: 'posts',
    columns: header.length,
    stageSelect: () => mapped.stager.stageSelect(),
    read: (r, b, rej) => mapped.read(r, b, rej),
  };
}
