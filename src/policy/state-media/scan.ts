/**
 * State-media findings over the store, each with its evidence:
 * - `post_links_state_media`: a post links a registry domain (or a subdomain or mirror of it);
 * - `undisclosed_state_media`: an account whose links are dominated by state media (share of its
 *   link posts ≥ `minShare` and at least `minCount` of them) while neither its name, handle nor
 *   bio discloses a tie (an outlet's name, "state media", "IRIB", "Press TV correspondent" …, in
 *   English, Persian and Arabic); the outlets' own accounts are disclosed by definition;
 * - `shared_identifier`: the same profile URL, e-mail, phone number or messenger link on several
 *   accounts (2 to `maxShared`; more is a public address, not a tie).
 * YouTube's information panel and Meta's state-media labels rest on the same idea: a tie to a
 * state broadcaster is not a violation, hiding it is.
 */
import { insertMany } from '../../media/index.ts';
import type { Store } from '../../store/index.ts';
import { hostOfUrl, normaliseUrl } from '../../text/index.ts';
import { containsPhrase, nameTokens } from '../impersonation/keys.ts';
import { loadStateMediaRegistry, outletOfHost, type StateMediaRegistry } from './registry.ts';

export interface StateMediaScanOptions {
  /** Smallest share of an account's link posts that point at state media (default 0.5). */
  minShare?: number;
  /** Smallest number of such posts (default 5). */
  minCount?: number;
  /** Largest number of accounts sharing an identifier for it to count as a tie (default 50). */
  maxShared?: number;
  nowMs?: number;
}

export interface StateMediaFinding {
  kind: 'post_links_state_media' | 'undisclosed_state_media' | 'shared_identifier';
  platform: string | null;
  accountId: string | null;
  postId: string | null;
  outletId: string | null;
  score: number;
  reason: string;
  evidence: Record<string, unknown>;
}

export interface StateMediaScan {
  findings: StateMediaFinding[];
  counts: Record<StateMediaFinding['kind'], number>;
}

/** The disclosure phrase found in a name, handle or bio, or null. */
export function findDisclosure(registry: StateMediaRegistry, texts: readonly (string | null | undefined)[]): string | null {
  const words = texts.flatMap((t) => [...nameTokens(t ?? '', false), '|']);
  const joined = texts.map((t) => (t ?? '').toLowerCase()).join(' ');
  for (const phrase of registry.disclosures) {
    const p = nameTokens(phrase, false);
    if (p.length === 0) continue;
    if (containsPhrase(words, p)) return phrase;
    // Handles and run-together names: "presstv_es", "PressTVCorrespondent".
    const glued = p.join('');
    if (glued.length >= 6 && /^[a-z0-9]+$/.test(glued) && joined.replace(/[^a-z0-9]/g, '').includes(glued)) return phrase;
  }
  return null;
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
const PHONE = /\+?\d[\d\s().-]{8,}\d/g;
const MESSENGER = /\b(?:https?:\/\/)?(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com)\/[A-Za-z0-9_+/-]+/gi;

/** Identifiers in a profile that tie accounts together: profile URL, e-mails, phones, messenger links. */
export function profileIdentifiers(profileUrl: string | null, description: string | null): { kind: string; value: string }[] {
  const out: { kind: string; value: string }[] = [];
  if (profileUrl) {
    const n = normaliseUrl(profileUrl);
    if (n) out.push({ kind: 'profile_url', value: n });
  }
  const d = description ?? '';
  for (const m of d.match(EMAIL) ?? []) out.push({ kind: 'email', value: m.toLowerCase() });
  for (const m of d.match(MESSENGER) ?? []) out.push({ kind: 'messenger', value: (normaliseUrl(m) ?? m).toLowerCase() });
  for (const m of d.replace(MESSENGER, ' ').match(PHONE) ?? []) {
    const digits = m.replace(/\D/g, '');
    if (digits.length >= 9 && digits.length <= 15) out.push({ kind: 'phone', value: digits });
  }
  return out;
}

/** Runs the three scans and replaces `state_media_findings` with the result. */
export async function scanStateMedia(store: Store, options: StateMediaScanOptions = {}): Promise<StateMediaScan> {
  const minShare = options.minShare ?? 0.5;
  const minCount = options.minCount ?? 5;
  const maxShared = options.maxShared ?? 50;
  const registry = await loadStateMediaRegistry(store);
  const findings: StateMediaFinding[] = [];

  // 1. Posts linking state media: match each distinct host once, then list the posts.
  const hosts = await store.all<{ host: string }>(
    "SELECT DISTINCT object_id AS host FROM post_objects WHERE object_type = 'domain' UNION SELECT DISTINCT object_id FROM post_objects WHERE object_type = 'url'",
  );
  const matched = new Map<string, { outletId: string; domain: string }>();
  for (const { host } of hosts) {
    const h = host.includes('/') || !host.includes('.') ? hostOfUrl(host) : host;
    if (!h) continue;
    const m = outletOfHost(registry, h);
    if (m) matched.set(host, m);
  }
  const perPost = new Map<string, { platform: string; postId: string; accountId: string; links: Set<string>; outlets: Set<string>; domains: Set<string> }>();
  if (matched.size > 0) {
    const rows = await store.all<{ platform: string; post_id: string; account_id: string; object_type: string; object_id: string }>(
      `SELECT platform, post_id, account_id, object_type, object_id FROM post_objects
        WHERE object_type IN ('url', 'domain') AND list_contains(string_split($1, chr(31)), object_id)
        ORDER BY platform, post_id`,
      [[...matched.keys()].join('\u001f')],
    );
    for (const r of rows) {
      const key = `${r.platform}\u0000${r.post_id}`;
      let p = perPost.get(key);
      if (!p) perPost.set(key, (p = { platform: r.platform, postId: r.post_id, accountId: r.account_id, links: new Set(), outlets: new Set(), domains: new Set() }));
      const m = matched.get(r.object_id)!;
      p.outlets.add(m.outletId);
      p.domains.add(m.domain);
      if (r.object_type === 'url') p.links.add(r.object_id);
    }
  }
  for (const p of perPost.values()) {
    const names = [...p.outlets].map((o) => registry.outlets.get(o)?.name ?? o);
    findings.push({
      kind: 'post_links_state_media',
      platform: p.platform,
      accountId: p.accountId,
      postId: p.postId,
      outletId: [...p.outlets][0] ?? null,
      score: 1,
      reason: `post links state media: ${names.join(', ')} (${[...p.domains].join(', ')})`,
      evidence: { postId: p.postId, domains: [...p.domains], links: [...p.links].slice(0, 10), outlets: [...p.outlets] },
    });
  }

  // 2. Accounts dominated by state-media links without disclosure.
  const linkPosts = await store.all<{ platform: string; account_id: string; n: number }>(
    "SELECT platform, account_id, count(DISTINCT post_id) AS n FROM post_objects WHERE object_type IN ('url', 'domain') GROUP BY ALL",
  );
  const smByAccount = new Map<string, { posts: string[]; domains: Map<string, number>; outlets: Map<string, number> }>();
  for (const p of perPost.values()) {
    const key = `${p.platform}\u0000${p.accountId}`;
    let a = smByAccount.get(key);
    if (!a) smByAccount.set(key, (a = { posts: [], domains: new Map(), outlets: new Map() }));
    a.posts.push(p.postId);
    for (const d of p.domains) a.domains.set(d, (a.domains.get(d) ?? 0) + 1);
    for (const o of p.outlets) a.outlets.set(o, (a.outlets.get(o) ?? 0) + 1);
  }
  const profiles = new Map(
    (
      await store.all<{ platform: string; account_id: string; display_name: string | null; handle: string | null; description: string | null; profile_url: string | null }>(
        'SELECT platform, account_id, any_value(display_name) AS display_name, any_value(handle) AS handle, any_value(description) AS description, any_value(profile_url) AS profile_url FROM accounts GROUP BY ALL',
      )
    ).map((r) => [`${r.platform}\u0000${r.account_id}`, r]),
  );
  for (const lp of linkPosts) {
    const key = `${lp.platform}\u0000${lp.account_id}`;
    const sm = smByAccount.get(key);
    if (!sm) continue;
    const share = sm.posts.length / lp.n;
    if (sm.posts.length < minCount || share < minShare) continue;
    const prof = profiles.get(key);
    const handle = (prof?.handle ?? '').toLowerCase().replace(/^@/, '');
    if (handle && registry.handles.has(`${lp.platform}:${handle}`)) continue; // the outlet's own account
    const disclosed = findDisclosure(registry, [prof?.display_name, prof?.handle, prof?.description]);
    if (disclosed) continue;
    const topOutlets = [...sm.outlets].sort((a, b) => b[1] - a[1]);
    const names = topOutlets.slice(0, 3).map(([o, n]) => `${registry.outlets.get(o)?.name ?? o} ×${n}`);
    findings.push({
      kind: 'undisclosed_state_media',
      platform: lp.platform,
      accountId: lp.account_id,
      postId: null,
      outletId: topOutlets[0]?.[0] ?? null,
      score: Number(share.toFixed(3)),
      reason: `${sm.posts.length} of ${lp.n} link posts (${Math.round(100 * share)}%) point at state media (${names.join(', ')}) and the name and bio disclose no tie`,
      evidence: {
        statePosts: sm.posts.length,
        linkPosts: lp.n,
        share: Number(share.toFixed(3)),
        domains: Object.fromEntries([...sm.domains].sort((a, b) => b[1] - a[1])),
        outlets: Object.fromEntries(topOutlets),
        postIds: sm.posts.slice(0, 20),
        profile: { displayName: prof?.display_name ?? null, handle: prof?.handle ?? null, description: prof?.description ?? null },
      },
    });
  }

  // 3. Identifiers shared across accounts.
  const byIdent = new Map<string, { kind: string; value: string; accounts: Set<string>; platform: string }>();
  for (const prof of profiles.values()) {
    for (const id of profileIdentifiers(prof.profile_url, prof.description)) {
      const key = `${id.kind}\u0000${id.value}`;
      let e = byIdent.get(key);
      if (!e) byIdent.set(key, (e = { ...id, accounts: new Set(), platform: prof.platform }));
      e.accounts.add(prof.account_id);
    }
  }
  for (const e of byIdent.values()) {
    if (e.accounts.size < 2 || e.accounts.size > maxShared) continue;
    const host = e.kind === 'profile_url' ? hostOfUrl(e.value) : null;
    const outlet = host ? outletOfHost(registry, host) : null;
    const accounts = [...e.accounts].sort();
    for (const a of accounts) {
      findings.push({
        kind: 'shared_identifier',
        platform: e.platform,
        accountId: a,
        postId: null,
        outletId: outlet?.outletId ?? null,
        score: outlet ? 1 : 0.5,
        reason: `${accounts.length} accounts share the ${e.kind.replace('_', ' ')} ${e.value}${outlet ? ` (a state-media site: ${registry.outlets.get(outlet.outletId)?.name ?? outlet.outletId})` : ''}`,
        evidence: { identifierKind: e.kind, identifier: e.value, accounts },
      });
    }
  }

  const runMs = options.nowMs ?? Date.now();
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM state_media_findings');
    await insertMany(
      tx,
      'state_media_findings',
      ['run_ms', 'kind', 'platform', 'account_id', 'post_id', 'outlet_id', 'score', 'reason', 'evidence'],
      findings.map((f) => [runMs, f.kind, f.platform, f.accountId, f.postId, f.outletId, f.score, f.reason, JSON.stringify(f.evidence)]),
    );
  });
  const counts = { post_links_state_media: 0, undisclosed_state_media: 0, shared_identifier: 0 };
  for (const f of findings) counts[f.kind]++;
  return { findings, counts };
}
