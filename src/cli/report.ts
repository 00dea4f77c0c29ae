/** `takedown report`: the public takedown report of the chosen networks (HTML, Markdown, JSON). */
import type { Command } from 'commander';
import { usageError, VERDICTS, type Verdict } from '../model/index.ts';
import { withStore } from '../store/index.ts';
import { writeReport } from '../export/index.ts';
import { dbOption, printJson } from './common.ts';

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function registerReport(program: Command): void {
  dbOption(
    program
      .command('report')
      .description('write report.html (self-contained), report.md and report.json for the networks of a detect run')
      .requiredOption('--out <dir>', 'folder for report.html, report.md and report.json')
      .option('--run <id>', 'detect run (default: the latest)')
      .option('--clusters <ids>', 'comma-separated cluster ids', parseList)
      .option('--verdict <verdicts>', `comma-separated verdicts (default: likely_cib,coordinated; one of ${VERDICTS.join(', ')})`, parseList)
      .option('--title <text>', 'report title', 'Takedown report'),
  ).action(async (opts: { db: string; out: string; run?: string; clusters?: string[]; verdict?: string[]; title: string }) => {
    for (const v of opts.verdict ?? []) {
      if (!(VERDICTS as readonly string[]).includes(v)) throw usageError(`Unknown verdict '${v}': use ${VERDICTS.join(', ')}`);
    }
    await withStore(opts.db, async (store) => {
      const written = await writeReport(
        store,
        opts.out,
        {
          ...(opts.run ? { runId: opts.run } : {}),
          ...(opts.clusters ? { clusterIds: opts.clusters } : {}),
          ...(opts.verdict ? { verdicts: opts.verdict as Verdict[] } : {}),
        },
        opts.title,
      );
      printJson({
        html: written.html,
        markdown: written.markdown,
        json: written.json,
        run: written.data.runId,
        networks: written.data.networks.map((n) => ({ id: n.clusterId, verdict: n.verdict, accounts: n.totals.accounts, status: n.status })),
      });
    });
  });
}
