/** Read-only findings: clusters, edges with evidence, accounts, posts, review queue, optional stages. */
import type { FastifyInstance } from 'fastify';
import { VERDICTS } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import {
  accountDetail,
  clusterDetail,
  clusterSummary,
  edgeDetail,
  findingTables,
  page,
  postView,
  reviewItem,
} from '../api-schemas.ts';
import { readAccount } from '../queries/accounts.ts';
import { listClusters, readCluster } from '../queries/clusters.ts';
import { readEdge } from '../queries/edges.ts';
import { readLatestRunId } from '../queries/latest-run.ts';
import { FINDING_KINDS, readFindings, type FindingKind } from '../queries/optional-findings.ts';
import { listPosts } from '../queries/posts.ts';
import { listReviewQueue } from '../queries/review.ts';
import { enumOf, errorResponses, idParam, nullable, obj, paging, str } from '../schema-helpers.ts';

const shortText = { type: 'string', minLength: 1, maxLength: 256 };

export function registerFindingRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: { verdict?: string; limit: number; offset: number } }>('/api/clusters', {
    schema: {
      summary: 'Clusters of the latest detect run, ranked by score',
      querystring: obj({ verdict: enumOf(VERDICTS), ...paging }, ['verdict', 'limit', 'offset']),
      response: {
        200: obj({
          runId: nullable(str),
          total: { type: 'integer' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
          items: { type: 'array', items: clusterSummary },
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const q = request.query;
      return {
        ...(await listClusters(store, {
          ...(q.verdict ? { verdict: q.verdict } : {}),
          limit: q.limit,
          offset: q.offset,
        })),
        limit: q.limit,
        offset: q.offset,
      };
    },
  });

  app.get<{ Params: { clusterId: string } }>('/api/clusters/:clusterId', {
    schema: {
      summary:
        'One cluster: accounts with precomputed layout positions, edges, activity timeline, account-creation histogram',
      params: idParam('clusterId'),
      response: { 200: clusterDetail, ...errorResponses },
    },
    handler: async (request) => readCluster(store, request.params.clusterId),
  });

  app.get<{ Params: { edgeKey: string } }>('/api/edges/:edgeKey', {
    schema: {
      summary:
        'One edge with its evidence: the two posts side by side, the time between them and the shared object',
      params: {
        type: 'object',
        properties: { edgeKey: { type: 'string', minLength: 1, maxLength: 4096 } },
        required: ['edgeKey'],
        additionalProperties: false,
      },
      response: { 200: edgeDetail, ...errorResponses },
    },
    handler: async (request) => readEdge(store, request.params.edgeKey),
  });

  app.get<{ Params: { accountId: string }; Querystring: { platform?: string } }>(
    '/api/accounts/:accountId',
    {
      schema: {
        summary:
          'One account: posts, signals, clusters, policy hits, impersonation findings, decisions',
        params: idParam('accountId'),
        querystring: obj({ platform: shortText }, ['platform']),
        response: { 200: accountDetail, ...errorResponses },
      },
      handler: async (request) => {
        const detail = await readAccount(store, request.params.accountId, request.query.platform);
        return {
          ...detail,
          impersonation: await readFindings(store, 'impersonation', {
            accountId: request.params.accountId,
            limit: 50,
          }),
        };
      },
    },
  );

  app.get<{
    Querystring: {
      accountId?: string;
      clusterId?: string;
      q?: string;
      fromMs?: number;
      toMs?: number;
      limit: number;
      offset: number;
    };
  }>('/api/posts', {
    schema: {
      summary: 'Posts, newest first, filtered by account, cluster, text or time',
      querystring: obj(
        {
          accountId: shortText,
          clusterId: shortText,
          q: { type: 'string', minLength: 1, maxLength: 200 },
          fromMs: { type: 'integer' },
          toMs: { type: 'integer' },
          ...paging,
        },
        ['accountId', 'clusterId', 'q', 'fromMs', 'toMs', 'limit', 'offset'],
      ),
      response: { 200: page(postView), ...errorResponses },
    },
    handler: async (request) => {
      const q = request.query;
      return {
        ...(await listPosts(store, q, await readLatestRunId(store))),
        limit: q.limit,
        offset: q.offset,
      };
    },
  });

  app.get<{
    Querystring: {
      label?: string;
      all?: boolean;
      source?: 'classifier' | 'hash_bank';
      limit: number;
      offset: number;
    };
  }>('/api/review', {
    schema: {
      summary:
        'Review queue: posts the classifier flagged and posts whose images match a hash bank, with reasons',
      querystring: obj(
        {
          label: shortText,
          all: { type: 'boolean' },
          source: enumOf(['classifier', 'hash_bank']),
          ...paging,
        },
        ['label', 'all', 'source', 'limit', 'offset'],
      ),
      response: { 200: page(reviewItem), ...errorResponses },
    },
    handler: async (request) => ({
      ...(await listReviewQueue(store, request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  });

  app.get<{ Params: { kind: FindingKind } }>('/api/findings/:kind', {
    schema: {
      summary:
        'Findings of optional stages: hash-bank matches, impersonation, state media (available: false when the stage has not run)',
      params: obj({ kind: enumOf(Object.keys(FINDING_KINDS)) }),
      response: { 200: findingTables, ...errorResponses },
    },
    handler: async (request) => readFindings(store, request.params.kind),
  });
}
