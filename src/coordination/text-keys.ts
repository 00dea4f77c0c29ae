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
 * Computes the text key of every post (streamed in batches, bounded memory) and stores them as
 * post_objects rows of type 'text'. Reuses the keys when the posts have not changed since.
 */
export async function materialiseTextKeys(
  store: Store,
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
  let last = -1;
  let keyed = 0;
  let done = 0;
  for (;;) {
    const rows = await store.all<{
      rid: number;
      platform: string;
      post_id: string;
      account_id: string;
      time_ms: number;
      text: string;
    }>(
      `SELECT rowid AS rid, platform, post_id, account_id, time_ms, text FROM posts
       WHERE rowid > $1 AND text IS NOT NULL AND kind <> 'retweet' ORDER BY rowid LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) break;
    const appender = await store.appender('post_objects');
    for (const r of rows) {
      const norm = normaliseText(r.text);
      if (norm === '' || countWords(norm) < minTokens) continue;
      appender.appendVarchar(r.platform);
      appender.appendVarchar(String(r.post_id));
      appender.appendVarchar(String(r.account_id));
      appender.appendBigInt(BigInt(r.time_ms));
      appender.appendVarchar('text');
      appender.appendVarchar(textKey(norm));
      appender.appendNull();
      appender.endRow();
      keyed++;
    }
    appender.flushSync();
    appender.closeSync();
    done += rows.length;
    options.onProgress?.(done);
    last = rows[rows.length - 1]!.rid;
  }
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
