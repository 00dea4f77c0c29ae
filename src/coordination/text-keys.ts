/**
 * Per-post text keys for the `co_text` signal (and `coshare --object text`): the post's text
 * after the shared `normaliseText` (case, punctuation, emoji, URLs, mentions, Persian/Arabic
 * letter variants, diacritics, ZWNJ, digits), hashed with `textKey`, written into post_objects
 * as object_type 'text'. Texts under `minTokens` words get no key: "thank you" or a lone emoji
 * is shared by thousands of unrelated people, and two words carry no evidence of a common source.
 * Retweets get no key: their text is the retweeted post's, already the co_retweet signal.
 */
import type { Store } from '../store/index.ts';
import { normaliseText, textKey } from '../text/index.ts';

/** Default minimum number of normalised words for a text to get a key (shorter texts are skipped). */
export const DEFAULT_MIN_TEXT_TOKENS = 4;
const BATCH = 50_000;
const KEY_VERSION = 2;

export interface TextKeyResult {
  /** Text rows now in post_objects. */
  keyed: number;
  /** True when existing keys were up to date and reused. */
  reused: boolean;
}

/**
 * Computes the text key of every post (per distinct text, in batches: bounded memory) and stores
 * them as post_objects rows of type 'text'. Reuses the keys when the posts have not changed since.
 */
export async function materialiseTextKeys(
  store: Store,
  /** onProgress: distinct texts done so far. */
  options: { minTokens?: number; onProgress?: (done: number) => void } = {},
): Promise<TextKeyResult> {
  const minTokens = options.minTokens ?? DEFAULT_MIN_TEXT_TOKENS;
  // Bump when what gets a key changes, so stored keys are recomputed.
  const version = minTokens * 100 + KEY_VERSION;
  const now = await store.one<{ n: number; maxRowid: number | null }>(
    'SELECT count(*) AS n, max(rowid) AS "maxRowid" FROM posts',
  );
  const posts = now?.n ?? 0;
  const maxRowid = now?.maxRowid ?? -1;
  const state = await store.one<{
    posts: number;
    max_rowid: number;
    min_tokens: number;
    keyed: number;
  }>(
    'SELECT posts, max_rowid, min_tokens, keyed FROM text_key_state ORDER BY computed_ms DESC LIMIT 1',
  );
  if (
    state &&
    state.posts === posts &&
    state.max_rowid === maxRowid &&
    state.min_tokens === version
  ) {
    return { keyed: state.keyed, reused: true };
  }
  await store.run("DELETE FROM post_objects WHERE object_type = 'text'");
  // JavaScript sees each distinct text once, in numbered batches (a range of a temp table is a
  // cheap scan); the keys are joined back to the posts in SQL.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE d_tx AS
     SELECT text, row_number() OVER () AS i
     FROM (SELECT DISTINCT text FROM posts WHERE text IS NOT NULL AND kind <> 'retweet')`,
  );
  await store.run('CREATE OR REPLACE TEMP TABLE d_tk (i BIGINT, key VARCHAR)');
  const texts =
    (await store.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM d_tx'))?.n ?? 0;
  for (let from = 0; from < texts; from += BATCH) {
    const rows = await store.all<{ i: number; text: string }>(
      'SELECT i, text FROM d_tx WHERE i > $1 AND i <= $2',
      [from, from + BATCH],
    );
    const appender = await store.appender('d_tk');
    for (const r of rows) {
      const norm = normaliseText(r.text);
      if (norm === '' || countWords(norm) < minTokens) continue;
      appender.appendBigInt(BigInt(r.i));
      appender.appendVarchar(textKey(norm));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    options.onProgress?.(Math.min(texts, from + BATCH));
  }
  await store.run(
    `INSERT INTO post_objects (platform, post_id, account_id, time_ms, object_type, object_id, raw)
     SELECT p.platform, p.post_id, p.account_id, p.time_ms, 'text', k.key, NULL
     FROM posts p JOIN d_tx t ON t.text = p.text JOIN d_tk k ON k.i = t.i
     WHERE p.kind <> 'retweet'`,
  );
  const keyed =
    (
      await store.one<{ n: number }>(
        "SELECT count(*)::BIGINT AS n FROM post_objects WHERE object_type = 'text'",
      )
    )?.n ?? 0;
  for (const t of ['d_tx', 'd_tk']) await store.run(`DROP TABLE IF EXISTS ${t}`);
  await store.run('DELETE FROM text_key_state');
  await store.run(
    'INSERT INTO text_key_state (posts, max_rowid, min_tokens, keyed, computed_ms) VALUES ($1, $2, $3, $4, $5)',
    [posts, maxRowid, version, keyed, Date.now()],
  );
  return { keyed, reused: false };
}

function countWords(normalised: string): number {
  let n = 1;
  for (let i = 0; i < normalised.length; i++) if (normalised.charCodeAt(i) === 32) n++;
  return n;
}
