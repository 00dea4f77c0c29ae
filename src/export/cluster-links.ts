/**
 * The URLs and domains a network pushed: those shared by at least two of its accounts, most shared
 * first. Platform domains (twitter.com, t.co, facebook.com …) say nothing about an operation.
 */
import type { Store } from '../store/index.ts';

export interface SharedLink {
  /** The URL as posted (or the domain). */
  value: string;
  accounts: number;
  posts: number;
}

const PLATFORM_DOMAINS = [
  'twitter.com',
  'x.com',
  't.co',
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  't.me',
  'telegram.me',
  'bit.ly',
];

/** Shared URLs and domains of one cluster, at most `limit` of each. */
export async function loadSharedLinks(
  store: Store,
  runId: string,
  clusterId: string,
  limit = 50,
): Promise<{ urls: SharedLink[]; domains: SharedLink[] }> {
  const query = (type: string): Promise<{ value: string; accounts: number; posts: number }[]> =>
    store.all(
      `SELECT min(coalesce(o.raw, o.object_id)) AS value, count(DISTINCT o.account_id)::INTEGER AS accounts, count(DISTINCT o.post_id)::INTEGER AS posts
         FROM post_objects o JOIN cluster_accounts ca ON ca.account_id = o.account_id AND (ca.platform IS NULL OR ca.platform = o.platform)
        WHERE ca.run_id = $1 AND ca.cluster_id = $2 AND o.object_type = $3
        GROUP BY o.object_id
       HAVING count(DISTINCT o.account_id) >= 2
        ORDER BY accounts DESC, posts DESC, value
        LIMIT ${Math.max(1, Math.trunc(limit)) * 2}`,
      [runId, clusterId, type],
    );
  const isPlatform = (host: string): boolean => {
    const h = host.toLowerCase().replace(/^www\./, '');
    return PLATFORM_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
  };
  const urls = (await query('url'))
    .map((r) => ({ ...r, value: toAbsoluteUrl(r.value) }))
    .filter((r) => r.value !== null && !isPlatform(new URL(r.value).hostname)) as SharedLink[];
  const domains = (await query('domain')).filter((r) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(r.value) && !isPlatform(r.value));
  return { urls: urls.slice(0, limit), domains: domains.slice(0, limit) };
}

/** A URL with a scheme (detect may store normalised URLs without one), or null when unusable. */
function toAbsoluteUrl(value: string): string | null {
  const v = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null;
  } catch {
    return null;
  }
}
