import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store, type Row } from '../store/index.ts';
import { seedFindings } from '../../test/fixtures/seed-findings.ts';
import { decideAccounts, openCase } from './case-commands.ts';
import { hashCaseEvent, toCaseEvent, verifyAuditLog } from './audit-log.ts';

let store: Store;
beforeEach(async () => {
  store = await Store.memory();
  await seedFindings(store);
  let t = 0;
  const ctx = { store, actor: 'rev', now: () => (t += 1) };
  const c = await openCase(ctx, { kind: 'cluster', clusterId: 'c1' });
  for (const s of c.subjects.slice(0, 4))
    await decideAccounts(ctx, c.caseId, [
      { accountId: s.accountId, action: 'suspend', policy: 'spam' },
    ]);
});
afterEach(() => store.close());

describe('verifyAuditLog', () => {
  it('accepts an untouched chain', async () => {
    expect(await verifyAuditLog(store)).toMatchObject({ ok: true, events: 5, firstBadSeq: null });
  });

  it('counts every event while other queries share the connection (as in the server)', async () => {
    const [v] = await Promise.all([
      verifyAuditLog(store),
      store.all('SELECT * FROM posts'),
      store.all('SELECT * FROM case_events'),
    ]);
    expect(v).toMatchObject({ ok: true, events: 5 });
  });

  it('names the first edited row', async () => {
    await store.run(
      `UPDATE case_events SET payload = json_object('after', json_object('action', 'no_action')) WHERE seq = 3`,
    );
    expect(await verifyAuditLog(store)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects an edited actor', async () => {
    await store.run("UPDATE case_events SET actor = 'mallory' WHERE seq = 2");
    expect(await verifyAuditLog(store)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects an edit whose row hash was recomputed, at the next row', async () => {
    const row = await store.one('SELECT * FROM case_events WHERE seq = 2');
    const e = toCaseEvent(row as Row);
    const forged = { ...e, actor: 'mallory' };
    await store.run('UPDATE case_events SET actor = $1, hash = $2 WHERE seq = 2', [
      'mallory',
      hashCaseEvent(e.prevHash, forged),
    ]);
    expect(await verifyAuditLog(store)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects a deleted row', async () => {
    await store.run('DELETE FROM case_events WHERE seq = 2');
    const v = await verifyAuditLog(store);
    expect(v.ok).toBe(false);
    expect(v.firstBadSeq).toBe(3);
    expect(v.problem).toMatch(/seq 2 is missing/);
  });

  it('detects an inserted row', async () => {
    await store.run('UPDATE case_events SET seq = seq + 1 WHERE seq >= 3');
    await store.run(
      "INSERT INTO case_events SELECT 3, 'forged', case_id, 'account.cleared', 'mallory', time_ms, payload, hash, hash FROM case_events WHERE seq = 2",
    );
    expect(await verifyAuditLog(store)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});
