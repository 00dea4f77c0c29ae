/**
 * A research release in the format of Twitter's Information Operations archive: a users CSV (10
 * columns) and a tweets CSV (31 columns), with the archive's value formats (minute `tweet_time`,
 * `YYYY-MM-DD` creation dates, `True`/`False`, Python-repr lists, `absent` coordinates). Accounts
 * under 5,000 followers, and referenced accounts we know nothing about, are pseudonymised with a
 * keyed hash everywhere they appear (see account-hash.ts and text-scrub.ts).
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { ARCHIVE_TWEET_COLUMNS, ARCHIVE_USER_COLUMNS, notFoundError, usageError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { createAccountHasher, HASH_FOLLOWER_THRESHOLD } from './account-hash.ts';
import { toCsvLine } from './escape.ts';
import { loadFindings } from './findings.ts';
import { toPythonListRepr } from './python-repr.ts';
import { createTextScrubber, type ScrubTarget } from './text-scrub.ts';

export const IO_USERS_COLUMNS = ARCHIVE_USER_COLUMNS;

export const IO_TWEETS_COLUMNS = ARCHIVE_TWEET_COLUMNS;

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

/** Receives the lines of a release as they are produced (header first, no line breaks). */
export interface IoArchiveSink {
  user(line: string): void | Promise<void>;
  tweet(line: string): void | Promise<void>;
}

type PostRow = {
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
  hashtags: string[] | null;
  urls: string[] | null;
  mentions: string[] | null;
};

const SELECTED = 'JOIN export_selection s ON s.account_id = {t}.account_id AND (s.platform = \'\' OR s.platform = {t}.platform)';
const joinSelected = (alias: string): string => SELECTED.replace(/\{t\}/g, alias);

/**
 * Produces a release line by line: set work (selection, references, per-post lists) runs in the
 * database and posts are streamed, so a release of millions of tweets needs memory only for the
 * accounts it hashes.
 */
export async function emitIoArchive(store: Store, options: IoArchiveOptions, sink: IoArchiveSink): Promise<Omit<IoArchive, 'usersCsv' | 'tweetsCsv'>> {
  const selected = await selectArchiveAccounts(store, options);
  const hash = createAccountHasher(options.hashKey);
  await store.run('CREATE OR REPLACE TEMP TABLE export_selection (platform VARCHAR, account_id VARCHAR)');
  try {
    const appender = await store.appender('export_selection');
    for (const a of selected) {
      appender.appendVarchar(a.platform);
      appender.appendVarchar(a.accountId);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();

    const accounts = await store.all<AccountRow>(
      `SELECT DISTINCT ON (s.platform, s.account_id) coalesce(a.platform, s.platform) AS platform, s.account_id, a.display_name, a.handle,
              a.description, a.profile_url, a.reported_location, a.followers, a.following, a.created_ms, a.language
         FROM export_selection s
         LEFT JOIN accounts a ON a.account_id = s.account_id AND (s.platform = '' OR a.platform = s.platform)
        ORDER BY s.platform, s.account_id, a.source_line DESC NULLS LAST`,
    );
    // Every account the release points at, by id or by @handle in a text: we must know its followers.
    const referenced = await store.all<{ account_id: string; display_name: string | null; handle: string | null; followers: number | null }>(
      `WITH ids AS (
         SELECT p.ref_account_id AS id FROM posts p ${joinSelected('p')} WHERE p.ref_account_id IS NOT NULL
         UNION SELECT p.reply_to_account_id FROM posts p ${joinSelected('p')} WHERE p.reply_to_account_id IS NOT NULL
         UNION SELECT o.object_id FROM post_objects o ${joinSelected('o')} WHERE o.object_type = 'mention'),
       handles AS (
         SELECT DISTINCT lower(unnest(regexp_extract_all(p.text, '@([A-Za-z0-9_]{1,50})', 1))) AS h FROM posts p ${joinSelected('p')} WHERE p.text LIKE '%@%')
       SELECT DISTINCT a.account_id, a.display_name, a.handle, a.followers FROM accounts a WHERE a.account_id IN (SELECT id FROM ids)
       UNION
       SELECT DISTINCT a.account_id, a.display_name, a.handle, a.followers FROM accounts a WHERE lower(a.handle) IN (SELECT h FROM handles)
       ORDER BY 1, 4`,
    );

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

    await sink.user(toCsvLine(IO_USERS_COLUMNS));
    for (const a of accounts) await sink.user(toCsvLine(userCells(a, a.account_id)));

    const byAccount = new Map(accounts.map((a) => [a.account_id, a]));
    await sink.tweet(toCsvLine(IO_TWEETS_COLUMNS));
    let tweets = 0;
    const postsSql = `WITH objs AS (
        SELECT o.platform, o.post_id,
               list(coalesce(o.raw, o.object_id) ORDER BY o.rowid) FILTER (WHERE o.object_type = 'hashtag') AS hashtags,
               list(coalesce(o.raw, o.object_id) ORDER BY o.rowid) FILTER (WHERE o.object_type = 'url') AS urls,
               list(o.object_id ORDER BY o.rowid) FILTER (WHERE o.object_type = 'mention') AS mentions
          FROM post_objects o ${joinSelected('o')}
         WHERE o.object_type IN ('hashtag', 'url', 'mention')
         GROUP BY o.platform, o.post_id)
      SELECT p.platform, p.post_id, p.account_id, p.time_ms, p.kind, p.ref_post_id, p.ref_account_id, p.reply_to_post_id,
             p.reply_to_account_id, p.quote_of_post_id, p.text, p.language, p.client, p.like_count, p.retweet_count,
             p.reply_count, p.quote_count, p.latitude, p.longitude, p.poll_choices, objs.hashtags, objs.urls, objs.mentions
        FROM posts p ${joinSelected('p')}
        LEFT JOIN objs ON objs.post_id = p.post_id AND objs.platform = p.platform
       ORDER BY p.time_ms, p.post_id`;
    for await (const chunk of store.stream<PostRow>(postsSql)) {
      for (const p of chunk) {
        const replyUser = p.reply_to_account_id ?? (p.kind === 'reply' ? p.ref_account_id : null);
        const replyPost = p.reply_to_post_id ?? (p.kind === 'reply' ? p.ref_post_id : null);
        const quoted = p.quote_of_post_id ?? (p.kind === 'quote' ? p.ref_post_id : null);
        await sink.tweet(
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
            toPythonListRepr((p.hashtags ?? []).map(scrub)),
            toPythonListRepr((p.urls ?? []).map(scrub)),
            toPythonListRepr((p.mentions ?? []).map(releaseId)),
            scrub(p.poll_choices ?? ''),
          ]),
        );
        tweets += 1;
      }
    }
    return { accounts: accounts.length, hashedAccounts: accounts.filter((a) => hashedIds.has(a.account_id)).length, tweets };
  } finally {
    await store.run('DROP TABLE IF EXISTS export_selection');
  }
}

/** Builds the users and tweets CSVs of a release in memory (for tests and small releases). */
export async function buildIoArchive(store: Store, options: IoArchiveOptions): Promise<IoArchive> {
  const users: string[] = [];
  const tweets: string[] = [];
  const counts = await emitIoArchive(store, options, { user: (l) => void users.push(l), tweet: (l) => void tweets.push(l) });
  return { ...counts, usersCsv: users.join('\n') + '\n', tweetsCsv: tweets.join('\n') + '\n' };
}

/** Writes `<name>_users_csv_hashed.csv` and `<name>_tweets_csv_hashed.csv` into `dir`. */
export async function writeIoArchive(
  store: Store,
  dir: string,
  options: IoArchiveOptions & { name?: string },
): Promise<Omit<IoArchive, 'usersCsv' | 'tweetsCsv'> & { usersPath: string; tweetsPath: string }> {
  const name = options.name ?? 'takedown';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw usageError(`The release name '${name}' may only hold letters, digits, '_' and '-'`);
  mkdirSync(dir, { recursive: true });
  const usersPath = join(dir, `${name}_users_csv_hashed.csv`);
  const tweetsPath = join(dir, `${name}_tweets_csv_hashed.csv`);
  const users = createWriteStream(usersPath);
  const tweets = createWriteStream(tweetsPath);
  const write = (stream: WriteStream, line: string): Promise<void> | void => {
    // Respect back-pressure so a large release is not buffered whole in memory.
    if (!stream.write(line + '\n')) return new Promise((resolve) => stream.once('drain', () => resolve()));
  };
  try {
    const counts = await emitIoArchive(store, options, { user: (l) => write(users, l), tweet: (l) => write(tweets, l) });
    await Promise.all([closeStream(users), closeStream(tweets)]);
    return { ...counts, usersPath, tweetsPath };
  } catch (e) {
    users.destroy();
    tweets.destroy();
    throw e;
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
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
