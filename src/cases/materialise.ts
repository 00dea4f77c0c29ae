/** Rebuilds the `decisions` table from the log (after a restore, or to check it against the log). */
import type { Store } from '../store/index.ts';
import { readCaseEvents } from './audit-log.ts';
import { projectDecisions } from './project-case.ts';
import { serialiseWrites } from './write-lock.ts';

/** Replaces every row of `decisions` by the projection of `case_events`; returns the row count. */
export async function rebuildDecisions(store: Store): Promise<number> {
  return serialiseWrites(store, () =>
    store.transaction(async (tx) => {
      const rows = projectDecisions(await readCaseEvents(tx));
      await tx.run('DELETE FROM decisions');
      for (const d of rows) {
        await tx.run(
          'INSERT INTO decisions (case_id, platform, account_id, surface, action, policy, status, decided_by, decided_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            d.caseId,
            d.platform,
            d.accountId,
            d.surface,
            d.action,
            d.policy,
            d.status,
            d.decidedBy,
            d.decidedMs,
          ],
        );
      }
      return rows.length;
    }),
  );
}
