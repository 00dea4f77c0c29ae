/** `takedown export io-archive|stix|gexf|graphml`: share findings in other tools' formats. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { usageError, VERDICTS, type Verdict } from '../model/index.ts';
import { withStore } from '../store/index.ts';
import {
  generateHashKey,
  loadFindingsGraph,
  loadStixInput,
  renderGexf,
  renderGraphml,
  TLP_LEVELS,
  toStixBundle,
  writeIoArchive,
  type TlpLevel,
} from '../export/index.ts';
import { dbOption, printJson } from './common.ts';

/** Splits a comma-separated option value. */
function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function registerExport(program: Command): void {
  const cmd = program.command('export').description('share findings: research archive release, STIX 2.1 bundle, Gephi graph');

  dbOption(
    cmd
      .command('stix')
      .description('write a STIX 2.1 bundle of the networks (default: likely_cib clusters of the latest detect run) with DISARM techniques')
      .requiredOption('--out <file>', 'bundle file to write (e.g. bundle.json)')
      .option('--run <id>', 'detect run (default: the latest)')
      .option('--clusters <ids>', 'comma-separated cluster ids (default: every likely_cib cluster)', parseList)
      .option('--identity-name <name>', 'name of the producing team', 'takedown')
      .option('--tlp <level>', `TLP 2.0 marking: ${TLP_LEVELS.join('|')}`, 'amber')
      .option('--attribution <text>', 'who the networks are attributed to (adds a threat-actor)'),
  ).action(
    async (opts: { db: string; out: string; run?: string; clusters?: string[]; identityName: string; tlp: string; attribution?: string }) => {
      if (!(TLP_LEVELS as readonly string[]).includes(opts.tlp)) throw usageError(`--tlp must be one of ${TLP_LEVELS.join(', ')}, got '${opts.tlp}'`);
      await withStore(opts.db, async (store) => {
        const input = await loadStixInput(store, {
          ...(opts.run ? { runId: opts.run } : {}),
          ...(opts.clusters ? { clusterIds: opts.clusters } : {}),
        });
        const bundle = toStixBundle(input, {
          identityName: opts.identityName,
          tlp: opts.tlp as TlpLevel,
          ...(opts.attribution ? { attribution: opts.attribution } : {}),
        });
        mkdirSync(dirname(opts.out), { recursive: true });
        writeFileSync(opts.out, JSON.stringify(bundle, null, 2) + '\n');
        const counts: Record<string, number> = {};
        for (const o of bundle.objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
        printJson({ out: opts.out, run: input.runId, networks: input.networks.length, objects: bundle.objects.length, types: counts });
      });
    },
  );

  dbOption(
    cmd
      .command('io-archive')
      .description('write a research release in the Twitter Information Operations archive format, accounts under 5,000 followers hashed')
      .requiredOption('--out <dir>', 'directory for <name>_users_csv_hashed.csv and <name>_tweets_csv_hashed.csv')
      .option('--hash-key <key>', 'HMAC key for hashing small accounts (default: $TAKEDOWN_HASH_KEY, else a new random key)')
      .option('--clusters <ids>', 'comma-separated cluster ids (default: every likely_cib cluster of the run)', parseList)
      .option('--cases <ids>', 'comma-separated case ids: their decided accounts', parseList)
      .option('--run <id>', 'detect run (default: the latest)')
      .option('--name <set>', 'file name prefix of the release', 'takedown')
      .option('--platform <name>', "accounts of this platform only, or 'all'", 'twitter'),
  ).action(
    async (opts: { db: string; out: string; hashKey?: string; clusters?: string[]; cases?: string[]; run?: string; name: string; platform: string }) => {
      let key = opts.hashKey ?? process.env['TAKEDOWN_HASH_KEY'];
      if (!key) {
        key = generateHashKey();
        process.stderr.write(
          `takedown: warning: no --hash-key or $TAKEDOWN_HASH_KEY given; generated the key below. Keep it secret and keep it:\n` +
            `releases hashed with the same key can be linked, and without it this release's hashes can never be reproduced.\n${key}\n`,
        );
      }
      const hashKey = key;
      await withStore(opts.db, async (store) => {
        const result = await writeIoArchive(store, opts.out, {
          hashKey,
          name: opts.name,
          platform: opts.platform,
          ...(opts.clusters ? { clusterIds: opts.clusters } : {}),
          ...(opts.cases ? { caseIds: opts.cases } : {}),
          ...(opts.run ? { runId: opts.run } : {}),
        });
        printJson({
          users: result.usersPath,
          tweets: result.tweetsPath,
          accounts: result.accounts,
          hashedAccounts: result.hashedAccounts,
          tweetRows: result.tweets,
        });
      });
    },
  );

  for (const format of ['gexf', 'graphml'] as const) {
    dbOption(
      cmd
        .command(format)
        .description(`write the findings graph as ${format === 'gexf' ? 'GEXF 1.3' : 'GraphML'} for Gephi: accounts with cluster, verdict, indicators, followers; edges with per-signal weights and q-values`)
        .requiredOption('--out <file>', `file to write (e.g. network.${format})`)
        .option('--run <id>', 'detect run (default: the latest)')
        .option('--clusters <ids>', 'comma-separated cluster ids (default: every cluster of the run)', parseList)
        .option('--verdict <verdicts>', `comma-separated verdicts (${VERDICTS.join(', ')})`, parseList),
    ).action(async (opts: { db: string; out: string; run?: string; clusters?: string[]; verdict?: string[] }) => {
      for (const v of opts.verdict ?? []) {
        if (!(VERDICTS as readonly string[]).includes(v)) throw usageError(`Unknown verdict '${v}': use ${VERDICTS.join(', ')}`);
      }
      await withStore(opts.db, async (store) => {
        const graph = await loadFindingsGraph(store, {
          ...(opts.run ? { runId: opts.run } : {}),
          ...(opts.clusters ? { clusterIds: opts.clusters } : {}),
          ...(opts.verdict ? { verdicts: opts.verdict as Verdict[] } : {}),
        });
        mkdirSync(dirname(opts.out), { recursive: true });
        writeFileSync(opts.out, format === 'gexf' ? renderGexf(graph) : renderGraphml(graph));
        printJson({ out: opts.out, run: graph.runId, nodes: graph.nodes.length, edges: graph.edges.length });
      });
    });
  }
}
