import type { Command } from 'commander';
import { generateSample, SYNTH_DEFAULTS } from '../synth/index.ts';
import { usageError } from '../model/index.ts';
import { createProgress, parsePositiveInt, printJson } from './common.ts';

interface SynthCliOptions {
  out: string;
  seed: number;
  accounts: number;
  days: number;
  posts?: number;
  splitRows?: number;
  start: string;
  corpus?: string;
}

/** `takedown synth`: a realistic archive-format sample with planted operations and truth.json. */
export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description(
      'write a realistic sample (tweets.csv, users.csv in the Information Operations archive format) with planted operations, and truth.json',
    )
    .requiredOption('--out <dir>', 'output directory')
    .option('--seed <n>', 'random seed (same seed, same bytes)', parseSeed, SYNTH_DEFAULTS.seed)
    .option(
      '--accounts <n>',
      'number of accounts',
      parsePositiveInt('--accounts'),
      SYNTH_DEFAULTS.accounts,
    )
    .option('--days <n>', 'number of days', parsePositiveInt('--days'), SYNTH_DEFAULTS.days)
    .option(
      '--posts <n>',
      'target number of posts (default about 1.5 per account and day)',
      parsePositiveInt('--posts'),
    )
    .option(
      '--split-rows <n>',
      'rows per tweets file: tweets_1.csv, tweets_2.csv…',
      parsePositiveInt('--split-rows'),
    )
    .option('--start <date>', 'first day (YYYY-MM-DD, UTC)', SYNTH_DEFAULTS.start)
    .option(
      '--corpus <dir>',
      'folder of .jsonl sentences ({"lang","text"}) to mix into organic posts',
    )
    .action((opts: SynthCliOptions) => {
      const progress = createProgress();
      const summary = generateSample({
        outDir: opts.out,
        seed: opts.seed,
        accounts: opts.accounts,
        days: opts.days,
        start: opts.start,
        ...(opts.posts === undefined ? {} : { posts: opts.posts }),
        ...(opts.splitRows === undefined ? {} : { splitRows: opts.splitRows }),
        ...(opts.corpus === undefined ? {} : { corpus: opts.corpus }),
        onProgress: (done, fraction) =>
          progress.update({ label: 'synth', done, fraction, unit: 'posts' }),
      });
      progress.done({ label: 'synth', done: summary.posts, fraction: 1, unit: 'posts' });
      const { truth: _truth, ...rest } = summary;
      printJson(rest);
    });
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw usageError(`--seed must be an integer between 0 and 4294967295, got '${value}'`);
  return n;
}
