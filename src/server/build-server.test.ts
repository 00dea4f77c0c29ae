import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from './auth/roles.ts';
import { buildServer } from './build-server.ts';
import { Store } from '../store/index.ts';
import { startTestServer, type TestServer, PASSWORD } from '../../test/fixtures/api-session.ts';
import { SLASHED_ACCOUNT_ID, XSS_NAME } from '../../test/fixtures/seed-findings.ts';
import { addUser } from './auth/users.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

const fill = (url: string): string =>
  url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => (name === 'kind' ? 'impersonation' : 'x'));
/** A body that passes each mutating route's validation, so a 403 cannot be a 400 in disguise. */
const BODIES: Record<string, unknown> = {
  'POST /api/auth/logout': undefined,
  'POST /api/users': { username: 'newbie', password: 'a long enough password', role: 'viewer' },
  'POST /api/cases': { source: 'cluster', clusterId: 'c3' },
  'POST /api/cases/:caseId/assign': { assignee: 'reviewer' },
  'POST /api/cases/:caseId/decisions': {
    decisions: [{ accountId: 'x', action: 'suspend', policy: 'spam' }],
  },
  'POST /api/cases/:caseId/appeals': { accountId: 'x', outcome: 'reopen' },
  'POST /api/cases/:caseId/status': { status: 'closed' },
};

describe('authentication and roles', () => {
  it('answers 401 on every /api/ route without a session, and on unknown /api/ paths', async () => {
    const routes = t.app.apiRoutes.filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(15);
    for (const r of [
      ...routes,
      { method: 'GET', url: '/api/no-such-thing' },
      { method: 'DELETE', url: '/api/cases/x' },
    ]) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: BODIES[`${r.method} ${r.url}`] as object,
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('answers 401 for a forged or malformed session and bearer token', async () => {
    for (const headers of [
      { cookie: 'takedown_session=forgedforgedforgedforgedforged' },
      { authorization: 'Bearer forgedforgedforgedforgedforged' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
    ]) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/clusters', headers })).statusCode,
      ).toBe(401);
    }
  });

  it('answers 403 on every mutating route to every role below the route role', async () => {
    const mutating = t.app.apiRoutes.filter((r) => r.method !== 'GET' && !r.public);
    expect(mutating.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(BODIES).sort());
    let checked = 0;
    for (const r of mutating) {
      const needs = r.role as Role;
      for (const role of ROLES.slice(0, ROLES.indexOf(needs))) {
        const res = await t.as[role].request({
          method: r.method as 'POST',
          url: fill(r.url),
          payload: BODIES[`${r.method} ${r.url}`] as object,
        });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('lets the role and above through (reads for everyone)', async () => {
    for (const role of ROLES)
      expect((await t.as[role].request({ method: 'GET', url: '/api/clusters' })).statusCode).toBe(
        200,
      );
    expect((await t.as.analyst.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const users = await t.as.admin.request({ method: 'GET', url: '/api/users' });
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toMatch(/scrypt|password/);
  });

  it('rejects a cookie-session POST without the CSRF header, or with a wrong one', async () => {
    const c = t.as.analyst;
    const payload = { source: 'cluster', clusterId: 'c3' };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie: c.cookie },
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: { cookie: c.cookie, 'x-csrf-token': t.as.admin.csrf },
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect((await c.request({ method: 'POST', url: '/api/cases', payload })).statusCode).toBe(200);
  });

  it('accepts bearer tokens without CSRF (not sent by browsers on their own)', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reviewer', password: PASSWORD, mode: 'token' },
    });
    const { token } = login.json() as { token: string };
    expect(login.cookies).toHaveLength(0);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases/case-9999/status',
      headers: { authorization: `Bearer ${token}` },
      payload: { status: 'closed' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('sets httpOnly SameSite=Strict session cookies and ends sessions on logout', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: PASSWORD },
    });
    const session = (
      res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; value: string }[]
    ).find((c) => c.name === 'takedown_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    const headers = { cookie: `takedown_session=${session?.value}`, 'x-csrf-token': csrf };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(
      401,
    );
  });

  it('rate-limits login attempts', async () => {
    const store = await Store.memory();
    await addUser(store, { username: 'u', password: PASSWORD, role: 'viewer' });
    const app = await buildServer({ store, loginRateLimit: { max: 3, timeWindow: 60_000 } });
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'u', password: 'wrong password!' },
          })
        ).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'u', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(429);
    await app.close();
    store.close();
  });
});

describe('hardening', () => {
  it('sends security headers with a strict CSP', async () => {
    const res = await t.as.viewer.request({ method: 'GET', url: '/api/clusters' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('refuses oversized bodies and invalid ones as problem+json', async () => {
    const big = {
      decisions: Array.from({ length: 40_000 }, (_, i) => ({
        accountId: `acct-${i}`,
        action: 'suspend',
        policy: 'spam',
        note: 'x',
      })),
    };
    const res = await t.as.reviewer.request({
      method: 'POST',
      url: '/api/cases/x/decisions',
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    const bad = await t.as.reviewer.request({
      method: 'POST',
      url: '/api/cases/x/decisions',
      payload: { decisions: [{ accountId: 'a', action: 'delete_everything', policy: 'spam' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation', status: 400 });
  });

  it('documents every route in openapi.json', async () => {
    const doc = (await t.as.viewer.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const r of t.app.apiRoutes) {
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });
});

describe('findings', () => {
  it('ranks clusters by score with verdicts and signals', async () => {
    const body = (await t.as.viewer.request({ method: 'GET', url: '/api/clusters' })).json() as {
      items: { clusterId: string; verdict: string; signals: string[]; accounts: number }[];
    };
    expect(body.items.map((c) => c.clusterId)).toEqual(['c1', 'c2', 'c3']);
    expect(body.items[0]).toMatchObject({
      verdict: 'likely_cib',
      accounts: 12,
      signals: ['co_retweet', 'co_url'],
    });
  });

  it('gives a cluster with positions, edges, timeline and creation histogram; an edge with both posts', async () => {
    const c = (await t.as.viewer.request({ method: 'GET', url: '/api/clusters/c1' })).json() as {
      nodes: {
        accountId: string;
        x: number;
        y: number;
        displayName: string | null;
        indicators: string[];
      }[];
      edges: { key: string; evidenceCount: number; signal: string }[];
      timeline: { buckets: unknown[] };
      creation: { buckets: { count: number }[] };
    };
    expect(c.nodes).toHaveLength(12);
    expect(new Set(c.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(12);
    expect(c.nodes.find((n) => n.accountId === t.seeded.xssAccountId)).toMatchObject({
      displayName: XSS_NAME,
      indicators: ['policy_violations'],
    });
    expect(c.timeline.buckets.length).toBeGreaterThan(1);
    expect(c.creation.buckets.reduce((s, b) => s + b.count, 0)).toBe(12);
    const edge = c.edges.find((e) => e.signal === 'co_retweet') as {
      key: string;
      evidenceCount: number;
    };
    const e = (
      await t.as.viewer.request({ method: 'GET', url: `/api/edges/${edge.key}` })
    ).json() as {
      evidence: {
        postA: { text: string; timeMs: number };
        postB: { timeMs: number };
        deltaMs: number;
        objectType: string;
        objectId: string;
      }[];
    };
    expect(e.evidence).toHaveLength(edge.evidenceCount);
    const first = e.evidence[0];
    expect(first?.objectType).toBe('retweet');
    expect(first?.postA.text).toMatch(/Soleimani/);
    expect(first?.deltaMs).toBe((first?.postB.timeMs ?? 0) - (first?.postA.timeMs ?? 0));
    // Same layout on a second read (cached and seeded).
    const again = (
      await t.as.viewer.request({ method: 'GET', url: '/api/clusters/c1' })
    ).json() as typeof c;
    expect(again.nodes.map((n) => [n.x, n.y])).toEqual(c.nodes.map((n) => [n.x, n.y]));
  });

  it('serves edges between long hashed ids (keys longer than the default parameter limit)', async () => {
    const c = (await t.as.viewer.request({ method: 'GET', url: '/api/clusters/c3' })).json() as {
      edges: { key: string; a: string }[];
    };
    const edge = c.edges.find((e) => e.a === SLASHED_ACCOUNT_ID);
    expect(edge?.key.length).toBeGreaterThan(100);
    const res = await t.as.viewer.request({ method: 'GET', url: `/api/edges/${edge?.key}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ a: SLASHED_ACCOUNT_ID, signal: 'sync_activity', evidence: [] });
  });

  it('serves accounts, posts, the review queue and optional findings', async () => {
    const a = (
      await t.as.viewer.request({ method: 'GET', url: `/api/accounts/${t.seeded.xssAccountId}` })
    ).json() as {
      account: { displayName: string };
      signals: { signal: string }[];
      policyHits: unknown[];
      impersonation: { available: boolean; tables: { total: number }[] };
    };
    expect(a.account.displayName).toBe(XSS_NAME);
    expect(a.signals.map((s) => s.signal)).toContain('co_retweet');
    expect(a.policyHits).toHaveLength(1);
    expect(a.impersonation.available).toBe(true);
    expect(a.impersonation.tables.map((x) => x.total)).toEqual([0]);
    const posts = (
      await t.as.viewer.request({ method: 'GET', url: '/api/posts?clusterId=c2&limit=2' })
    ).json() as { total: number; items: unknown[] };
    expect(posts).toMatchObject({ total: 6, limit: 2 });
    expect(posts.items).toHaveLength(2);
    const q = (await t.as.viewer.request({ method: 'GET', url: '/api/review' })).json() as {
      total: number;
      items: { label: string; reasons: string[] }[];
    };
    expect(q.total).toBe(2);
    expect(q.items[0]?.reasons[0]).toMatch(/irgc-qf-soleimani/);
    expect(
      (await t.as.viewer.request({ method: 'GET', url: '/api/findings/hash-banks' })).json(),
    ).toMatchObject({
      available: true,
      tables: [
        { table: 'hash_banks', total: 0 },
        { table: 'media_bank_hits', total: 0 },
      ],
    });
    expect(
      (await t.as.viewer.request({ method: 'GET', url: '/api/accounts/nobody' })).statusCode,
    ).toBe(404);
    // Hashed archive ids contain '/' and '+': encoded in the path, they reach the route intact.
    const slashed = await t.as.viewer.request({
      method: 'GET',
      url: `/api/accounts/${encodeURIComponent(SLASHED_ACCOUNT_ID)}`,
    });
    expect(slashed.statusCode).toBe(200);
    expect((slashed.json() as { account: { accountId: string } }).account.accountId).toBe(
      SLASHED_ACCOUNT_ID,
    );
  });

  it('puts hash-bank matches in the review queue and impersonation findings on the account page', async () => {
    const post = t.seeded.xssPostId;
    await t.store.run(
      `INSERT INTO media_bank_hits (platform, post_id, account_id, path, pdq, bank, bank_pdq, label, source, distance, matched_ms)
       VALUES ('twitter', $1, $2, 'soleimani.jpg', $3, 'tvec', $3, 'irgc_glorification', 'tcap', 12, 9999999999999)`,
      [post, t.seeded.xssAccountId, 'f'.repeat(64)],
    );
    await t.store.run(
      `INSERT INTO impersonation_findings (run_ms, platform, account_id, identity_id, score, reasons) VALUES (1, 'twitter', $1, 'rep-jane', 0.9, $2)`,
      [t.seeded.xssAccountId, JSON.stringify(["handle 'rep_jane0' looks like 'rep_jane'"])],
    );
    const q = (
      await t.as.viewer.request({ method: 'GET', url: '/api/review?source=hash_bank' })
    ).json() as {
      total: number;
      items: { source: string; label: string; reasons: string[]; post: { postId: string } }[];
    };
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({
      source: 'hash_bank',
      label: 'irgc_glorification',
      post: { postId: post },
    });
    expect(q.items[0]?.reasons[0]).toMatch(/matches bank tvec .* at Hamming distance 12/);
    const all = (await t.as.viewer.request({ method: 'GET', url: '/api/review' })).json() as {
      total: number;
    };
    expect(all.total).toBe(3);
    const a = (
      await t.as.viewer.request({ method: 'GET', url: `/api/accounts/${t.seeded.xssAccountId}` })
    ).json() as {
      policyHits: { source: string }[];
      impersonation: { tables: { total: number; rows: (string | null)[][] }[] };
    };
    expect(a.policyHits.map((h) => h.source).sort()).toEqual(['classifier', 'hash_bank']);
    expect(a.impersonation.tables[0]?.total).toBe(1);
    expect(JSON.stringify(a.impersonation.tables[0]?.rows)).toMatch(/rep-jane/);
  });

  it('runs a case from cluster to audit entry', async () => {
    const opened = (
      await t.as.analyst.request({
        method: 'POST',
        url: '/api/cases',
        payload: { source: 'cluster', clusterId: 'c1' },
      })
    ).json() as { caseId: string; subjects: { accountId: string }[] };
    const ids = opened.subjects.map((s) => s.accountId);
    const decided = await t.as.reviewer.request({
      method: 'POST',
      url: `/api/cases/${opened.caseId}/decisions`,
      payload: {
        decisions: ids.map((accountId) => ({
          accountId,
          action: 'suspend',
          policy: 'coordinated_inauthentic_behaviour',
        })),
      },
    });
    expect(decided.statusCode).toBe(200);
    expect((decided.json() as { decisions: unknown[] }).decisions).toHaveLength(12);
    const audit = (
      await t.as.viewer.request({
        method: 'GET',
        url: `/api/audit?caseId=${opened.caseId}&limit=100`,
      })
    ).json() as { items: { type: string; actor: string }[] };
    expect(audit.items.map((e) => e.type)).toEqual([
      'case.opened',
      ...ids.map(() => 'account.suspended'),
    ]);
    expect(audit.items[1]?.actor).toBe('reviewer');
    const conflict = await t.as.reviewer.request({
      method: 'POST',
      url: `/api/cases/${opened.caseId}/appeals`,
      payload: { accountId: ids[0], outcome: 'uphold' },
    });
    expect(conflict.statusCode).toBe(409);
    expect(
      (await t.as.reviewer.request({ method: 'GET', url: '/api/audit/verify' })).json(),
    ).toMatchObject({ ok: true });
  });
});
