/**
 * Loads shares into the working table `coshare_input(object_id, account_id, content_id, t, ord)`
 * that co-share pair finding reads: from a CooRTweet share table on disk (CSV, optionally gzipped,
 * read by DuckDB's read_csv) or from the store's `post_objects`.
 *
 * `ord` is the row's position in the input: CooRTweet orders shares with equal times by the order
 * of its data.table, which depends on input order (see co-share-pairs.ts).
 */
import { inputError, usageError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { materialiseTextKeys } from '../text-keys.ts';

/** Which columns of the CSV hold the four CooRTweet fields (found by name). */
export interface ShareColumns {
  object: string;
  account: string;
  content: string;
  time: string;
}

export const COORTWEET_COLUMNS: ShareColumns = {
  object: 'object_id',
  account: 'account_id',
  content: 'content_id',
  time: 'timestamp_share',
};

export interface LoadedShares {
  /** Data rows read from the source. */
  rows: number;
  /** Rows skipped because the object, account, content or time was missing or unparsable. */
  skipped: number;
  /** Exact duplicate rows dropped (only with `dropDuplicates`). */
  duplicates: number;
  /** Shares kept in `coshare_input`. */
  shares: number;
  /** Units of `t` per second (1 for CSV seconds, 1000 for the store's milliseconds). */
  unitsPerSecond: number;
}

/** Object types that `post_objects` holds (see migration 0001-core). */
export const STORE_OBJECT_TYPES = [
  'retweet',
  'url',
  'domain',
  'hashtag',
  'hashtag_set',
  'mention',
  'reply',
  'media',
  'object',
  'text',
] as const;
export type StoreObjectType = (typeof STORE_OBJECT_TYPES)[number];

/** One share as CooRTweet's table holds it (time in Unix seconds). */
export interface ShareRow {
  object_id: string;
  account_id: string;
  content_id: string;
  timestamp_share: number;
}

/** Fills `coshare_input` with in-memory rows, in their order (small inputs: tests, the demo). */
export async function loadShareRows(store: Store, rows: readonly ShareRow[]): Promise<LoadedShares> {
  await store.run('DROP TABLE IF EXISTS coshare_input');
  await store.run(
    'CREATE TEMP TABLE coshare_input (object_id VARCHAR, account_id VARCHAR, content_id VARCHAR, t DOUBLE, ord BIGINT)',
  );
  const batch = 500;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params: (string | number)[] = [];
    const tuples = slice.map((r, i) => {
      params.push(r.object_id, r.account_id, r.content_id, r.timestamp_share, start + i);
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
    });
    await store.run(`INSERT INTO coshare_input VALUES ${tuples.join(', ')}`, params);
  }
  return { rows: rows.length, skipped: 0, duplicates: 0, shares: rows.length, unitsPerSecond: 1 };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Reads a CooRTweet share table (or any CSV with the four fields under other names) into
 * `coshare_input`. Rows with a missing object, account or content, or a time that is neither a
 * number of Unix seconds nor a `YYYY-MM-DD HH:MM:SS` UTC time, are skipped and counted.
 */
export async function loadShareCsv(
  store: Store,
  path: string,
  options: { columns?: Partial<ShareColumns>; dropDuplicates?: boolean } = {},
): Promise<LoadedShares> {
  const columns: ShareColumns = { ...COORTWEET_COLUMNS, ...options.columns };
  let header: string[];
  try {
    const described = await store.all<{ column_name: string }>(
      'DESCRIBE SELECT * FROM read_csv($1, all_varchar = true, header = true)',
      [path],
    );
    header = described.map((r) => r.column_name);
  } catch (cause) {
    throw inputError(`Cannot read ${path} as a CSV share table`, describeCause(cause), cause);
  }
  const missing = Object.values(columns).filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw inputError(
      `This file is not a share table: column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`,
      `Expected the columns ${Object.values(columns).join(', ')} (CooRTweet's object_id, account_id, content_id, timestamp_share, ` +
        `or name yours with --object-column, --account-column, --content-column, --time-column); found: ${header.join(', ')}`,
    );
  }
  const [o, a, c, t] = [columns.object, columns.account, columns.content, columns.time].map(quoteIdent);
  // A table keeps insertion order, so rowid is the input line order that ties are broken by.
  await store.run('DROP TABLE IF EXISTS coshare_raw');
  try {
    await store.run(
      `CREATE TEMP TABLE coshare_raw AS
       SELECT ${o} AS object_id, ${a} AS account_id, ${c} AS content_id,
              coalesce(TRY_CAST(${t} AS DOUBLE), epoch(TRY_CAST(${t} AS TIMESTAMP))) AS t
       FROM read_csv($1, all_varchar = true, header = true)`,
      [path],
    );
  } catch (cause) {
    throw inputError(`Cannot read ${path} as a CSV share table`, describeCause(cause), cause);
  }
  const counts = await store.one<{ rows: number; bad: number }>(
    `SELECT count(*) AS rows,
            count(*) FILTER (WHERE nullif(object_id, '') IS NULL OR nullif(account_id, '') IS NULL
                               OR nullif(content_id, '') IS NULL OR t IS NULL OR NOT isfinite(t)) AS bad
     FROM coshare_raw`,
  );
  const valid = `nullif(object_id, '') IS NOT NULL AND nullif(account_id, '') IS NOT NULL
                 AND nullif(content_id, '') IS NOT NULL AND t IS NOT NULL AND isfinite(t)`;
  await store.run('DROP TABLE IF EXISTS coshare_input');
  if (options.dropDuplicates) {
    // Like R's unique(x): the first occurrence of each identical row stays, in its place.
    await store.run(
      `CREATE TEMP TABLE coshare_input AS
       SELECT object_id, account_id, content_id, t, min(rowid) AS ord
       FROM coshare_raw WHERE ${valid}
       GROUP BY object_id, account_id, content_id, t`,
    );
  } else {
    await store.run(
      `CREATE TEMP TABLE coshare_input AS
       SELECT object_id, account_id, content_id, t, rowid AS ord FROM coshare_raw WHERE ${valid}`,
    );
  }
  await store.run('DROP TABLE coshare_raw');
  const kept = await store.one<{ n: number }>('SELECT count(*) AS n FROM coshare_input');
  const rows = counts?.rows ?? 0;
  const skipped = counts?.bad ?? 0;
  const shares = kept?.n ?? 0;
  return { rows, skipped, duplicates: rows - skipped - shares, shares, unitsPerSecond: 1 };
}

/**
 * Fills `coshare_input` with the store's shares of one object type: content = post, time in ms.
 * When the selection spans several platforms, account and post ids are written `platform:id` so
 * that equal ids on two platforms stay two accounts.
 */
export async function loadStoreShares(store: Store, objectType: StoreObjectType): Promise<LoadedShares> {
  if (!STORE_OBJECT_TYPES.includes(objectType)) {
    throw usageError(`Unknown object type '${String(objectType)}'`, `Use one of ${STORE_OBJECT_TYPES.join(', ')}`);
  }
  if (objectType === 'text') {
    // Text keys (normalised, hashed) are computed into post_objects on demand; reused when fresh.
    await materialiseTextKeys(store);
  }
  const platforms = await store.one<{ n: number }>(
    'SELECT count(DISTINCT platform) AS n FROM post_objects WHERE object_type = $1',
    [objectType],
  );
  const qualify = (platforms?.n ?? 0) > 1;
  const acc = qualify ? "platform || ':' || account_id" : 'account_id';
  const post = qualify ? "platform || ':' || post_id" : 'post_id';
  await store.run('DROP TABLE IF EXISTS coshare_input');
  // No input order exists in a table: ties are broken by platform, post and object id instead.
  await store.run(
    `CREATE TEMP TABLE coshare_input AS
     SELECT object_id, ${acc} AS account_id, ${post} AS content_id, CAST(time_ms AS DOUBLE) AS t,
            row_number() OVER (ORDER BY platform, post_id, object_id) AS ord
     FROM post_objects WHERE object_type = $1`,
    [objectType],
  );
  const kept = await store.one<{ n: number }>('SELECT count(*) AS n FROM coshare_input');
  const shares = kept?.n ?? 0;
  return { rows: shares, skipped: 0, duplicates: 0, shares, unitsPerSecond: 1000 };
}

function describeCause(cause: unknown): string {
  const detail = (cause as { detail?: unknown } | null)?.detail;
  const m = typeof detail === 'string' ? detail : cause instanceof Error ? cause.message : String(cause);
  return m.split('\n')[0] ?? m;
}
