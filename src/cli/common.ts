/** Small helpers shared by the command files: options, output, progress. */
import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../store/index.ts';
import { usageError } from '../model/index.ts';

/** Adds the `--db PATH` option every store-backed command takes. */
export function dbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'DuckDB database file', process.env['TAKEDOWN_DB'] ?? DEFAULT_DB_PATH);
}

/** Prints one JSON value on stdout. */
export function printJson(value: unknown, pretty = false): void {
  process.stdout.write(JSON.stringify(value, null, pretty ? 2 : undefined) + '\n');
}

/** Parses a positive integer option, with a message naming the option. */
export function parsePositiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw usageError(`${name} must be a positive integer, got '${value}'`);
    return n;
  };
}

/** Parses a non-negative number option. */
export function parseNonNegative(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw usageError(`${name} must be a number ≥ 0, got '${value}'`);
    return n;
  };
}

export interface ProgressEvent {
  /** What is being done, e.g. 'ingest tweets_1.csv'. */
  label: string;
  /** Units done so far (rows, posts, pairs…). */
  done: number;
  /** Total units if known. */
  total?: number;
  /** Fraction in [0,1] if known (e.g. from bytes read). */
  fraction?: number;
  unit?: string;
}

/**
 * A progress printer for stderr: at most a few lines a second, with rate and percentage.
 * Silent when stderr is not a terminal and TAKEDOWN_PROGRESS is not set, unless `force`.
 */
export function createProgress(options: { quiet?: boolean } = {}): {
  update: (e: ProgressEvent) => void;
  done: (e: ProgressEvent) => void;
} {
  const start = Date.now();
  let last = 0;
  const enabled = !options.quiet && (process.stderr.isTTY || process.env['TAKEDOWN_PROGRESS'] === '1');
  const line = (e: ProgressEvent): string => {
    const secs = Math.max((Date.now() - start) / 1000, 1e-3);
    const rate = Math.round(e.done / secs);
    const pct =
      e.fraction !== undefined
        ? ` ${(100 * e.fraction).toFixed(1)}%`
        : e.total
          ? ` ${((100 * e.done) / e.total).toFixed(1)}%`
          : '';
    // A stage without a count (unit '') shows only its name and the time so far.
    if (e.unit === '') return `${e.label} (${secs.toFixed(1)} s)`;
    return `${e.label}: ${e.done.toLocaleString('en-US')} ${e.unit ?? 'rows'}${pct} (${rate.toLocaleString('en-US')}/s, ${secs.toFixed(1)} s)`;
  };
  return {
    update(e) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      process.stderr.write(`\r${line(e)}\x1b[K`);
    },
    done(e) {
      if (!enabled) return;
      process.stderr.write(`\r${line(e)}\x1b[K\n`);
    },
  };
}
