/** The review queue: posts the classifier flagged as violating, with its label, entities and reasons. */
import type { Store } from '../../store/index.ts';
import { parseJsonColumn } from './json-column.ts';
import { readTableNames } from './latest-run.ts';
import { POST_COLUMNS, POST_JOIN, toPostView, type PostView } from './posts.ts';

export interface ReviewItem {
  source: 'classifier' | 'hash_bank';
  post: PostView;
  label: string;
  violating: boolean;
  entities: string[];
  reasons: string[];
  classifiedMs: number;
}

/**
 * Classifier hits (violating unless `all`) and, when media has run, posts whose images match a
 * hash bank; newest first. Bank-hit reasons name the bank, its label and source, and the distance.
 */
export async function listReviewQueue(
  store: Store,
  f: {
    label?: string;
    all?: boolean;
    source?: 'classifier' | 'hash_bank';
    accountId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ total: number; items: ReviewItem[] }> {
  const params: (string | number)[] = [];
  const parts: string[] = [];
  if (f.source !== 'hash_bank') {
    const where: string[] = [];
    if (!f.all) where.push('r.violating');
    if (f.accountId) {
      params.push(f.accountId);
      where.push(`r.account_id = $${params.length}`);
    }
    if (f.label) {
      params.push(f.label);
      where.push(`r.label = $${params.length}`);
    }
    parts.push(
      `SELECT 'classifier' AS source, r.platform AS r_platform, r.post_id AS r_post_id, r.label, r.violating, r.entities, r.reasons, r.classified_ms AS flagged_ms
         FROM policy_results r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    );
  }
  if (f.source !== 'classifier' && (await readTableNames(store)).has('media_bank_hits')) {
    const conds: string[] = [];
    if (f.label) {
      params.push(f.label);
      conds.push(`coalesce(h.label, 'known_image') = $${params.length}`);
    }
    if (f.accountId) {
      params.push(f.accountId);
      conds.push(`h.account_id = $${params.length}`);
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    parts.push(
      `SELECT 'hash_bank' AS source, h.platform AS r_platform, h.post_id AS r_post_id, coalesce(h.label, 'known_image') AS label, true AS violating, to_json([h.bank]) AS entities,
              to_json(['image ' || coalesce(h.path, h.pdq) || ' matches bank ' || h.bank || coalesce(' (' || h.label || ')', '') || coalesce(' from ' || h.source, '') || ' at Hamming distance ' || h.distance || ' of 256 bits']) AS reasons,
              h.matched_ms AS flagged_ms
         FROM media_bank_hits h ${where}`,
    );
  }
  if (parts.length === 0) return { total: 0, items: [] };
  const union = parts.join(' UNION ALL ');
  const total = await store.one<{ n: number }>(`SELECT count(*) AS n FROM (${union})`, params);
  const rows = await store.all(
    `SELECT ${POST_COLUMNS}, q.source, q.label, q.violating, q.entities, q.reasons, q.flagged_ms
       FROM (${union}) q JOIN posts p ON p.post_id = q.r_post_id AND (q.r_platform IS NULL OR p.platform = q.r_platform) ${POST_JOIN}
      ORDER BY q.flagged_ms DESC, p.post_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      source: r['source'] === 'hash_bank' ? ('hash_bank' as const) : ('classifier' as const),
      post: toPostView(r),
      label: String(r['label']),
      violating: Boolean(r['violating']),
      entities: parseJsonColumn<unknown[]>(r['entities'], [])
        .map((e) =>
          typeof e === 'string'
            ? e
            : e && typeof e === 'object'
              ? String(
                  (e as Record<string, unknown>)['name'] ??
                    (e as Record<string, unknown>)['id'] ??
                    '',
                )
              : '',
        )
        .filter(Boolean)
        .slice(0, 20),
      reasons: parseJsonColumn<unknown[]>(r['reasons'], [])
        .map((x) => String(x).slice(0, 500))
        .slice(0, 20),
      classifiedMs: Number(r['flagged_ms']),
    })),
  };
}
