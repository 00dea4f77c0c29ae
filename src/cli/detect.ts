import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import {
  DEFAULT_EDGES_PER_CLUSTER,
  detectCoordination,
  type Findings,
} from '../coordination/index.ts';
import { SIGNALS, type Signal, inputError, usageError } from '../model/index.ts';
import { withStore } from '../store/index.ts';
import { createProgress, dbOption, parseNonNegative, parsePositiveInt, printJson } from './common.ts';

interface DetectCliOptions {
  db: string;
  out?: string;
  seeds?: string;
  window: string;
  qValue: string;
  seed: number;
  signals?: string;
  quiet?: boolean;
  memoryLimit?: string;
  edgesPerCluster: number;
}

/**
 * Detect's DuckDB memory limit when none is given: 60% of RAM, at most 3 GB. Its pair
 * aggregation runs in passes sized to stay well inside this, and DuckDB spills the rest to
 * `<db>.tmp`, so a larger input takes longer rather than more memory.
 */
function defaultMemoryLimit(): string {
  const bytes = Math.min(0.6 * os.totalmem(), 3 * 1024 ** 3);
  return `${Math.max(256, Math.floor(bytes / 1024 ** 2))}MiB`;
}

/** `takedown detect`: coordinated-behaviour findings from the store. */
export function registerDetect(program: Command): void {
  dbOption(
    program
      .command('detect')
      .description(
        'find coordinated accounts: signals tested against chance, clustered, with verdicts and evidence',
      )
      .option('--out <file>', 'write findings JSON here (default: print a summary only)')
      .option(
        '--seeds <file>',
        'seed account ids from a tip-off, one per line (default: the seeds table, if any)',
      )
      .option(
        '--window <seconds|auto>',
        'co-share window in seconds, or auto (estimated per signal)',
        'auto',
      )
      .option('--q-value <q>', 'false-discovery-rate threshold for edges', '0.01')
      .option('--seed <n>', 'seed of the community detection', parsePositiveInt('--seed'), 1)
      .option(
        '--edges-per-cluster <n>',
        'edges each cluster lists in --out, its strongest (all of them stay in the edges table)',
        parseNonNegative('--edges-per-cluster'),
        DEFAULT_EDGES_PER_CLUSTER,
      )
      .option('--signals <list>', `comma-separated signals (default all): ${SIGNALS.join(',')}`)
      .option(
        '--memory-limit <size>',
        'DuckDB memory limit, e.g. 4GB; beyond it work spills to <db>.tmp (default: 60% of RAM, at most 3GB)',
      )
      .option('--quiet', 'no progress on stderr'),
  ).action(async (opts: DetectCliOptions) => {
    const window = opts.window === 'auto' ? 'auto' : Number(opts.window);
    if (window !== 'auto' && !(Number.isFinite(window) && window >= 0)) {
      throw usageError(`--window must be a number of seconds or 'auto', got '${opts.window}'`);
    }
    const qValue = Number(opts.qValue);
    const signals = opts.signals
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '') as Signal[] | undefined;
    let seeds: string[] | undefined;
    if (opts.seeds !== undefined) {
      let text: string;
      try {
        text = readFileSync(opts.seeds, 'utf8');
      } catch (cause) {
        throw inputError(`Cannot read the seeds file ${opts.seeds}`, undefined, cause);
      }
      seeds = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    }
    const progress = createProgress({ quiet: opts.quiet ?? false });
    const findings = await withStore(
      opts.db,
      (store) =>
        detectCoordination(store, {
          window,
          qValue,
          seed: opts.seed,
          edgesPerCluster: opts.edgesPerCluster,
          ...(signals ? { signals } : {}),
          ...(seeds ? { seeds } : {}),
          onProgress: (stage, done, total) =>
            progress.update(
              total === undefined
                ? { label: `detect: ${stage}`, done: 0, unit: '' }
                : { label: `detect: ${stage}`, done: done ?? 0, total, unit: 'passes' },
            ),
        }),
      { memoryLimit: opts.memoryLimit ?? defaultMemoryLimit() },
    );
    if (opts.out) writeFindingsJson(opts.out, findings);
    const count = (v: string): number => findings.clusters.filter((c) => c.verdict === v).length;
    const accounts = (v: string): number =>
      new Set(findings.clusters.filter((c) => c.verdict === v).flatMap((c) => c.accounts)).size;
    printJson({
      run_id: findings.run_id,
      out: opts.out ?? null,
      clusters: findings.clusters.length,
      likely_cib: { clusters: count('likely_cib'), accounts: accounts('likely_cib') },
      coordinated: { clusters: count('coordinated'), accounts: accounts('coordinated') },
      not_coordinated: {
        clusters: count('not_coordinated'),
        accounts: accounts('not_coordinated'),
      },
      significant_edges: findings.parameters['significant_edges'],
      seeds: findings.seeds.map((s) => ({
        seed: s.seed,
        cluster_id: s.cluster_id,
        connections: s.connections.length,
      })),
      top: findings.clusters
        .slice(0, 5)
        .map((c) => ({
          id: c.id,
          verdict: c.verdict,
          score: c.score,
          accounts: c.accounts.length,
          reason: c.reason,
        })),
      seconds:
        Math.round(Number((findings.parameters['timings_ms'] as { total: number }).total) / 100) /
        10,
    });
  });
}

/**
 * Writes findings JSON one cluster at a time: at 10M posts the whole document is larger than the
 * longest string JavaScript can build.
 */
function writeFindingsJson(file: string, findings: Findings): void {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (cause) {
    throw inputError(`Cannot write the findings file ${file}`, undefined, cause);
  }
  try {
    writeSync(fd, `{\n "run_id": ${JSON.stringify(findings.run_id)},\n "clusters": [`);
    findings.clusters.forEach((c, i) => writeSync(fd, `${i === 0 ? '\n' : ',\n'}  ${JSON.stringify(c)}`));
    writeSync(fd, `\n ],\n "seeds": ${JSON.stringify(findings.seeds)},\n`);
    writeSync(fd, ` "parameters": ${JSON.stringify(findings.parameters, null, 1)}\n}\n`);
  } finally {
    closeSync(fd);
  }
}
