import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, Option } from 'commander';
import {
  computeCoSharePairs,
  dropCoShareTables,
  loadShareCsv,
  loadStoreShares,
  STORE_OBJECT_TYPES,
  writeCoSharePairs,
  type LoadedShares,
  type StoreObjectType,
} from '../coordination/index.ts';
import { notFoundError, usageError } from '../model/index.ts';
import { Store, withStore } from '../store/index.ts';
import { createProgress, dbOption, parseNonNegative, printJson } from './common.ts';

interface CoShareCliOptions {
  input?: string;
  db: string;
  object?: StoreObjectType;
  window: number;
  minParticipation: number;
  keepLoops?: boolean;
  dropDuplicates?: boolean;
  objectColumn: string;
  accountColumn: string;
  contentColumn: string;
  timeColumn: string;
  memoryLimit: string;
  out: string;
}

function parseInteger(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw usageError(`${name} must be an integer, got '${value}'`);
    return n;
  };
}

function parseMemoryLimit(value: string): string {
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim())) {
    throw usageError(`--memory-limit must be a size like 2GB or 500MB, got '${value}'`);
  }
  return value.trim();
}

/** `takedown coshare`: CooRTweet's co-share pairs from a share table or from the store. */
export function registerCoShare(program: Command): void {
  const cmd = program
    .command('coshare')
    .description(
      "write the pairs of shares of the same object within a time window, exactly as CooRTweet 2.1.3's " +
        'detect_groups does (one row per pair of shares, older share first)',
    )
    .option('--input <file>', 'CooRTweet share table: CSV (or .csv.gz) with object_id, account_id, content_id, timestamp_share (Unix seconds)')
    .addOption(
      new Option('--object <type>', 'without --input: co-share this kind of object from the database').choices([
        ...STORE_OBJECT_TYPES,
      ]),
    )
    .option('--window <seconds>', 'time window: two shares pair when |Δt| ≤ this many seconds', parseNonNegative('--window'), 10)
    .option(
      '--min-participation <n>',
      'accounts need at least this many rows overall, and among the paired contents, to count',
      parseInteger('--min-participation'),
      2,
    )
    .option('--keep-loops', "keep pairs of the same account, the same content, or the original post (CooRTweet's remove_loops = FALSE)")
    .option('--drop-duplicates', 'drop identical input rows first (CooRTweet itself counts them)')
    .option('--object-column <name>', 'column holding the object (URL, hashtag, image hash, retweeted post …)', 'object_id')
    .option('--account-column <name>', 'column holding the account', 'account_id')
    .option('--content-column <name>', 'column holding the post that shares the object', 'content_id')
    .option('--time-column <name>', 'column holding the time (Unix seconds or YYYY-MM-DD HH:MM:SS UTC)', 'timestamp_share')
    .option(
      '--memory-limit <size>',
      'DuckDB memory limit (e.g. 2GB, 500MB); beyond it work spills to a temporary directory',
      parseMemoryLimit,
      '2GB',
    )
    .requiredOption('--out <file>', 'where to write the pairs CSV')
    .addHelpText(
      'after',
      `
Output columns: object_id, content_id, content_id_y, time_delta, account_id, account_id_y
(content_id/account_id is the older share; time_delta in seconds). A JSON summary goes to stdout.

Rules (CooRTweet 2.1.3): accounts with fewer than N rows are dropped first; shares of the same
object pair when at most --window seconds apart (inclusive); loops are removed; then a pair stays
when either account has at least N rows among the paired contents.

Examples:
  takedown coshare --input russian_coord_tweets.csv.gz --window 60 --min-participation 2 --out pairs.csv
  takedown coshare --input german_elections_2021.csv.gz --object-column url_id --content-column post_id \\
      --time-column timestamp --drop-duplicates --out url-pairs.csv
  takedown coshare --db case.duckdb --object retweet --window 10 --out retweet-pairs.csv`,
    );
  dbOption(cmd).action(async (opts: CoShareCliOptions) => {
    if (opts.input === undefined && opts.object === undefined) {
      throw usageError('Give a share table with --input FILE, or an object type with --object to read the database');
    }
    const progress = createProgress();
    const started = Date.now();
    let shares = 0;
    const label = (step: string) => progress.update({ label: `coshare: ${step}`, done: shares, unit: 'shares' });
    const run = async (store: Store, load: () => Promise<LoadedShares>) => {
      label('read shares');
      const loaded = await load();
      shares = loaded.shares;
      const summary = await computeCoSharePairs(store, {
        windowSeconds: opts.window,
        minParticipation: opts.minParticipation,
        keepLoops: opts.keepLoops ?? false,
        unitsPerSecond: loaded.unitsPerSecond,
        onStep: label,
      });
      label('write pairs');
      await writeCoSharePairs(store, opts.out);
      await dropCoShareTables(store);
      progress.done({ label: 'coshare: done', done: summary.pairs, unit: 'pairs' });
      printJson({
        input: opts.input ?? { db: opts.db, object: opts.object },
        window: opts.window,
        minParticipation: opts.minParticipation,
        keepLoops: opts.keepLoops ?? false,
        rows: loaded.rows,
        skipped: loaded.skipped,
        duplicatesDropped: loaded.duplicates,
        shares: loaded.shares,
        ...summary,
        out: opts.out,
        seconds: (Date.now() - started) / 1000,
      });
    };
    if (opts.input !== undefined) {
      const input = opts.input;
      // An in-memory database whose overflow goes to a private temporary directory.
      const store = await Store.open(':memory:', { memoryLimit: opts.memoryLimit });
      const spill = mkdtempSync(path.join(os.tmpdir(), 'takedown-coshare-'));
      try {
        await store.run(`SET temp_directory = '${spill.replace(/'/g, "''")}'`);
        await run(store, () =>
          loadShareCsv(store, input, {
            columns: {
              object: opts.objectColumn,
              account: opts.accountColumn,
              content: opts.contentColumn,
              time: opts.timeColumn,
            },
            dropDuplicates: opts.dropDuplicates ?? false,
          }),
        );
      } finally {
        store.close();
        rmSync(spill, { recursive: true, force: true });
      }
    } else {
      const object = opts.object as StoreObjectType;
      if (!existsSync(opts.db)) throw notFoundError(`The database ${opts.db} does not exist; ingest data first or give --db`);
      await withStore(opts.db, (store) => run(store, () => loadStoreShares(store, object)), {
        memoryLimit: opts.memoryLimit,
      });
    }
  });
}
