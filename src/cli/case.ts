import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { usageError } from '../model/index.ts';
import {
  ACTIONS,
  APPEAL_OUTCOMES,
  POLICIES,
  appealDecision,
  assignCase,
  decideAccounts,
  listCases,
  openCase,
  readCase,
  type Action,
  type AppealOutcome,
  type Policy,
} from '../cases/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, printJson } from './common.ts';

const actor = (opts: { actor?: string }): string =>
  opts.actor ?? process.env['TAKEDOWN_ACTOR'] ?? process.env['USER'] ?? 'cli';

/** `takedown case open|list|show|assign|decide|appeal`: thin wrappers over src/cases. */
export function registerCase(program: Command): void {
  const cmd = program
    .command('case')
    .description('cases: open, decide per account, appeal (every change goes to the audit log)');
  dbOption(
    cmd
      .command('open')
      .description(
        'open a case from a cluster, a seed list file (one account id a line) or policy-hit post ids',
      ),
  )
    .option('--cluster <id>', 'cluster id of the latest detect run')
    .option('--seeds <file>', 'file with one account id per line')
    .option(
      '--seed-set <id>',
      'a seed set ingested from a STIX bundle (its bundle id or file name)',
    )
    .option('--posts <ids>', 'comma-separated post ids flagged by the classifier')
    .option('--title <text>', 'case title')
    .option('--actor <name>', 'who acts (default $TAKEDOWN_ACTOR or $USER)')
    .action(
      async (opts: {
        db: string;
        cluster?: string;
        seeds?: string;
        seedSet?: string;
        posts?: string;
        title?: string;
        actor?: string;
      }) => {
        const title = opts.title ? { title: opts.title } : {};
        const given = [opts.cluster, opts.seeds, opts.seedSet, opts.posts].filter(
          (x) => x !== undefined,
        ).length;
        if (given !== 1)
          throw usageError('Give exactly one of --cluster, --seeds, --seed-set or --posts');
        const input = opts.cluster
          ? { kind: 'cluster' as const, clusterId: opts.cluster, ...title }
          : opts.seedSet
            ? { kind: 'seed_set' as const, seedSet: opts.seedSet, ...title }
            : opts.seeds
              ? {
                  kind: 'seeds' as const,
                  accounts: (await readFile(opts.seeds, 'utf8'))
                    .split(/\r?\n/)
                    .map((l) => l.trim())
                    .filter(Boolean)
                    .map((accountId) => ({ accountId })),
                  ...title,
                }
              : {
                  kind: 'policy_hits' as const,
                  postIds: (opts.posts ?? '')
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                  ...title,
                };
        printJson(
          await withStore(opts.db, (store) => openCase({ store, actor: actor(opts) }, input)),
          true,
        );
      },
    );
  dbOption(cmd.command('list').description('list cases as JSON lines')).action(
    async (opts: { db: string }) => {
      for (const c of await withStore(opts.db, (store) => listCases(store))) {
        printJson({
          caseId: c.caseId,
          title: c.title,
          status: c.status,
          assignee: c.assignee,
          accounts: c.subjects.length,
          decisions: c.decisions.length,
          updatedMs: c.updatedMs,
        });
      }
    },
  );
  dbOption(cmd.command('show <caseId>').description('print a case and its events')).action(
    async (caseId: string, opts: { db: string }) => {
      printJson(await withStore(opts.db, (store) => readCase(store, caseId)), true);
    },
  );
  dbOption(cmd.command('assign <caseId> <user>').description('assign a case'))
    .option('--actor <name>', 'who acts')
    .action(async (caseId: string, user: string, opts: { db: string; actor?: string }) => {
      printJson(
        await withStore(opts.db, (store) =>
          assignCase({ store, actor: actor(opts) }, caseId, user),
        ),
        true,
      );
    });
  dbOption(
    cmd
      .command('decide <caseId> <accountIds...>')
      .description('decide on accounts of a case (several ids = one bulk decision)'),
  )
    .requiredOption('--action <action>', ACTIONS.join(' | '))
    .requiredOption('--policy <policy>', POLICIES.join(' | '))
    .option('--surface <surface>', 'account | page | group | channel (default: as ingested)')
    .option('--note <text>', 'reason')
    .option('--actor <name>', 'who acts')
    .action(
      async (
        caseId: string,
        ids: string[],
        opts: {
          db: string;
          action: string;
          policy: string;
          surface?: string;
          note?: string;
          actor?: string;
        },
      ) => {
        if (!(ACTIONS as readonly string[]).includes(opts.action))
          throw usageError(`--action must be one of ${ACTIONS.join(', ')}`);
        if (!(POLICIES as readonly string[]).includes(opts.policy))
          throw usageError(`--policy must be one of ${POLICIES.join(', ')}`);
        const surface = opts.surface as 'account' | 'page' | 'group' | 'channel' | undefined;
        const inputs = ids.map((accountId) => ({
          accountId,
          action: opts.action as Action,
          policy: opts.policy as Policy,
          note: opts.note ?? null,
          ...(surface ? { surface } : {}),
        }));
        printJson(
          await withStore(opts.db, (store) =>
            decideAccounts({ store, actor: actor(opts) }, caseId, inputs),
          ),
          true,
        );
      },
    );
  dbOption(
    cmd
      .command('appeal <caseId> <accountId>')
      .description('reopen a decision on appeal, or uphold or overturn it'),
  )
    .requiredOption('--outcome <outcome>', APPEAL_OUTCOMES.join(' | '))
    .option('--surface <surface>', 'account | page | group | channel')
    .option('--note <text>', 'reason')
    .option('--actor <name>', 'who acts')
    .action(
      async (
        caseId: string,
        accountId: string,
        opts: { db: string; outcome: string; surface?: string; note?: string; actor?: string },
      ) => {
        if (!(APPEAL_OUTCOMES as readonly string[]).includes(opts.outcome))
          throw usageError(`--outcome must be one of ${APPEAL_OUTCOMES.join(', ')}`);
        const surface = opts.surface as 'account' | 'page' | 'group' | 'channel' | undefined;
        printJson(
          await withStore(opts.db, (store) =>
            appealDecision({ store, actor: actor(opts) }, caseId, {
              accountId,
              outcome: opts.outcome as AppealOutcome,
              note: opts.note ?? null,
              ...(surface ? { surface } : {}),
            }),
          ),
          true,
        );
      },
    );
}
