/** The review queue: posts the classifier flagged as violating, with its label, entities and reasons. */
import type { Store } from '../../store/index.ts';
import { parseJsonColumn } from './json-column.ts';
import { POST_COLUMNS, POST_JOIN, toPostView, type PostView } from './posts.ts';

export interface ReviewItem {
  source: 'classifier';
  post: PostView;
  label: string;
  violating: boolean;
  entities: string[];
  reasons: string[];
  classifiedMs: number;
}

export async function listReviewQueue(store: Store, f: { label?: string; all?: boolean; limit: number; offset: number }): Promise<{ total: number; items: ReviewItem[] }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (!f.all) where.push('r.violating');
  if (f.label) {
    params.push(f.label);
    where.push(`r.label = $${params.length}`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await store.one<{ n: number }>(`SELECT count(*) AS n FROM policy_results r ${w}`, params);
  const rows = await store.all(
    `SELECT ${POST_COLUMNS}, r.label, r.violating, r.entities, r.reasons, r.classified_ms
       FROM policy_results r JOIN posts p ON p.post_id = r.post_id AND (r.platform IS NULL OR p.platform = r.platform) ${POST_JOIN}
       ${w} ORDER BY r.classified_ms DESC, p.post_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      source: 'classifier' as const,
      post: toPostView(r),
      label: String(r['label']),
      violating: Boolean(r['violating']),
      entities: parseJsonColumn<unknown[]>(r['entities'], [])
        .map((e) => (typeof e === 'string' ? e : e && typeof e === 'object' ? String((e as Record<string, unknown>)['name'] ?? (e as Record<string, unknown>)['id'] ?? '') : ''))
        .filter(Boolean)
        .slice(0, 20),
      reasons: parseJsonColumn<unknown[]>(r['reasons'], []).map((x) => String(x).slice(0, 500)).slice(0, 20),
      classifiedMs: Number(r['classified_ms']),
    })),
  };
}
