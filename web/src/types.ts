/** Shapes of the API's answers (see /api/openapi.json). */
export interface Me {
  username: string;
  role: 'viewer' | 'analyst' | 'reviewer' | 'admin';
  csrfToken: string | null;
}
export interface ClusterSummary {
  clusterId: string;
  rank: number;
  verdict: string;
  score: number;
  reason: string;
  accounts: number;
  edges: number;
  signals: string[];
  indicators: string[];
  firstMs: number | null;
  lastMs: number | null;
}
export interface ClusterNode {
  accountId: string;
  platform: string | null;
  displayName: string | null;
  handle: string | null;
  surface: string;
  createdMs: number | null;
  followers: number | null;
  posts: number;
  policyHits: number;
  indicators: string[];
  x: number;
  y: number;
}
export interface ClusterEdge {
  key: string;
  a: string;
  b: string;
  signal: string;
  weight: number;
  qValue: number | null;
  evidenceCount: number;
}
export interface Buckets {
  bucketMs: number;
  buckets: { startMs: number; count: number }[];
}
export interface ClusterDetail {
  runId: string;
  cluster: ClusterSummary;
  nodes: ClusterNode[];
  edges: ClusterEdge[];
  edgesTruncated: boolean;
  timeline: Buckets;
  creation: Buckets;
}
export interface PostView {
  platform: string;
  postId: string;
  accountId: string;
  displayName: string | null;
  handle: string | null;
  timeMs: number;
  kind: string;
  refPostId: string | null;
  text: string | null;
  language: string | null;
}
export interface EdgeDetail {
  key: string;
  clusterId: string;
  a: string;
  b: string;
  signal: string;
  weight: number;
  pValue: number | null;
  qValue: number | null;
  evidenceTotal: number;
  evidence: {
    postA: PostView | null;
    postB: PostView | null;
    postIdA: string | null;
    postIdB: string | null;
    objectType: string | null;
    objectId: string | null;
    deltaMs: number | null;
  }[];
}
export interface ReviewItem {
  source: string;
  post: PostView;
  label: string;
  violating: boolean;
  entities: string[];
  reasons: string[];
  classifiedMs: number;
}
export interface FindingTables {
  available: boolean;
  tables: { table: string; columns: string[]; total: number; rows: (string | null)[][] }[];
}
export interface AccountDetail {
  account: {
    platform: string;
    accountId: string;
    surface: string;
    displayName: string | null;
    handle: string | null;
    description: string | null;
    profileUrl: string | null;
    reportedLocation: string | null;
    followers: number | null;
    following: number | null;
    createdMs: number | null;
    language: string | null;
  };
  postsTotal: number;
  posts: PostView[];
  clusters: { clusterId: string; verdict: string; score: number }[];
  signals: { signal: string; edges: number; partners: number; evidence: number }[];
  policyHits: ReviewItem[];
  decisions: {
    caseId: string;
    surface: string;
    action: string;
    policy: string | null;
    status: string;
    decidedBy: string | null;
    decidedMs: number | null;
  }[];
  impersonation: FindingTables;
}
export interface Subject {
  platform: string | null;
  accountId: string;
  surface: string;
}
export interface Decision extends Subject {
  action: string;
  policy: string;
  status: string;
  note: string | null;
  decidedBy: string;
  decidedMs: number;
}
export interface CaseState {
  caseId: string;
  title: string;
  status: string;
  source: { kind: string; clusterId?: string | null; postIds?: string[] };
  openedBy: string;
  openedMs: number;
  assignee: string | null;
  subjects: Subject[];
  decisions: Decision[];
  updatedMs: number;
  eventCount: number;
  lastSeq: number;
}
export interface CaseEvent {
  seq: number;
  eventId: string;
  caseId: string | null;
  type: string;
  actor: string;
  timeMs: number;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export const ACTIONS = ['remove', 'suspend', 'label_state_affiliated', 'no_action'] as const;
export const POLICIES = [
  'coordinated_inauthentic_behaviour',
  'dangerous_organisations_and_individuals',
  'state_media_transparency',
  'impersonation',
  'spam',
  'none',
] as const;
export const ROLE_ORDER = ['viewer', 'analyst', 'reviewer', 'admin'] as const;
export function can(me: Me, role: (typeof ROLE_ORDER)[number]): boolean {
  return ROLE_ORDER.indexOf(me.role) >= ROLE_ORDER.indexOf(role);
}
