/** Cases and the audit log. Analysts open and assign; reviewers decide and settle appeals. */
import type { FastifyInstance } from 'fastify';
import { SURFACES } from '../../model/index.ts';
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
  readCaseEvents,
  setCaseStatus,
  verifyAuditLog,
  type AppealOutcome,
  type DecisionInput,
  type OpenCaseInput,
} from '../../cases/index.ts';
import type { Store } from '../../store/index.ts';
import { sessionOf } from '../auth/auth-hook.ts';
import { caseEvent, caseState } from '../api-schemas.ts';
import {
  arr,
  enumOf,
  errorResponses,
  idParam,
  int,
  nullable,
  obj,
  paging,
  str,
} from '../schema-helpers.ts';

const id = { type: 'string', minLength: 1, maxLength: 256 };
const note = nullable({ type: 'string', maxLength: 2000 });
const caseParams = idParam('caseId');

export function registerCaseRoutes(app: FastifyInstance, store: Store): void {
  const ctx = (request: Parameters<typeof sessionOf>[0]) => ({
    store,
    actor: sessionOf(request).user.username,
  });

  app.get('/api/cases', {
    schema: {
      summary: 'Cases, newest first',
      response: { 200: obj({ items: arr(caseState) }), ...errorResponses },
    },
    handler: async () => ({ items: await listCases(store) }),
  });

  app.post<{
    Body: {
      source: 'cluster' | 'seeds' | 'policy_hits';
      clusterId?: string;
      accountIds?: string[];
      seedSet?: string;
      postIds?: string[];
      title?: string;
    };
  }>('/api/cases', {
    config: { role: 'analyst' },
    schema: {
      summary:
        'Open a case from a cluster, a seed list of account ids (or an ingested seed set), or policy-hit post ids',
      body: obj(
        {
          source: enumOf(['cluster', 'seeds', 'policy_hits']),
          clusterId: id,
          accountIds: arr(id, 50_000),
          seedSet: id,
          postIds: arr(id, 50_000),
          title: { type: 'string', minLength: 1, maxLength: 300 },
        },
        ['clusterId', 'accountIds', 'seedSet', 'postIds', 'title'],
      ),
      response: { 200: caseState, ...errorResponses },
    },
    handler: async (request) => {
      const b = request.body;
      const title = b.title ? { title: b.title } : {};
      const input: OpenCaseInput =
        b.source === 'cluster'
          ? { kind: 'cluster', clusterId: b.clusterId ?? '', ...title }
          : b.source === 'seeds' && b.seedSet !== undefined
            ? { kind: 'seed_set', seedSet: b.seedSet, ...title }
            : b.source === 'seeds'
              ? {
                  kind: 'seeds',
                  accounts: (b.accountIds ?? []).map((accountId) => ({ accountId })),
                  ...title,
                }
              : { kind: 'policy_hits', postIds: b.postIds ?? [], ...title };
      return openCase(ctx(request), input);
    },
  });

  app.get<{ Params: { caseId: string } }>('/api/cases/:caseId', {
    schema: {
      summary: 'A case (projected from its events) and its events',
      params: caseParams,
      response: { 200: obj({ state: caseState, events: arr(caseEvent) }), ...errorResponses },
    },
    handler: async (request) => readCase(store, request.params.caseId),
  });

  app.post<{ Params: { caseId: string }; Body: { assignee: string | null } }>(
    '/api/cases/:caseId/assign',
    {
      config: { role: 'analyst' },
      schema: {
        summary: 'Assign the case',
        params: caseParams,
        body: obj({ assignee: nullable({ type: 'string', minLength: 1, maxLength: 64 }) }),
        response: { 200: caseState, ...errorResponses },
      },
      handler: async (request) =>
        assignCase(ctx(request), request.params.caseId, request.body.assignee),
    },
  );

  app.post<{ Params: { caseId: string }; Body: { decisions: DecisionInput[] } }>(
    '/api/cases/:caseId/decisions',
    {
      config: { role: 'reviewer' },
      schema: {
        summary:
          'Decide on accounts of the case citing a policy (several = one bulk decision, all or nothing)',
        params: caseParams,
        body: obj({
          decisions: {
            type: 'array',
            minItems: 1,
            maxItems: 50_000,
            items: obj(
              {
                accountId: id,
                platform: nullable(id),
                surface: enumOf(SURFACES),
                action: enumOf(ACTIONS),
                policy: enumOf(POLICIES),
                note,
              },
              ['platform', 'surface', 'note'],
            ),
          },
        }),
        response: { 200: caseState, ...errorResponses },
      },
      handler: async (request) =>
        decideAccounts(ctx(request), request.params.caseId, request.body.decisions),
    },
  );

  app.post<{
    Params: { caseId: string };
    Body: {
      accountId: string;
      platform?: string | null;
      surface?: (typeof SURFACES)[number];
      outcome: AppealOutcome;
      note?: string | null;
    };
  }>('/api/cases/:caseId/appeals', {
    config: { role: 'reviewer' },
    schema: {
      summary: 'Appeal a decision: reopen it, then uphold or overturn it',
      params: caseParams,
      body: obj(
        {
          accountId: id,
          platform: nullable(id),
          surface: enumOf(SURFACES),
          outcome: enumOf(APPEAL_OUTCOMES),
          note,
        },
        ['platform', 'surface', 'note'],
      ),
      response: { 200: caseState, ...errorResponses },
    },
    handler: async (request) => appealDecision(ctx(request), request.params.caseId, request.body),
  });

  app.post<{ Params: { caseId: string }; Body: { status: 'open' | 'closed' } }>(
    '/api/cases/:caseId/status',
    {
      config: { role: 'reviewer' },
      schema: {
        summary: 'Close or reopen a case',
        params: caseParams,
        body: obj({ status: enumOf(['open', 'closed']) }),
        response: { 200: caseState, ...errorResponses },
      },
      handler: async (request) =>
        setCaseStatus(ctx(request), request.params.caseId, request.body.status),
    },
  );

  app.get<{ Querystring: { caseId?: string; limit: number; offset: number } }>('/api/audit', {
    schema: {
      summary: 'The audit log: case events in order, with their hash chain',
      querystring: obj({ caseId: id, ...paging }, ['caseId', 'limit', 'offset']),
      response: { 200: obj({ limit: int, offset: int, items: arr(caseEvent) }), ...errorResponses },
    },
    handler: async (request) => {
      const q = request.query;
      return {
        limit: q.limit,
        offset: q.offset,
        items: await readCaseEvents(store, {
          ...(q.caseId ? { caseId: q.caseId } : {}),
          limit: q.limit,
          offset: q.offset,
        }),
      };
    },
  });

  app.get('/api/audit/verify', {
    config: { role: 'reviewer' },
    schema: {
      summary: 'Recompute the audit log hash chain',
      response: {
        200: obj({
          ok: { type: 'boolean' },
          events: int,
          head: str,
          firstBadSeq: nullable(int),
          problem: nullable(str),
        }),
        ...errorResponses,
      },
    },
    handler: async () => verifyAuditLog(store),
  });
}
