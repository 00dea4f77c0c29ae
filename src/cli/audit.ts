import type { Command } from 'commander';
import { TakedownError } from '../model/index.ts';
import { readCaseEvents, verifyAuditLog } from '../cases/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, parsePositiveInt, printJson } from './common.ts';

/** `takedown audit verify|log`: check and read the hash-chained case log. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log of case events');
  dbOption(
    audit
      .command('verify')
      .description(
        'recompute the hash chain; exit 1 naming the first bad seq if any row was edited, inserted or deleted',
      ),
  ).action(async (opts: { db: string }) => {
    const result = await withStore(opts.db, (store) => verifyAuditLog(store));
    printJson(result);
    if (!result.ok) {
      throw new TakedownError({
        code: 'audit_broken',
        title: `The audit log is broken at seq ${result.firstBadSeq}: ${result.problem}`,
        status: 500,
      });
    }
  });
  dbOption(audit.command('log').description('print case events as JSON lines'))
    .option('--case <id>', 'only the events of this case')
    .option('--limit <n>', 'at most this many events', parsePositiveInt('--limit'))
    .action(async (opts: { db: string; case?: string; limit?: number }) => {
      const events = await withStore(opts.db, (store) =>
        readCaseEvents(store, {
          ...(opts.case ? { caseId: opts.case } : {}),
          ...(opts.limit ? { limit: opts.limit } : {}),
        }),
      );
      for (const e of events) printJson(e);
    });
}
