/** Response shapes of the API (what Fastify serialises with, and what openapi.json documents). */
import {
  anyJson,
  arr,
  bool,
  int,
  nullable,
  num,
  obj,
  str,
  type JsonSchema,
} from './schema-helpers.ts';

const nstr = nullable(str);
const nnum = nullable(num);

export const postView = obj({
  platform: str,
  postId: str,
  accountId: str,
  displayName: nstr,
  handle: nstr,
  timeMs: num,
  kind: str,
  refPostId: nstr,
  text: nstr,
  language: nstr,
});

export const clusterSummary = obj({
  clusterId: str,
  rank: int,
  verdict: str,
  score: num,
  reason: str,
  accounts: int,
  edges: int,
  signals: arr(str),
  indicators: arr(str),
  firstMs: nnum,
  lastMs: nnum,
});

const buckets = obj({ bucketMs: num, buckets: arr(obj({ startMs: num, count: int })) });

export const clusterDetail = obj({
  runId: str,
  cluster: clusterSummary,
  signalDetail: anyJson,
  indicatorDetail: anyJson,
  nodes: arr(
    obj({
      accountId: str,
      platform: nstr,
      displayName: nstr,
      handle: nstr,
      surface: str,
      createdMs: nnum,
      followers: nnum,
      posts: int,
      policyHits: int,
      indicators: arr(str),
      x: num,
      y: num,
    }),
  ),
  edges: arr(
    obj({ key: str, a: str, b: str, signal: str, weight: num, qValue: nnum, evidenceCount: int }),
  ),
  edgesTruncated: bool,
  timeline: buckets,
  creation: buckets,
});

export const edgeDetail = obj({
  key: str,
  clusterId: str,
  a: str,
  b: str,
  signal: str,
  weight: num,
  pValue: nnum,
  qValue: nnum,
  evidenceTotal: int,
  evidence: arr(
    obj({
      postA: nullable(postView),
      postB: nullable(postView),
      postIdA: nstr,
      postIdB: nstr,
      objectType: nstr,
      objectId: nstr,
      deltaMs: nnum,
    }),
  ),
});

export const reviewItem = obj({
  source: str,
  post: postView,
  label: str,
  violating: bool,
  entities: arr(str),
  reasons: arr(str),
  classifiedMs: num,
});

export const decisionRow = obj({
  caseId: str,
  surface: str,
  action: str,
  policy: nstr,
  status: str,
  decidedBy: nstr,
  decidedMs: nnum,
});

export const accountDetail = obj({
  account: obj({
    platform: str,
    accountId: str,
    surface: str,
    displayName: nstr,
    handle: nstr,
    description: nstr,
    profileUrl: nstr,
    reportedLocation: nstr,
    followers: nnum,
    following: nnum,
    createdMs: nnum,
    language: nstr,
  }),
  postsTotal: int,
  posts: arr(postView),
  clusters: arr(obj({ clusterId: str, verdict: str, score: num })),
  signals: arr(obj({ signal: str, edges: int, partners: int, evidence: int })),
  policyHits: arr(reviewItem),
  decisions: arr(decisionRow),
  impersonation: anyJson,
});

export const findingTables = obj({
  available: bool,
  tables: arr(obj({ table: str, columns: arr(str), total: int, rows: arr(arr(nstr)) })),
});

const subject = obj({ platform: nstr, accountId: str, surface: str });
const decision = obj({
  platform: nstr,
  accountId: str,
  surface: str,
  action: str,
  policy: str,
  status: str,
  note: nstr,
  decidedBy: str,
  decidedMs: num,
});

export const caseState = obj({
  caseId: str,
  title: str,
  status: str,
  source: obj({ kind: str, runId: nstr, clusterId: nstr, postIds: arr(str), seedSet: str }, [
    'runId',
    'clusterId',
    'postIds',
    'seedSet',
  ]),
  openedBy: str,
  openedMs: num,
  assignee: nstr,
  subjects: arr(subject),
  decisions: arr(decision),
  updatedMs: num,
  eventCount: int,
  lastSeq: int,
});

export const caseEvent = obj({
  seq: int,
  eventId: str,
  caseId: nstr,
  type: str,
  actor: str,
  timeMs: num,
  payload: anyJson,
  prevHash: str,
  hash: str,
});

export const user = obj({
  username: str,
  role: str,
  createdMs: num,
  createdBy: nstr,
  disabled: bool,
});

export const page = (item: JsonSchema): JsonSchema =>
  obj({ total: int, limit: int, offset: int, items: arr(item) });
