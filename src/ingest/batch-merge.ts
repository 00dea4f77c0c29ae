/**
 * The set work of a batch, in SQL inside DuckDB: load the clean staging files (read_csv runs
 * multithreaded), keep the first row of each post / account / object key, and insert only what
 * the store does not have yet. Existing keys are found by scanning the big tables against the
 * batch's keys (a semi join whose hash table is the batch, never the whole table), so memory
 * stays bounded by the batch size however large the store grows.
 *
 * Dedupe keys (see 0001-core): posts (platform, post_id); accounts (platform, account_id);
 * post_objects (platform, post_id, object_type, object_id).
 */
import type { Store } from '../store/index.ts';
import type { Batch, RowReader } from './batch.ts';

const CSV_OPTS = `header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, max_line_size = 4194304`;

const ACCOUNT_FIELDS = [
  'display_name',
  'handle',
  'description',
  'profile_url',
  'reported_location',
  'followers',
  'following',
  'created_ms',
  'language',
] as const;

/** What a batch added. */
export interface MergeResult {
  /** Valid rows in the batch. */
  staged: number;
  /** Rows that added a post, an object or an account (or filled an account's missing fields). */
  accepted: number;
}

async function count(store: Store, sql: string, params?: (string | number)[]): Promise<number> {
  const row = await store.one<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}

/** Loads the batch's staging files into temp tables (outside the write transaction). */
export async function loadStage(store: Store, reader: RowReader, batch: Batch): Promise<void> {
  const select = reader.stageSelect().replaceAll('$path', '$1');
  if (reader.kind !== 'posts') {
    await store.run(`CREATE OR REPLACE TEMP TABLE stage_accounts AS ${select}`, [batch.main.path]);
    return;
  }
  // Only the narrow columns dedupe needs are materialised; the wide ones (text …) go straight
  // from the staging file into posts, read a second time for the new rows only.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE stage_posts AS SELECT ${STAGE_KEYS.join(', ')} FROM (${select})`,
    [batch.main.path],
  );
  if (batch.objectCount === 0) {
    await store.run(
      'CREATE OR REPLACE TEMP TABLE stage_objects (line BIGINT, object_type VARCHAR, object_id VARCHAR, raw VARCHAR)',
    );
  } else {
    await store.run(
      `CREATE OR REPLACE TEMP TABLE stage_objects AS SELECT * FROM read_csv($1, ${CSV_OPTS},
         columns = {'line': 'BIGINT', 'object_type': 'VARCHAR', 'object_id': 'VARCHAR', 'raw': 'VARCHAR'})`,
      [batch.objects.path],
    );
  }
}

/** Account rows of the batch: the first row of each account id. */
async function mergeAccounts(
  store: Store,
  stage: string,
  platform: string,
  source: string,
): Promise<number> {
  const fields = ACCOUNT_FIELDS.map((f) => `a_${f} AS ${f}`).join(', ');
  await store.run(
    `CREATE OR REPLACE TEMP TABLE batch_accounts AS
     SELECT line, account_id, ${fields} FROM ${stage}
     WHERE line IN (SELECT min(line) FROM ${stage} GROUP BY account_id)`,
  );
  await store.run(
    `CREATE OR REPLACE TEMP TABLE old_accounts AS
     SELECT account_id, ${ACCOUNT_FIELDS.join(', ')} FROM accounts
     WHERE platform = $1 AND account_id IN (SELECT account_id FROM batch_accounts)`,
    [platform],
  );
  await store.run(
    `CREATE OR REPLACE TEMP TABLE new_accounts AS
     SELECT * FROM batch_accounts WHERE account_id NOT IN (SELECT account_id FROM old_accounts)`,
  );
  // Existing accounts whose missing profile fields this batch can fill (a users file after a
  // share table, or a later tweet carrying a field an earlier one lacked).
  const gaps = ACCOUNT_FIELDS.map((f) => `(a.${f} IS NULL AND b.${f} IS NOT NULL)`).join(' OR ');
  await store.run(
    `CREATE OR REPLACE TEMP TABLE filled_accounts AS
     SELECT b.* FROM batch_accounts b JOIN old_accounts a ON a.account_id = b.account_id WHERE ${gaps}`,
  );
  await store.run(
    `INSERT INTO accounts (platform, account_id, surface, ${ACCOUNT_FIELDS.join(', ')}, source_file, source_line)
     SELECT $1, account_id, 'account', ${ACCOUNT_FIELDS.join(', ')}, $2, line FROM new_accounts`,
    [platform, source],
  );
  const filled = await count(store, 'SELECT count(*) AS n FROM filled_accounts');
  if (filled > 0) {
    const sets = ACCOUNT_FIELDS.map((f) => `${f} = coalesce(accounts.${f}, f.${f})`).join(', ');
    await store.run(
      `UPDATE accounts SET ${sets} FROM filled_accounts f WHERE accounts.platform = $1 AND accounts.account_id = f.account_id`,
      [platform],
    );
  }
  return filled;
}

/** Columns of stage_posts: keys, object sources and the author's profile. */
const STAGE_KEYS = [
  'line',
  'post_id',
  'account_id',
  'time_ms',
  'kind',
  'ref_post_id',
  'reply_to_post_id',
  ...ACCOUNT_FIELDS.map((f) => `a_${f}`),
];

const POST_COLUMNS = [
  'post_id',
  'account_id',
  'time_ms',
  'kind',
  'ref_post_id',
  'ref_account_id',
  'reply_to_post_id',
  'reply_to_account_id',
  'quote_of_post_id',
  'text',
  'language',
  'client',
  'like_count',
  'retweet_count',
  'reply_count',
  'quote_count',
  'latitude',
  'longitude',
  'poll_choices',
] as const;

/** Merges a posts batch: posts, their objects, their authors. Call inside a transaction. */
async function mergePosts(
  store: Store,
  reader: RowReader,
  batch: Batch,
  platform: string,
  source: string,
): Promise<MergeResult> {
  const staged = await count(store, 'SELECT count(*) AS n FROM stage_posts');
  // First row of each post (keys only: the wide rows are copied once, into posts).
  await store.run(
    'CREATE OR REPLACE TEMP TABLE batch_posts AS SELECT post_id, min(line) AS line FROM stage_posts GROUP BY post_id',
  );
  await store.run(
    `CREATE OR REPLACE TEMP TABLE old_posts AS
     SELECT post_id FROM posts WHERE platform = $1 AND post_id IN (SELECT post_id FROM batch_posts)`,
    [platform],
  );
  const oldPosts = await count(store, 'SELECT count(*) AS n FROM old_posts');
  let newPosts = 'batch_posts';
  if (oldPosts > 0) {
    newPosts = 'new_posts';
    await store.run(
      'CREATE OR REPLACE TEMP TABLE new_posts AS SELECT * FROM batch_posts WHERE post_id NOT IN (SELECT post_id FROM old_posts)',
    );
  }
  await store.run(
    `INSERT INTO posts (platform, ${POST_COLUMNS.join(', ')}, source_file, source_line)
     SELECT $2, ${POST_COLUMNS.join(', ')}, $3, line FROM (${reader.stageSelect().replaceAll('$path', '$1')})
     WHERE line IN (SELECT line FROM ${newPosts})`,
    [batch.main.path, platform, source],
  );
  // Every object of every valid row, once per key, with the row that first gave it. Rows stage
  // each of their objects once, so when no post repeats in the batch the keys are already unique.
  const distinctPosts = await count(store, 'SELECT count(*) AS n FROM batch_posts');
  // Objects typed retweet/reply by the reader (--object-type) may meet the ones derived below.
  const derivedTypes = await count(
    store,
    "SELECT count(*) AS n FROM stage_objects WHERE object_type IN ('retweet', 'reply')",
  );
  const objectRows = `
       SELECT o.line, s.post_id, s.account_id, s.time_ms, o.object_type, o.object_id, o.raw
         FROM stage_objects o JOIN stage_posts s ON s.line = o.line
       UNION ALL SELECT line, post_id, account_id, time_ms, 'retweet', ref_post_id, NULL FROM stage_posts
         WHERE kind = 'retweet' AND ref_post_id IS NOT NULL
       UNION ALL SELECT line, post_id, account_id, time_ms, 'reply', reply_to_post_id, NULL FROM stage_posts
         WHERE reply_to_post_id IS NOT NULL`;
  await store.run(
    distinctPosts === staged && derivedTypes === 0
      ? `CREATE OR REPLACE TEMP TABLE batch_objects AS SELECT * FROM (${objectRows})`
      : `CREATE OR REPLACE TEMP TABLE batch_objects AS
         SELECT post_id, object_type, object_id, min(line) AS line, arg_min(raw, line) AS raw,
                arg_min(account_id, line) AS account_id, arg_min(time_ms, line) AS time_ms
         FROM (${objectRows})
         GROUP BY post_id, object_type, object_id`,
  );
  // Objects of posts already stored may be stored too (a re-run, or a post repeated across batches).
  let newObjects = 'batch_objects';
  if (oldPosts > 0) {
    newObjects = 'new_objects';
    await store.run(
      `CREATE OR REPLACE TEMP TABLE new_objects AS
       WITH old AS (
         SELECT post_id, object_type, object_id FROM post_objects
         WHERE platform = $1 AND post_id IN (SELECT post_id FROM old_posts))
       SELECT b.* FROM batch_objects b
       WHERE NOT EXISTS (SELECT 1 FROM old o
         WHERE o.post_id = b.post_id AND o.object_type = b.object_type AND o.object_id = b.object_id)`,
      [platform],
    );
  }
  await store.run(
    `INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id, raw)
     SELECT $1, post_id, account_id, time_ms, object_type, object_id, raw FROM ${newObjects}`,
    [platform],
  );
  await mergeAccounts(store, 'stage_posts', platform, source);
  const accepted = await count(
    store,
    `SELECT count(*) AS n FROM (SELECT line FROM ${newPosts} UNION SELECT line FROM ${newObjects})`,
  );
  return { staged, accepted };
}

/** Merges an accounts batch (the archive users file). Call inside a transaction. */
async function mergeAccountsOnly(
  store: Store,
  platform: string,
  source: string,
): Promise<MergeResult> {
  const staged = await count(store, 'SELECT count(*) AS n FROM stage_accounts');
  const filled = await mergeAccounts(store, 'stage_accounts', platform, source);
  const added = await count(store, 'SELECT count(*) AS n FROM new_accounts');
  return { staged, accepted: added + filled };
}

/** Merges the loaded stage into the store. Call inside the batch's transaction. */
export async function mergeStage(
  store: Store,
  reader: RowReader,
  batch: Batch,
  platform: string,
  source: string,
): Promise<MergeResult> {
  return reader.kind === 'posts'
    ? mergePosts(store, reader, batch, platform, source)
    : mergeAccountsOnly(store, platform, source);
}

/** Drops the batch's temp tables. */
export async function dropStage(store: Store): Promise<void> {
  for (const t of [
    'stage_posts',
    'stage_accounts',
    'stage_objects',
    'batch_posts',
    'old_posts',
    'new_posts',
    'batch_objects',
    'new_objects',
    'batch_accounts',
    'old_accounts',
    'new_accounts',
    'filled_accounts',
  ]) {
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  }
}
