import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { seedFindings } from '../../test/fixtures/seed-findings.ts';
import {
  appealDecision,
  assignCase,
  decideAccounts,
  openCase,
  setCaseStatus,
} from './case-commands.ts';
import { readCaseEvents } from './audit-log.ts';
import { ACTIONS, POLICIES } from './case-event.ts';
import { projectCase, projectDecisions } from './project-case.ts';

const command = fc.oneof(
  fc.record({
    kind: fc.constant('decide' as const),
    who: fc.nat(11),
    action: fc.constantFrom(...ACTIONS),
    policy: fc.constantFrom(...POLICIES.filter((p) => p !== 'none')),
  }),
  fc.record({
    kind: fc.constant('bulk' as const),
    count: fc.integer({ min: 2, max: 12 }),
    action: fc.constantFrom(...ACTIONS),
  }),
  fc.record({
    kind: fc.constant('appeal' as const),
    who: fc.nat(11),
    outcome: fc.constantFrom('reopen' as const, 'uphold' as const, 'overturn' as const),
  }),
  fc.record({ kind: fc.constant('assign' as const), to: fc.constantFrom('ana', 'rev', null) }),
  fc.record({
    kind: fc.constant('status' as const),
    to: fc.constantFrom('open' as const, 'closed' as const),
  }),
);

describe('projectCase', () => {
  it('replaying the log gives the live state and the materialised decisions (property)', async () => {
    const store = await Store.memory();
    await seedFindings(store);
    try {
      let round = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 25 }), async (commands) => {
          round += 1;
          let t = round * 1_000_000;
          const ctx = { store, actor: `u${round % 3}`, now: () => (t += 7) };
          const opened = await openCase(ctx, { kind: 'cluster', clusterId: 'c1' });
          const ids = opened.subjects.map((s) => s.accountId);
          let live = opened;
          for (const c of commands) {
            try {
              if (c.kind === 'decide')
                live = await decideAccounts(ctx, opened.caseId, [
                  {
                    accountId: ids[c.who] as string,
                    action: c.action,
                    policy: c.action === 'no_action' ? 'none' : c.policy,
                  },
                ]);
              else if (c.kind === 'bulk')
                live = await decideAccounts(
                  ctx,
                  opened.caseId,
                  ids
                    .slice(0, c.count)
                    .map((accountId) => ({ accountId, action: c.action, policy: 'spam' as const })),
                );
              else if (c.kind === 'appeal')
                live = await appealDecision(ctx, opened.caseId, {
                  accountId: ids[c.who] as string,
                  outcome: c.outcome,
                });
              else if (c.kind === 'assign') live = await assignCase(ctx, opened.caseId, c.to);
              else live = await setCaseStatus(ctx, opened.caseId, c.to);
            } catch (e) {
              // Refused commands (appeal without decision, decide while closed…) must leave no trace.
              if (!(e instanceof Error) || !('code' in e)) throw e;
            }
          }
          const events = await readCaseEvents(store, { caseId: opened.caseId });
          expect(projectCase(events)).toEqual(live);
          // Replaying twice is the same (no clock, no hidden state).
          expect(projectCase(events)).toEqual(projectCase([...events]));
          const table = await store.all<Record<string, unknown>>(
            'SELECT account_id, surface, action, policy, status, decided_by, decided_ms FROM decisions WHERE case_id = $1 ORDER BY account_id, surface',
            [opened.caseId],
          );
          const projected = projectDecisions(events).map((d) => ({
            account_id: d.accountId,
            surface: d.surface,
            action: d.action,
            policy: d.policy,
            status: d.status,
            decided_by: d.decidedBy,
            decided_ms: d.decidedMs,
          }));
          expect(table).toEqual(projected);
        }),
        { numRuns: 25, seed: 42 },
      );
    } finally {
      store.close();
    }
  });
});
