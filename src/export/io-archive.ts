/**
 * A research release in the format of Twitter's Information Operations archive: a users CSV (10
 * columns) and a tweets CSV (31 columns), with the archive's value formats (minute `tweet_time`,
 * `YYYY-MM-DD` creation dates, `True`/`False`, Python-repr lists, `absent` coordinates). Accounts
 * under 5,000 followers, and referenced accounts we know nothing about, are pseudonymised with a
 * keyed hash everywhere they appear (see account-hash.ts and text-scrub.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notFoundError, usageError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { createAccountHasher, HASH_FOLLOWER_THRESHOLD } from './account-hash.ts';
import { toCsvLine } from './escape.ts';
import { loadFindings } from './findings.ts';
import { toPythonListRepr } from './python-repr.ts';
import { createTextScrubber, type ScrubTarget } from './text-scrub.ts';

export const IO_USERS_COLUMNS = [
  'userid',
  'user_display_name',
  'user_screen_name',
  'user_reported_location',
  'user_profile_description',
  'user_profile_url',
  'follower_count',
  'following_count',
  'account_creation_date',
  'account_language',
] as const;

export const IO_TWEETS_COLUMNS = [
  'tweetid',
  ...IO_USERS_COLUMNS,
  'tweet_language',
  'tweet_text',
  'tweet_time',
  'tweet_client_name',
  'in_reply_to_userid',
  'in_reply_to_tweetid',
  'quoted_tweet_tweetid',
  'is_retweet',
  'retweet_userid',
  'retweet_tweetid',
  'latitude',
  'longitude',
  'quote_count',
  'reply_count',
  'like_count',
  'retweet_count',
  'hashtags',
  'urls',
  'user_mentions',
  'poll_choices',
] as const;

export interface ArchiveSelection {
  /** Cluster ids of the detect run (default: its likely_cib clusters). */
  clusterIds?: readonly string[];
  /** Case ids: the accounts with a decision in these cases. */
  caseIds?: readonly string[];
  /** Detect run (default: latest). */
  runId?: string;
  /**
   * Only accounts of this platform (default 'twitter': the archive is Twitter's format and its
   * readers expect numeric ids); 'all' keeps every platform.
   */
  platform?: string;
}

export interface IoArchiveOptions extends ArchiveSelection {
  /** The HMAC key for hashing small accounts. */
  hashKey: string;
}

export interface IoArchive {
  usersCsv: string;
  tweetsCsv: string;
  accounts: number;
  hashedAccounts: number;
  tweets: number;
}

type AccountRow = {
  platform: string;
  account_id: string;
  display_name: string | null;
  handle: string | null;
  description: string | null;
  profile_url: string | null;
  reported_location: string | null;
  followers: number | null;
  following: number | null;
  created_ms: number | null;
  language: string | null;
};

/** The accounts a release covers: those of the chosen clusters or cases. */
export async function selectArchiveAccounts(store: Store, selection: ArchiveSelection): Promise<{ platform: string; accountId: string }[]> {
  if (selection.caseIds && selection.clusterIds) throw usageError('Choose accounts by --clusters or by --cases, not both');
  const out = new Map<string, { platform: string; accountId: string }>();
  if (selection.caseIds) {
    for (const caseId of selection.caseIds) {
      const rows = await store.all<{ platform: string | null; account_id: string }>(
        'SELECT DISTINCT platform, account_id FROM decisions WHERE case_id = $1',
        [caseId],
      );
      if (rows.length === 0) throw notFoundError(`Case ${caseId} has no decided accounts`);
      for (const r of rows) out.set(`${r.platform ?? ''}\u0000${r.account_id}`, { platform: r.platform ?? '', accountId: r.account_id });
    }
  } else {
    const findings = await loadFindings(store, {
      ...(selection.runId ? { runId: selection.runId } : {}),
      ...(selection.clusterIds ? { clusterIds: selection.clusterIds } : { verdicts: ['likely_cib'] }),
    });
    for (const c of findings.clusters) {
      for (const a of c.accounts) out.set(`${a.platform}\u0000${a.accountId}`, { platform: a.platform, accountId: a.accountId });
    }
  }
  const platform = (selection.platform ?? 'twitter').toLowerCase();
  return [...out.values()]
    .filter((a) => platform === 'all' || a.platform.toLowerCase() === platform)
    .sort((a, b) => (a.platform + a.accountId < b.platform + b.accountId ? -1 : 1));
}

/** Builds the users and tweets CSVs of a release (in memory; a release is the size of a takedown). */
export async function buildIoArchive(store: Store, options: IoArchiveOptions): Promise<IoArchive> {
  const selected = await selectArchiveAccounts(store, options);
  const hash = createAccountHasher(options.hashKey);
  await store.run('CREATE OR REPLACE TEMP TABLE export_selection (platform VARCHAR, account_id VARCHAR)');
  try {
    for (const s of selected) {
      await store.run('INSERT INTO export_selection VALUES ($1, $2)', [s.platform, s.accountId]);
    }
    const accounts = await store.all<AccountRow>(
      `SELECT DISTINCT ON (s.platform, s.account_id) coalesce(a.platform, s.platform) AS platform, s.account_id, a.display_name, a.handle,
              a.description, a.profile_url, a.reported_location, a.followers, a.following, a.created_ms, a.language
         FROM export_selection s
         LEFT JOIN accounts a ON a.account_id = s.account_id AND (s.platform = '' OR a.platform = s.platform)
        ORDER BY s.platform, s.account_id, a.source_line DESC NULLS LAST`,
    );
    const posts = await store.all<{
      platform: string;
      post_id: string;
      account_id: string;
      time_ms: number;
      kind: string;
      ref_post_id: string | null;
      ref_account_id: string | null;
      reply_to_post_id: string | null;
      reply_to_account_id: string | null;
      quote_of_post_id: string | null;
      text: string | null;
      language: string | null;
      client: string | null;
      like_count: number | null;
      retweet_count: number | null;
      reply_count: number | null;
      quote_count: number | null;
      latitude: number | null;
      longitude: number | null;
      poll_choices: string | null;
    }>(
      `SELECT p.platform, p.post_id, p.account_id, p.time_ms, p.kind, p.ref_post_id, p.ref_account_id, p.reply_to_post_id,
              p.reply_to_account_id, p.quote_of_post_id, p.text, p.language, p.client, p.like_count, p.retweet_count,
              p.reply_count, p.quote_count, p.latitude, p.longitude, p.poll_choices
         FROM posts p JOIN export_selection s ON s.account_id = p.account_id AND (s.platform = '' OR s.platform = p.platform)
        ORDER BY p.time_ms, p.post_id`,
    );
    const objects = await store.all<{ post_id: string; object_type: string; object_id: string; raw: string | null }>(
      `SELECT o.post_id, o.object_type, o.object_id, o.raw
         FROM post_objects o JOIN export_selection s ON s.account_id = o.account_id AND (s.platform = '' OR s.platform = o.platform)
        WHERE o.object_type IN ('hashtag', 'url', 'mention')
        ORDER BY o.post_id, o.rowid`,
    );

    // Every account the release mentions, by id or by @handle in a text: we must know its followers.
    const referencedIds = new Set<string>();
    const mentionedHandles = new Set<string>();
    for (const p of posts) {
      for (const id of [p.ref_account_id, p.reply_to_account_id]) if (id) referencedIds.add(id);
      for (const m of (p.text ?? '').matchAll(/@([\p{L}\p{N}_]{1,50})/gu)) if (m[1]) mentionedHandles.add(m[1].toLowerCase());
    }
    for (const o of objects) if (o.object_type === 'mention') referencedIds.add(o.object_id);
    await store.run('CREATE OR REPLACE TEMP TABLE export_refs (k VARCHAR, by_handle BOOLEAN)');
    for (const id of referencedIds) await store.run('INSERT INTO export_refs VALUES ($1, false)', [id]);
    for (const h of mentionedHandles) await store.run('INSERT INTO export_refs VALUES ($1, true)', [h]);
    const referenced = await store.all<{ account_id: string; display_name: string | null; handle: string | null; followers: number | null }>(
      `SELECT DISTINCT a.account_id, a.display_name, a.handle, a.followers
         FROM accounts a JOIN export_refs r ON (NOT r.by_handle AND a.account_id = r.k) OR (r.by_handle AND lower(a.handle) = r.k)`,
    );
    await store.run('DROP TABLE IF EXISTS export_refs');

    // Who is hashed: known accounts under the threshold (unknown follower counts count as small).
    const known = new Map<string, { followers: number | null }>();
    const targets: ScrubTarget[] = [];
    const isSmall = (followers: number | null): boolean => followers === null || followers < HASH_FOLLOWER_THRESHOLD;
    for (const a of [...accounts, ...referenced]) {
      if (known.has(a.account_id)) continue;
      known.set(a.account_id, { followers: a.followers });
      if (isSmall(a.followers)) {
        targets.push({ accountId: a.account_id, handle: a.handle, displayName: a.display_name, hash: hash(a.account_id) });
      }
    }
    const hashedIds = new Set(targets.map((t) => t.accountId));
    const scrub = createTextScrubber(targets);
    /** An account id as written in the release: hashed when small or unknown. */
    const releaseId = (id: string | null): string => {
      if (!id) return '';
      const k = known.get(id);
      return k === undefined || isSmall(k.followers) ? hash(id) : id;
    };

    const userCells = (a: AccountRow | undefined, accountId: string): string[] => {
      const h = hash(accountId);
      const shown = a === undefined || hashedIds.has(accountId) ? null : a;
      return [
        shown ? accountId : h,
        shown ? scrub(shown.display_name ?? '') : h,
        shown ? scrub(shown.handle ?? '') : h,
        scrub(a?.reported_location ?? ''),
        scrub(a?.description ?? ''),
        scrub(a?.profile_url ?? ''),
        formatCount(a?.followers ?? null),
        formatCount(a?.following ?? null),
        a?.created_ms == null ? '' : formatDate(a.created_ms),
        a?.language ?? '',
      ];
    };

    const byAccount = new Map(accounts.map((a) => [a.account_id, a]));
    const usersLines = [toCsvLine(IO_USERS_COLUMNS)];
    for (const a of accounts) usersLines.push(toCsvLine(userCells(a, a.account_id)));

    const objectsByPost = new Map<string, { hashtags: string[]; urls: string[]; mentions: string[] }>();
    for (const o of objects) {
      const entry = objectsByPost.get(o.post_id) ?? { hashtags: [], urls: [], mentions: [] };
      if (o.object_type === 'hashtag') entry.hashtags.push(scrub(o.raw ?? o.object_id));
      else if (o.object_type === 'url') entry.urls.push(scrub(o.raw ?? o.object_id));
      else entry.mentions.push(releaseId(o.object_id));
      objectsByPost.set(o.post_id, entry);
    }
    const tweetLines = [toCsvLine(IO_TWEETS_COLUMNS)];
    for (const p of posts) {
      const o = objectsByPost.get(p.post_id) ?? { hashtags: [], urls: [], mentions: [] };
      const replyUser = p.reply_to_account_id ?? (p.kind === 'reply' ? p.ref_account_id : null);
      const replyPost = p.reply_to_post_id ?? (p.kind === 'reply' ? p.ref_post_id : null);
      const quoted = p.quote_of_post_id ?? (p.kind === 'quote' ? p.ref_post_id : null);
      tweetLines.push(
        toCsvLine([
          p.post_id,
          ...userCells(byAccount.get(p.account_id), p.account_id),
          p.language ?? '',
          scrub(p.text ?? ''),
          formatMinute(p.time_ms),
          scrub(p.client ?? ''),
          releaseId(replyUser),
          replyPost ?? '',
          quoted ?? '',
          p.kind === 'retweet' ? 'True' : 'False',
          p.kind === 'retweet' ? releaseId(p.ref_account_id) : '',
          p.kind === 'retweet' ? (p.ref_post_id ?? '') : '',
          p.latitude === null ? 'absent' : String(p.latitude),
          p.longitude === null ? 'absent' : String(p.longitude),
          formatCount(p.quote_count),
          formatCount(p.reply_count),
          formatCount(p.like_count),
          formatCount(p.retweet_count),
          toPythonListRepr(o.hashtags),
          toPythonListRepr(o.urls),
          toPythonListRepr(o.mentions),
          scrub(p.poll_choices ?? ''),
        ]),
      );
    }
    return {
      usersCsv: usersLines.join('\n') + '\n',
      tweetsCsv: tweetLines.join('\n') + '\n',
      accounts: accounts.length,
      hashedAccounts: accounts.filter((a) => hashedIds.has(a.account_id)).length,
      tweets: posts.length,
    };
  } finally {
    await store.run('DROP TABLE IF EXISTS export_selection');
  }
}

/** Writes `<name>_users_csv_hashed.csv` and `<name>_tweets_csv_hashed.csv` into `dir`. */
export async function writeIoArchive(
  store: Store,
  dir: string,
  options: IoArchiveOptions & { name?: string },
): Promise<IoArchive & { usersPath: string; tweetsPath: string }> {
  const name = options.name ?? 'takedown';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw usageError(`The release name '${name}' may only hold letters, digits, '_' and '-'`);
  const archive = await buildIoArchive(store, options);
  mkdirSync(dir, { recursive: true });
  const usersPath = join(dir, `${name}_users_csv_hashed.csv`);
  const tweetsPath = join(dir, `${name}_tweets_csv_hashed.csv`);
  writeFileSync(usersPath, archive.usersCsv);
  writeFileSync(tweetsPath, archive.tweetsCsv);
  return { ...archive, usersPath, tweetsPath };
}

/** `YYYY-MM-DD HH:MM` in UTC, as the archive's tweet_time. */
export function formatMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD` in UTC, as the archive's account_creation_date. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function formatCount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '' : String(Math.trunc(n));
}
