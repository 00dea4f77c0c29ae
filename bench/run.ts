/**
 * `npm run bench`: runs the pipeline's stages as child processes of the real CLI
 * (`bin/takedown.js`, with TAKEDOWN_STATS=1) at each size and reports wall time, rows/s and peak
 * RSS per stage. Stages whose command is not (yet) in `takedown --help` are skipped with a note.
 * Work data lives in a temporary directory that is removed afterwards; results are written to
 * bench/results/latest.json and bench/results/latest.md.
 *
 *   npm run bench                       # sizes 1m,10m
 *   npm run bench -- --sizes 100k       # a quick check
 *   npm run bench -- --sizes 1m --stages coshare-csv --keep-data
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeShareTable } from './share-table-generator.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'takedown.js');

interface StageResult {
  size: string;
  stage: string;
  rows: number | null;
  wallSeconds: number | null;
  rowsPerSecond: number | null;
  maxRssBytes: number | null;
  /** User + system CPU time of the child: less sensitive than wall time to other load on the machine. */
  cpuSeconds: number | null;
  note: string;
}

interface Run {
  code: number;
  wallSeconds: number;
  maxRssBytes: number | null;
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
}

const ALL_STAGES = ['share-gen', 'coshare-csv', 'synth', 'ingest', 'coshare-db', 'detect', 'classify'] as const;

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`Not a size: '${text}' (use e.g. 100k, 1m, 10m)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[m[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(m[1]) * factor);
}

function parseArgs(argv: string[]): { sizes: string[]; stages: Set<string>; keepData: boolean; seed: number } {
  let sizes = ['1m', '10m'];
  let stages = new Set<string>(ALL_STAGES);
  let keepData = false;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') sizes = next().split(',').filter(Boolean);
    else if (a === '--stages') stages = new Set(next().split(',').filter(Boolean));
    else if (a === '--keep-data') keepData = true;
    else if (a === '--seed') seed = Number(next());
    else if (a === '--stage-timeout') stageTimeoutSeconds = Number(next());
    else if (a === '--help' || a === '-h') {
      console.log(
        'Usage: npm run bench -- [--sizes 100k,1m,10m] [--stages ' +
          ALL_STAGES.join(',') +
          '] [--seed N] [--stage-timeout SECONDS (3600)] [--keep-data]\nSee bench/README.md.',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${a} (see --help)`);
  }
  for (const s of sizes) parseSize(s);
  for (const s of stages) if (!(ALL_STAGES as readonly string[]).includes(s)) throw new Error(`Unknown stage ${s}`);
  return { sizes, stages, keepData, seed };
}

// What to clean up if the bench is interrupted: the running child and the work directory.
let currentChild: ReturnType<typeof spawn> | null = null;
let currentWork: string | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    currentChild?.kill('SIGTERM');
    if (currentWork) rmSync(currentWork, { recursive: true, force: true });
    console.error(`[bench] interrupted (${signal}); work directory removed`);
    process.exit(130);
  });
}

/** Runs the CLI with TAKEDOWN_STATS=1 and returns its wall time and peak RSS. */
let stageTimeoutSeconds = 3600;

function runCli(args: string[], options: { stdoutFile?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // Large outputs (classify) go straight to a file; small ones (JSON summaries) are read.
    const fd = options.stdoutFile ? openSync(options.stdoutFile, 'w') : null;
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, TAKEDOWN_STATS: '1', TAKEDOWN_PROGRESS: '0' },
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
    });
    currentChild = child;
    // A stage that runs past --stage-timeout is stopped and reported, so one slow stage cannot hold the run.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, stageTimeoutSeconds * 1000);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      if (stdout.length < 1 << 20) stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
    });
    child.on('error', reject);
    child.on('close', (code) => {
      currentChild = null;
      clearTimeout(timer);
      if (timedOut) stderr += `\nstopped after --stage-timeout ${stageTimeoutSeconds} s\n`;
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const m = /TAKEDOWN_STATS (\{.*\})/.exec(stderr);
      let maxRssBytes: number | null = null;
      let cpuSeconds: number | null = null;
      if (m) {
        const stats = JSON.parse(m[1]!) as { maxRssBytes: number; userCpuMs: number; systemCpuMs: number };
        maxRssBytes = stats.maxRssBytes;
        cpuSeconds = (stats.userCpuMs + stats.systemCpuMs) / 1000;
      }
      if (fd !== null) closeSync(fd);
      resolve({ code: code ?? 1, wallSeconds, maxRssBytes, cpuSeconds, stdout, stderr });
    });
  });
}

async function availableCommands(): Promise<Set<string>> {
  const run = await runCli(['--help']);
  const names = new Set<string>();
  let inCommands = false;
  for (const line of run.stdout.split('\n')) {
    if (/^Commands:/.test(line)) inCommands = true;
    else if (inCommands) {
      const m = /^ {2}(\S+)/.exec(line);
      if (m) names.add(m[1]!);
    }
  }
  return names;
}

function lastError(run: Run): string {
  const lines = run.stderr
    .split('\n')
    // The CLI's hint to rerun with --verbose says nothing about the failure; the line above it does.
    .filter((l) => l.trim() !== '' && !l.startsWith('TAKEDOWN_STATS') && !l.startsWith('(run again'));
  // A crash of Node itself ends with native stack frames: its cause is the FATAL ERROR line above.
  const fatal = lines.findLast((l) => /FATAL ERROR|out of memory/i.test(l));
  return (fatal ?? lines.at(-1) ?? `exit code ${run.code}`).slice(0, 200);
}

function formatBytes(b: number | null): string {
  return b === null ? '–' : `${(b / 1024 / 1024).toFixed(0)} MB`;
}
function formatNumber(n: number | null, digits = 0): string {
  return n === null ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function toMarkdown(results: StageResult[], meta: Record<string, unknown>): string {
  const lines = [
    '# Benchmark results',
    '',
    `Run ${String(meta['date'])} on ${String(meta['cpus'])} CPUs (${String(meta['cpuModel'])}), ${formatBytes(meta['totalMemoryBytes'] as number)} RAM, Node ${String(meta['node'])}; load average ${JSON.stringify(meta['loadAverage'])}.`,
    '',
    '| size | stage | rows | wall (s) | CPU (s) | rows/s | peak RSS | note |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.size} | ${r.stage} | ${formatNumber(r.rows)} | ${formatNumber(r.wallSeconds, 1)} | ${formatNumber(r.cpuSeconds, 1)} | ${formatNumber(r.rowsPerSecond)} | ${formatBytes(r.maxRssBytes)} | ${r.note} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

function printTable(results: StageResult[]): void {
  const header = ['size', 'stage', 'rows', 'wall s', 'CPU s', 'rows/s', 'peak RSS', 'note'];
  const rows = results.map((r) => [
    r.size,
    r.stage,
    formatNumber(r.rows),
    formatNumber(r.wallSeconds, 1),
    formatNumber(r.cpuSeconds, 1),
    formatNumber(r.rowsPerSecond),
    formatBytes(r.maxRssBytes),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(fmt(header));
  for (const r of rows) console.log(fmt(r));
}

async function main(): Promise<void> {
  const { sizes, stages, keepData, seed } = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0];
  const commands = await availableCommands();
  const results: StageResult[] = [];
  const record = (r: StageResult) => {
    results.push(r);
    const shown = r.wallSeconds === null ? r.note : `${r.wallSeconds.toFixed(1)} s, ${formatNumber(r.rowsPerSecond)} rows/s, ${formatBytes(r.maxRssBytes)}${r.note ? ` (${r.note})` : ''}`;
    console.error(`[bench] ${r.size} ${r.stage}: ${shown}`);
  };
  const skip = (size: string, stage: string, note: string) =>
    record({ size, stage, rows: null, wallSeconds: null, rowsPerSecond: null, maxRssBytes: null, cpuSeconds: null, note });
  const measured = (size: string, stage: string, rows: number | null, run: Run, note = ''): boolean => {
    if (run.code !== 0) {
      record({ size, stage, rows, wallSeconds: run.wallSeconds, rowsPerSecond: null, maxRssBytes: run.maxRssBytes, cpuSeconds: run.cpuSeconds, note: `failed: ${lastError(run)}` });
      return false;
    }
    record({
      size,
      stage,
      rows,
      wallSeconds: run.wallSeconds,
      rowsPerSecond: rows === null ? null : rows / run.wallSeconds,
      maxRssBytes: run.maxRssBytes,
      cpuSeconds: run.cpuSeconds,
      note,
    });
    return true;
  };

  for (const size of sizes) {
    const n = parseSize(size);
    const work = mkdtempSync(path.join(os.tmpdir(), `takedown-bench-${size}-`));
    currentWork = keepData ? null : work;
    console.error(`[bench] ${size}: work directory ${work}`);
    try {
      // 1. coshare on a generated CooRTweet share table: needs no other stage.
      const shares = path.join(work, 'shares.csv');
      if (stages.has('share-gen') || stages.has('coshare-csv')) {
        const started = process.hrtime.bigint();
        const summary = await writeShareTable(shares, n, seed);
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        record({
          size,
          stage: 'share-gen',
          rows: n,
          wallSeconds: secs,
          rowsPerSecond: n / secs,
          maxRssBytes: null,
          cpuSeconds: null,
          note: `setup, in the bench process: ${formatNumber(summary.objects)} objects, ${formatNumber(summary.accounts)} accounts, ${(statSync(shares).size / 1e6).toFixed(0)} MB CSV`,
        });
      }
      if (stages.has('coshare-csv')) {
        const run = await runCli([
          'coshare', '--input', shares, '--window', '10', '--min-participation', '2', '--out', path.join(work, 'pairs.csv'),
        ]);
        let note = 'window 10 s, min participation 2';
        try {
          const s = JSON.parse(run.stdout) as { pairs: number; accounts: number };
          note += `: ${formatNumber(s.pairs)} pairs, ${formatNumber(s.accounts)} accounts`;
        } catch {
          /* failed run: reported below */
        }
        measured(size, 'coshare-csv', n, run, note);
      }
      rmSync(shares, { force: true });
      rmSync(path.join(work, 'pairs.csv'), { force: true });

      // 2. The pipeline on a synthetic platform sample: synth → ingest → coshare/detect/classify.
      const synthDir = path.join(work, 'synth');
      const db = path.join(work, 'bench.duckdb');
      let haveSynth = false;
      let haveDb = false;
      if (stages.has('synth')) {
        if (!commands.has('synth')) skip(size, 'synth', 'skipped: `takedown synth` is not available yet');
        else {
          // Accounts grow with the sample (one per 50 posts, at least synth's default 5,000).
          const accounts = Math.max(5_000, Math.round(n / 50));
          const run = await runCli(['synth', '--out', synthDir, '--seed', String(seed), '--posts', String(n), '--accounts', String(accounts)]);
          haveSynth = measured(size, 'synth', n, run, 'posts');
        }
      }
      if (stages.has('ingest')) {
        if (!commands.has('ingest')) skip(size, 'ingest', 'skipped: `takedown ingest` is not available yet');
        else if (!haveSynth) skip(size, 'ingest', 'skipped: needs the synth stage');
        else {
          const files = readdirSync(synthDir)
            .filter((f) => /\.(csv|csv\.gz)$/i.test(f))
            .map((f) => path.join(synthDir, f));
          const run = await runCli(['ingest', ...files, '--db', db]);
          let rows: number | null = n;
          try {
            rows = (JSON.parse(run.stdout) as { read?: number }).read ?? n;
          } catch {
            /* keep n */
          }
          haveDb = measured(size, 'ingest', rows, run, `${files.length} files`);
        }
      }
      if (stages.has('coshare-db')) {
        if (!haveDb) skip(size, 'coshare-db', 'skipped: needs the ingest stage');
        else {
          const run = await runCli([
            'coshare', '--db', db, '--object', 'retweet', '--window', '10', '--min-participation', '2', '--out', path.join(work, 'db-pairs.csv'),
          ]);
          let rows: number | null = null;
          let note = 'retweets, window 10 s';
          try {
            const s = JSON.parse(run.stdout) as { shares: number; pairs: number };
            rows = s.shares;
            note += `: ${formatNumber(s.pairs)} pairs`;
          } catch {
            /* failed */
          }
          measured(size, 'coshare-db', rows, run, note);
        }
      }
      if (stages.has('detect')) {
        if (!commands.has('detect')) skip(size, 'detect', 'skipped: `takedown detect` is not available yet');
        else if (!haveDb) skip(size, 'detect', 'skipped: needs the ingest stage');
        else {
          const run = await runCli(['detect', '--db', db, '--out', path.join(work, 'findings.json')]);
          measured(size, 'detect', n, run, 'posts in the store');
        }
      }
      if (stages.has('classify')) {
        if (!commands.has('classify')) skip(size, 'classify', 'skipped: `takedown classify` is not available yet');
        else if (!haveDb) skip(size, 'classify', 'skipped: needs the ingest stage (texts come from the store)');
        else {
          const jsonl = path.join(work, 'texts.jsonl');
          const limit = Math.min(n, 1_000_000);
          const { Store } = await import('../src/store/index.ts');
          const store = await Store.open(db, { readOnly: true });
          try {
            const target = `'${jsonl.replace(/'/g, "''")}'`;
            await store.run(
              `COPY (SELECT post_id AS id, text, language AS lang FROM posts WHERE text IS NOT NULL LIMIT ${limit}) TO ${target} (FORMAT json)`,
            );
          } finally {
            store.close();
          }
          const run = await runCli(['classify', jsonl], { stdoutFile: path.join(work, 'classified.jsonl') });
          measured(size, 'classify', limit, run, 'texts from the synthetic store');
        }
      }
    } finally {
      if (keepData) console.error(`[bench] kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    // Other work on the machine slows every stage: the 1-minute load average at start and end.
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    sizes,
    seed,
  };
  console.log('');
  printTable(results);
  const dir = path.join(ROOT, 'bench', 'results');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify({ ...meta, results }, null, 2) + '\n');
  writeFileSync(path.join(dir, 'latest.md'), toMarkdown(results, meta));
  console.log(`\nWritten: bench/results/latest.json, bench/results/latest.md`);
}

await main();
