/**
 * `takedown demo`: the whole loop on a generated sample — synth → ingest → detect → classify →
 * report → serve — with a demo login. Each step is the same function the individual command
 * calls; the demo only chains them and prints what they found.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { detectCoordination, evaluateFindings, parseTruth } from '../coordination/index.ts';
import { writeReport } from '../export/index.ts';
import { ingestFiles } from '../ingest/index.ts';
import { startServer } from '../server/index.ts';
import { Store } from '../store/index.ts';
import { generateSample } from '../synth/index.ts';
import { buildClassifier, classifyStore } from './classify.ts';
import { createProgress, parsePositiveInt } from './common.ts';

interface DemoOptions {
  dir: string;
  seed: number;
  accounts: number;
  days: number;
  port: number;
  host: string;
  serve: boolean;
}

const DEMO_USER = { username: 'demo', password: 'takedown-demo', role: 'reviewer' as const };

/** Writes one line on stdout. */
function say(line = ''): void {
  process.stdout.write(line + '\n');
}

/** Runs the demo; returns when the server is listening (or at once with --no-serve). */
async function runDemo(opts: DemoOptions): Promise<void> {
  const dir = resolve(opts.dir);
  const sampleDir = join(dir, 'sample');
  const dbPath = join(dir, 'demo.duckdb');
  mkdirSync(dir, { recursive: true });
  const progress = createProgress();
  const step = (name: string): void => {
    process.stderr.write(`takedown demo: ${name}…\n`);
  };

  step(`generating a sample (${opts.accounts} accounts, ${opts.days} days, seed ${opts.seed})`);
  const sample = generateSample({
    outDir: sampleDir,
    seed: opts.seed,
    accounts: opts.accounts,
    days: opts.days,
    onProgress: (done, fraction) => progress.update({ label: 'synth', done, fraction, unit: 'posts' }),
  });
  progress.done({ label: 'synth', done: sample.posts, fraction: 1, unit: 'posts' });
  const truth = parseTruth(sample.truth);

  const store = await Store.open(dbPath);
  let findings;
  let policy: Record<string, unknown>;
  let report;
  try {
    step('ingesting the sample');
    const files = sample.files.filter((f) => f.endsWith('.csv')).map((f) => join(sampleDir, f));
    const ingest = await ingestFiles(store, files, {
      format: 'auto',
      map: {},
      quarantineDir: `${dbPath}.quarantine`,
      onProgress: (p) => progress.update({ label: p.label, done: p.rows, fraction: p.fraction }),
    });
    say(`Ingested ${ingest.read.toLocaleString('en-US')} rows: ${ingest.accepted.toLocaleString('en-US')} accepted, ${ingest.rejected} rejected, ${ingest.duplicates.toLocaleString('en-US')} duplicates.`);

    step('detecting coordinated behaviour');
    findings = await detectCoordination(store, { onProgress: (s) => process.stderr.write(`  detect: ${s}\n`) });
    writeFileSync(join(dir, 'findings.json'), JSON.stringify(findings, null, 2) + '\n');

    step('classifying posts against the dangerous-organisations policy');
    policy = await classifyStore(store, await buildClassifier(undefined, store));

    step('writing the takedown report');
    report = await writeReport(store, join(dir, 'report'));
  } finally {
    store.close();
  }

  const byVerdict = (v: string): number => findings.clusters.filter((c) => c.verdict === v).length;
  const accountsIn = (v: string): number =>
    findings.clusters.filter((c) => c.verdict === v).reduce((n, c) => n + c.members.length, 0);
  say();
  say(`Clusters: ${byVerdict('likely_cib')} likely_cib (${accountsIn('likely_cib')} accounts), ${byVerdict('coordinated')} coordinated (${accountsIn('coordinated')} accounts).`);
  for (const c of findings.clusters.slice(0, 5)) {
    say(`  ${c.id}  ${c.verdict.padEnd(15)} score ${c.score.toFixed(2)}  ${String(c.members.length).padStart(4)} accounts — ${c.reason}`);
  }
  const ev = evaluateFindings(truth, findings);
  say();
  say(
    `Against the planted truth (${truth.operations.length} operations, ${ev.planted_accounts} accounts): precision ${ev.precision.toFixed(3)}, recall ${ev.recall.toFixed(3)}, trap violations ${ev.trap_violations.length}.`,
  );
  say(`Posts classified: ${String(policy['posts'])}, violating: ${String(policy['violating'])}.`);
  say();
  say(`Findings: ${join(dir, 'findings.json')}`);
  say(`Report:   ${report.html}`);
  say(`Database: ${dbPath}`);

  if (!opts.serve) return;
  const server = await startServer({ dbPath, port: opts.port, host: opts.host, demoUser: DEMO_USER });
  say();
  say(`The investigation app is at ${server.url}`);
  say(`Log in as '${DEMO_USER.username}' with password '${DEMO_USER.password}' (role ${DEMO_USER.role}).`);
  if (server.admin) say(`An admin was created: '${server.admin.username}' / '${server.admin.password}' (shown once).`);
  say('Press Ctrl-C to stop.');
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `takedown demo`: generate, ingest, detect, classify, report and serve. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the whole investigation on a generated sample and open the web app')
    .option('--dir <dir>', 'where the sample, database, findings and report go', 'takedown-demo')
    .option('--seed <n>', 'seed of the generated sample', parsePositiveInt('--seed'), 1)
    .option('--accounts <n>', 'accounts in the sample', parsePositiveInt('--accounts'), 5000)
    .option('--days <n>', 'days in the sample', parsePositiveInt('--days'), 14)
    .option('--port <n>', 'port of the web app', parsePositiveInt('--port'), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-serve', 'stop after the report instead of serving the web app')
    .addHelpText(
      'after',
      `
Steps: takedown synth → ingest → detect → classify --db → report → serve, in DIR:
  DIR/sample/        tweets.csv, users.csv (IO archive format) and truth.json
  DIR/demo.duckdb    the database
  DIR/findings.json  clusters with verdicts, signals, indicators and edge evidence
  DIR/report/        report.html, report.md, report.json
Re-running adds nothing twice (ingest is idempotent); each run adds a detect run.

Example:
  takedown demo                    # then open the printed URL and log in as demo
  takedown demo --no-serve --accounts 2000 --days 7
`,
    )
    .action(async (opts: DemoOptions) => {
      await runDemo(opts);
    });
}
