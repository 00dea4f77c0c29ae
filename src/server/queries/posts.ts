/** Posts as the API shows them: bounded text, author's display name. */
import type { Store } from '../../store/index.ts';
import { clipText } from './json-column.ts';

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

export const POST_COLUMNS =
  'p.platform, p.post_id, p.account_id, a.display_name, a.handle, p.time_ms, p.kind, p.ref_post_id, p.text, p.language';
export const POST_JOIN =
  'LEFT JOIN (SELECT platform, account_id, any_value(display_name) AS display_name, any_value(handle) AS handle FROM accounts GROUP BY ALL) a ON a.account_id = p.account_id AND a.platform = p.platform';

export function toPostView(r: Record<string, unknown>): PostView {
  return {
    platform: String(r['platform']),
    postId: String(r['post_id']),
    accountId: String(r['account_id']),
    displayName: clipText(r['display_name'], 200),
    handle: clipText(r['handle'], 200),
    timeMs: Number(r['time_ms']),
    kind: String(r['kind']),
    refPostId: r['ref_post_id'] == null ? null : String(r['ref_post_id']),
    text: clipText(r['text']),
    language: r['language'] == null ? null : String(r['language']),
  };
}

export interface PostFilter {
  accountId?: string;
  clusterId?: string;
  q?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  offset: number;
}

/** A page of posts, newest first, with the total that match. */
export async function listPosts(
  store: Store,
  f: PostFilter,
  runId: string | null,
): Promise<{ total: number; items: PostView[] }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: (n: number) => string, value: string | number): void => {
    params.push(value);
    where.push(clause(params.length));
  };
  if (f.accountId) add((n) => `p.account_id = $${n}`, f.accountId);
  if (f.clusterId && runId) {
    params.push(runId);
    add(
      (n) =>
        `p.account_id IN (SELECT account_id FROM cluster_accounts WHERE run_id = $${n - 1} AND cluster_id = $${n})`,
      f.clusterId,
    );
  }
  if (f.q) add((n) => `p.text ILIKE '%' || $${n} || '%'`, f.q);
  if (f.fromMs !== undefined) add((n) => `p.time_ms >= $${n}`, f.fromMs);
  if (f.toMs !== undefined) add((n) => `p.time_ms < $${n}`, f.toMs);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await store.one<{ n: number }>(`SELECT count(*) AS n FROM posts p ${w}`, params);
  const rows = await store.all(
    `SELECT ${POST_COLUMNS} FROM posts p ${POST_JOIN} ${w} ORDER BY p.time_ms DESC, p.post_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { total: total?.n ?? 0, items: rows.map(toPostView) };
}

/** Posts by id (for edge evidence). */
export async function readPostsById(store: Store, ids: string[]): Promise<Map<string, PostView>> {
  if (ids.length === 0) return new Map();
  const rows = await store.all(
    `SELECT ${POST_COLUMNS} FROM posts p ${POST_JOIN} WHERE p.post_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [String(r['post_id']), toPostView(r)]));
}
