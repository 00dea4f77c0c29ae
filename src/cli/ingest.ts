import type { Command } from 'commander';
import { dirname, basename, join, resolve } from 'node:path';
import {
  checkInputs,
  FORMATS,
  MAP_FIELDS,
  type FormatOption,
  ingestFiles,
  type IngestSummary,
  parseFieldMap,
} from '../ingest/index.ts';
import { OBJECT_TYPES, usageError } from '../model/index.ts';
import { withStore } from '../store/index.ts';
import { ingestMediaDir, type MediaIngestResult } from '../media/index.ts';
import { createProgress, dbOption, parsePositiveInt, printJson } from './common.ts';

const FIELD_HELP = Object.entries(MAP_FIELDS)
  .map(([f, d]) => `  ${f.padEnd(13)} ${d}`)
  .join('\n');

const HELP = `
Formats (detected from the header when --format is not given):
  io-archive  Twitter Information Operations archive: the tweets CSV (31 columns: tweetid,
              userid, …, tweet_time, …, hashtags, urls, user_mentions, poll_choices) and the
              users CSV (userid … account_language); split files (_1, _2) are given one by one.
  coortweet   CooRTweet share table: object_id, account_id, content_id, timestamp_share (Unix s).
              Objects get the type of --object-type (default "object").
  csv         any CSV with a header; columns named like the fields below map themselves,
              others with --map field=column.
  jsonl       one JSON object a line; --map field=key (dotted keys reach nested objects).
  stix        a STIX 2.1 bundle: user-account indicators and observables become tip-off seeds.
  Any file may be gzipped (.gz or not: the content decides).

Fields for --map:
${FIELD_HELP}

Output: one JSON object on stdout,
  {"files": [{file, format, platform, status, read, accepted, rejected, duplicates, quarantine}],
   "read", "accepted", "rejected", "duplicates", "quarantine"}
  with read = accepted + rejected + duplicates. A row is a duplicate when it adds nothing new
  (same post, object or account already stored, or repeated in the file). Rejected rows are
  written to <quarantine>/<file name>.jsonl as {file, line, reason, raw}.

Re-running on the same file adds nothing; an interrupted run resumes where it stopped.

Examples:
  takedown ingest iranian_tweets_csv_hashed_1.csv.gz iranian_tweets_csv_hashed_2.csv.gz iranian_users_csv_hashed.csv
  takedown ingest russian_coord_tweets.csv.gz --object-type retweet --platform twitter
  takedown ingest german_elections_2021.csv.gz \\
    --map post_id=post_id,account_id=account_id,time=timestamp,url=url_id,hashtag=hashtag_id,domain=domain_id,media=phash_id
  takedown ingest tipoff.json --format stix
`;

interface IngestCliOptions {
  db: string;
  format: string;
  map: string[];
  platform?: string;
  objectType: string;
  quarantine?: string;
  force?: boolean;
  batchRows?: number;
  memoryLimit: string;
  progress?: boolean;
  media?: string;
}

/** `takedown ingest FILE...`: loads platform exports into the database. */
export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description(
      'load platform exports (IO archive, CooRTweet, CSV/JSONL with a mapping, STIX seeds) into the database',
    )
    .argument('[files...]', 'input files (.csv, .jsonl, .json; optionally gzipped)')
    .option(
      '--media <dir>',
      'also hash (PDQ) the images in DIR that belong to stored posts: files named <post_id>.jpg, <post_id>_1.png … (the archive media layout)',
    )
    .option('--format <format>', `input format: ${FORMATS.join(', ')}`, 'auto')
    .option(
      '--map <field=column,...>',
      'map fields to columns (repeatable; see Fields below)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--platform <name>',
      'platform of the accounts (default: twitter for the IO archive, else unknown)',
    )
    .option(
      '--object-type <type>',
      `post_objects type of CooRTweet object_id / the "object" field (${OBJECT_TYPES.join(', ')})`,
      'object',
    )
    .option(
      '--quarantine <dir>',
      'directory for rejected rows (default: <db>.quarantine next to the database)',
    )
    .option('--force', 're-read files already ingested (still adds no duplicates)')
    .option(
      '--batch-rows <n>',
      'rows per committed batch (memory and crash-resume granularity)',
      parsePositiveInt('--batch-rows'),
      500_000,
    )
    .option('--memory-limit <size>', 'DuckDB memory limit; larger loads spill to <db>.tmp', '2GB')
    .addHelpText('after', HELP);
  dbOption(cmd).action(async (files: string[], opts: IngestCliOptions) => {
    const format = opts.format as FormatOption;
    if (!FORMATS.includes(format))
      throw usageError(`Unknown --format '${opts.format}'`, `Formats: ${FORMATS.join(', ')}`);
    if (!(OBJECT_TYPES as readonly string[]).includes(opts.objectType)) {
      throw usageError(
        `Unknown --object-type '${opts.objectType}'`,
        `Types: ${OBJECT_TYPES.join(', ')}`,
      );
    }
    const map = parseFieldMap(opts.map);
    if (files.length === 0 && opts.media === undefined)
      throw usageError('Give the files to ingest, or --media DIR to hash the images of stored posts');
    if (files.length > 0) checkInputs(files, { format, map });
    const inMemory = opts.db === ':memory:';
    const dbPath = resolve(opts.db);
    const quarantineDir =
      opts.quarantine ?? (inMemory ? resolve('takedown.quarantine') : `${dbPath}.quarantine`);
    const progress = createProgress();
    let last = { label: '', rows: 0, fraction: 0 };
    const empty: IngestSummary = { files: [], read: 0, accepted: 0, rejected: 0, duplicates: 0, quarantine: null };
    let media: MediaIngestResult | undefined;
    const summary = await withStore(
      opts.db,
      async (store) => {
        const ingested =
          files.length === 0
            ? empty
            : await ingestFiles(store, files, {
          format,
          map,
          ...(opts.platform === undefined ? {} : { platform: opts.platform }),
          objectType: opts.objectType,
          quarantineDir,
          ...(inMemory ? {} : { tempDir: join(dirname(dbPath), `${basename(dbPath)}.ingest-tmp`) }),
          force: opts.force === true,
          batchRows: opts.batchRows ?? 500_000,
          onProgress: (p) => {
            if (last.label !== '' && p.label !== last.label)
              progress.done({ label: last.label, done: last.rows, fraction: last.fraction });
            last = p;
            progress.update({ label: p.label, done: p.rows, fraction: p.fraction });
          },
        });
        if (opts.media !== undefined) media = await ingestMediaDir(store, opts.media);
        return ingested;
      },
      { memoryLimit: opts.memoryLimit },
    );
    if (last.label !== '')
      progress.done({ label: last.label, done: last.rows, fraction: last.fraction });
    printJson(media === undefined ? summary : { ...summary, media });
  });
}
