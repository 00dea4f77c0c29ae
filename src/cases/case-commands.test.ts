import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../store/index.ts';
import { seedFindings } from '../../test/fixtures/seed-findings.ts';
import {
  appealDecision,
  assignCase,
  decideAccounts,
  listCases,
  openCase,
  readCase,
  setCaseStatus,
} from './case-commands.ts';
import { verifyAuditLog } from './audit-log.ts';

let store: Store;
let t = 1_000;
const ctx = (actor = 'rev') => ({ store, actor, now: () => (t += 1000) });

beforeEach(async () => {
  store = await Store.memory();
  await seedFindings(store);
});
afterEach(() => store.close());

describe('cases', () => {
  it('opens a case from a cluster with its accounts and surfaces', async () => {
    const c = await openCase(ctx('ana'), { kind: 'cluster', clusterId: 'c2' });
    expect(c.caseId).toBe('case-0001');
    expect(c.subjects).toHaveLength(6);
    expect(c.subjects.every((s) => s.surface === 'page')).toBe(true);
    expect(c.openedBy).toBe('ana');
  });

  it('opens cases from seeds and from policy hits', async () => {
    const s = await openCase(ctx(), {
      kind: 'seeds',
      accounts: [{ accountId: 'iran_voice_1000' }],
    });
    expect(s.subjects).toEqual([
      { platform: 'twitter', accountId: 'iran_voice_1000', surface: 'account' },
    ]);
    const rows = await store.all<{ post_id: string }>(
      'SELECT post_id FROM policy_results WHERE violating',
    );
    const p = await openCase(ctx(), { kind: 'policy_hits', postIds: rows.map((r) => r.post_id) });
    expect(p.subjects.map((x) => x.accountId).sort()).toEqual([
      'iran_voice_1003',
      'presstv_official',
    ]);
    expect((await listCases(store)).map((c) => c.caseId)).toEqual(['case-0002', 'case-0001']);
  });

  it('opens a case from an ingested seed set', async () => {
    const has = await store.one(
      "SELECT 1 AS x FROM information_schema.tables WHERE table_name = 'seeds'",
    );
    if (!has) return; // the seeds table comes with ingest's migration 0002
    await store.run(
      "INSERT INTO seeds (seed_set, platform, account_id, source, added_ms) VALUES ('bundle--1', 'twitter', 'iran_voice_1002', 'indicator--x', 0)",
    );
    const c = await openCase(ctx(), { kind: 'seed_set', seedSet: 'bundle--1' });
    expect(c.subjects).toEqual([
      { platform: 'twitter', accountId: 'iran_voice_1002', surface: 'account' },
    ]);
    expect(c.source).toEqual({ kind: 'seeds', seedSet: 'bundle--1' });
    await expect(openCase(ctx(), { kind: 'seed_set', seedSet: 'nope' })).rejects.toThrow(
      /no seed set/,
    );
  });

  it('decides in bulk, records before and after, and materialises decisions', async () => {
    const c = await openCase(ctx(), { kind: 'cluster', clusterId: 'c1' });
    await assignCase(ctx('lead'), c.caseId, 'rev');
    const ids = c.subjects.map((s) => s.accountId);
    await decideAccounts(
      ctx(),
      c.caseId,
      ids.map((accountId) => ({
        accountId,
        action: 'suspend',
        policy: 'coordinated_inauthentic_behaviour',
      })),
    );
    const after = await decideAccounts(ctx(), c.caseId, [
      {
        accountId: ids[0] as string,
        action: 'remove',
        policy: 'coordinated_inauthentic_behaviour',
        note: 'persona',
      },
    ]);
    expect(after.assignee).toBe('rev');
    expect(after.decisions.find((d) => d.accountId === ids[0])?.action).toBe('remove');
    const { events } = await readCase(store, c.caseId);
    const last = events.at(-1);
    expect(last?.type).toBe('account.removed');
    expect((last?.payload['before'] as { action: string }).action).toBe('suspend');
    const rows = await store.all(
      'SELECT account_id, action FROM decisions WHERE case_id = $1 ORDER BY account_id',
      [c.caseId],
    );
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r['action'] === 'remove')).toHaveLength(1);
  });

  it('refuses a decision without a policy, on a foreign account, or while under appeal', async () => {
    const c = await openCase(ctx(), { kind: 'cluster', clusterId: 'c1' });
    const id = c.subjects[0]?.accountId as string;
    await expect(
      decideAccounts(ctx(), c.caseId, [{ accountId: id, action: 'suspend', policy: 'none' }]),
    ).rejects.toThrow(/Cite the policy/);
    await expect(
      decideAccounts(ctx(), c.caseId, [{ accountId: 'nobody', action: 'suspend', policy: 'spam' }]),
    ).rejects.toThrow(/not part of case/);
    await decideAccounts(ctx(), c.caseId, [{ accountId: id, action: 'suspend', policy: 'spam' }]);
    await appealDecision(ctx(), c.caseId, {
      accountId: id,
      outcome: 'reopen',
      note: 'user says real person',
    });
    await expect(
      decideAccounts(ctx(), c.caseId, [{ accountId: id, action: 'remove', policy: 'spam' }]),
    ).rejects.toThrow(/under appeal/);
    const s = await appealDecision(ctx(), c.caseId, { accountId: id, outcome: 'overturn' });
    expect(s.decisions.find((d) => d.accountId === id)?.status).toBe('overturned');
    const row = await store.one('SELECT status FROM decisions WHERE account_id = $1', [id]);
    expect(row?.['status']).toBe('overturned');
    // A failed command leaves no event behind.
    expect((await readCase(store, c.caseId)).events.map((e) => e.type)).toEqual([
      'case.opened',
      'account.suspended',
      'decision.appealed',
      'decision.overturned',
    ]);
    await setCaseStatus(ctx(), c.caseId, 'closed');
    await expect(
      decideAccounts(ctx(), c.caseId, [{ accountId: id, action: 'remove', policy: 'spam' }]),
    ).rejects.toThrow(/closed/);
    expect((await verifyAuditLog(store)).ok).toBe(true);
  });

  it('serialises concurrent writers on one store', async () => {
    const c = await openCase(ctx(), { kind: 'cluster', clusterId: 'c1' });
    await Promise.all(
      c.subjects.map((s) =>
        decideAccounts(ctx(), c.caseId, [
          { accountId: s.accountId, action: 'suspend', policy: 'spam' },
        ]),
      ),
    );
    const v = await verifyAuditLog(store);
    expect(v).toMatchObject({ ok: true, events: 13 });
  });
});
