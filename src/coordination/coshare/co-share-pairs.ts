/**
 * Co-share pairs, exactly as CooRTweet 2.1.3 `detect_groups(x, time_window, min_participation,
 * remove_loops)` computes them (Righetti & Balluff, CooRTweet, R/detect_groups.R and
 * R/calc_group_combinations.R; Kulichkina, Righetti & Waldherr 2024), but as set work in DuckDB
 * that never builds all same-object pairs before applying the window.
 *
 * CooRTweet's rules, reproduced step by step:
 * 1. Prefilter: drop accounts with fewer than `min_participation` rows (rows, duplicates included).
 * 2. Per object, every pair of shares whose times differ by at most `time_window` seconds
 *    (inclusive). CooRTweet joins each object's rows on row index (cartesian, then filters by
 *    |Δt|); we sort each object's shares by time and pair a share only with the later shares in
 *    its window: a RANGE frame gives the last position within `t + w`, and `range()` enumerates
 *    just those partners, joined back on a global sequence number (an equality join, not a
 *    band join), so the cost follows the number of pairs in the window, not Σ k².
 * 3. Loops (unless kept): a pair is dropped when either content is the object itself (the
 *    original post), both contents are the same, or both accounts are the same.
 * 4. Participation: P = contents appearing in a pair; an account qualifies with at least
 *    `min_participation` input rows (after step 1) whose content is in P; a pair survives when
 *    EITHER content belongs to a qualifying account's rows in P. Skipped when min_participation < 1.
 * 5. Orientation: the older share comes first. For equal times CooRTweet keeps the order of its
 *    table after the prefilter, which groups rows by account in order of the account's first
 *    appearance and keeps input order within an account; we sort by the same key.
 */
import { usageError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';

export interface CoShareOptions {
  /** CooRTweet `time_window`, seconds (inclusive). */
  windowSeconds: number;
  /** CooRTweet `min_participation`. */
  minParticipation: number;
  /** CooRTweet `remove_loops = FALSE`. */
  keepLoops?: boolean;
  /** Units of the input's `t` per second (1 for Unix seconds, 1000 for ms). Default 1. */
  unitsPerSecond?: number;
  /** Reports each step's name as it starts (for progress output). */
  onStep?: (step: string) => void;
}

export interface CoShareSummary {
  /** Shares left after the account prefilter. */
  prefilteredShares: number;
  /** Pairs in the window before the loop and participation filters. */
  windowPairs: number;
  /** Pairs in the result. */
  pairs: number;
  /** Distinct accounts in the result. */
  accounts: number;
  /** Distinct objects in the result. */
  objects: number;
}

/** One row of the result, as CooRTweet writes it (older share first). */
export interface CoSharePair {
  object_id: string;
  content_id: string;
  content_id_y: string;
  time_delta: number;
  account_id: string;
  account_id_y: string;
}

/** A number written into SQL text: only a finite number we parsed ourselves, never data. */
function formatSqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw usageError(`Not a finite number: ${n}`);
  return String(n);
}

/**
 * Numbers shares object by object in CooRTweet's order (time, then account first seen, then input
 * order) as g; hi is the last g of the same object within t + w. Reads `coshare_kept`.
 */
export function buildSequenceSql(window: string): string {
  return `WITH numbered AS (
       SELECT object_id, account_id, content_id, t,
              row_number() OVER (ORDER BY object_id, t, first_ord, ord) AS g
       FROM coshare_kept
     )
     SELECT object_id, account_id, content_id, t, g,
            max(g) OVER (PARTITION BY object_id ORDER BY t RANGE BETWEEN CURRENT ROW AND ${window} FOLLOWING) AS hi
     FROM numbered`;
}

/**
 * Enumerates each share's later partners g+1..hi and joins them back on g (an equality join),
 * dropping loops unless kept. Reads `coshare_seq`.
 */
export function buildWindowPairsSql(keepLoops: boolean, unitsPerSecond: number): string {
  const loopFilter = keepLoops
    ? ''
    : `WHERE x.object_id <> x.content_id AND x.object_id <> y.content_id
         AND x.content_id <> y.content_id AND x.account_id <> y.account_id`;
  return `WITH x AS (
       SELECT object_id, account_id, content_id, t, unnest(range(g + 1, hi + 1)) AS gy
       FROM coshare_seq WHERE hi > g
     )
     SELECT x.object_id, x.content_id, y.content_id AS content_id_y,
            (y.t - x.t) / ${formatSqlNumber(unitsPerSecond)} AS time_delta,
            x.account_id, y.account_id AS account_id_y
     FROM x JOIN coshare_seq y ON y.g = x.gy
     ${loopFilter}`;
}

/**
 * Computes the co-share pairs of the shares in `coshare_input` (see share-table.ts) into the
 * table `coshare_pairs(object_id, content_id, content_id_y, time_delta, account_id, account_id_y)`,
 * time_delta in seconds.
 */
export async function computeCoSharePairs(store: Store, options: CoShareOptions): Promise<CoShareSummary> {
  const { windowSeconds, minParticipation } = options;
  if (!Number.isFinite(windowSeconds) || windowSeconds < 0) {
    throw usageError(`The window must be a number of seconds ≥ 0, got ${windowSeconds}`);
  }
  if (!Number.isInteger(minParticipation)) {
    throw usageError(`The minimum participation must be an integer, got ${minParticipation}`);
  }
  const units = options.unitsPerSecond ?? 1;
  const window = formatSqlNumber(windowSeconds * units);
  const step = options.onStep ?? (() => undefined);

  step('prefilter accounts');
  // Only the accounts are materialised; the kept shares are a view, not a second copy of the input.
  await store.run('DROP VIEW IF EXISTS coshare_kept');
  await store.run('DROP TABLE IF EXISTS coshare_accounts');
  await store.run(
    `CREATE TEMP TABLE coshare_accounts AS
     SELECT account_id, min(ord) AS first_ord FROM coshare_input GROUP BY account_id HAVING count(*) >= $1`,
    [minParticipation],
  );
  await store.run(
    `CREATE TEMP VIEW coshare_kept AS
     SELECT s.object_id, s.account_id, s.content_id, s.t, a.first_ord, s.ord
     FROM coshare_input s JOIN coshare_accounts a ON a.account_id = s.account_id`,
  );

  step('order shares per object');
  await store.run('DROP TABLE IF EXISTS coshare_seq');
  await store.run(`CREATE TEMP TABLE coshare_seq AS ${buildSequenceSql(window)}`);

  step('pair shares within the window');
  await store.run('DROP TABLE IF EXISTS coshare_window');
  await store.run(`CREATE TEMP TABLE coshare_window AS ${buildWindowPairsSql(options.keepLoops ?? false, units)}`);
  const windowCount = await store.one<{ n: number }>('SELECT count(*) AS n FROM coshare_window');
  await store.run('DROP TABLE coshare_seq');

  await store.run('DROP TABLE IF EXISTS coshare_pairs');
  if (minParticipation >= 1) {
    step('filter by participation');
    await store.run(
      `CREATE TEMP TABLE coshare_pairs AS
       WITH paired AS (
         SELECT content_id FROM coshare_window UNION SELECT content_id_y FROM coshare_window
       ),
       rows_in_pairs AS (
         SELECT k.account_id, k.content_id FROM coshare_kept k SEMI JOIN paired p ON p.content_id = k.content_id
       ),
       qualified AS (
         SELECT account_id FROM rows_in_pairs GROUP BY account_id HAVING count(*) >= $1
       ),
       kept_contents AS (
         SELECT DISTINCT r.content_id FROM rows_in_pairs r SEMI JOIN qualified q ON q.account_id = r.account_id
       )
       SELECT w.* FROM coshare_window w
       WHERE w.content_id IN (SELECT content_id FROM kept_contents)
          OR w.content_id_y IN (SELECT content_id FROM kept_contents)`,
      [minParticipation],
    );
    await store.run('DROP TABLE coshare_window');
  } else {
    await store.run('ALTER TABLE coshare_window RENAME TO coshare_pairs');
  }

  const kept = await store.one<{ n: number }>('SELECT count(*) AS n FROM coshare_kept');
  const summary = await store.one<{ pairs: number; objects: number }>(
    'SELECT count(*) AS pairs, count(DISTINCT object_id) AS objects FROM coshare_pairs',
  );
  const accounts = await store.one<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT account_id FROM coshare_pairs UNION SELECT account_id_y FROM coshare_pairs)',
  );
  return {
    prefilteredShares: kept?.n ?? 0,
    windowPairs: windowCount?.n ?? 0,
    pairs: summary?.pairs ?? 0,
    accounts: accounts?.n ?? 0,
    objects: summary?.objects ?? 0,
  };
}

const ORDER = 'ORDER BY object_id, content_id, content_id_y, account_id, account_id_y, time_delta';

/** Writes `coshare_pairs` as CSV with CooRTweet's columns (time_delta as an integer when whole). */
export async function writeCoSharePairs(store: Store, outPath: string): Promise<void> {
  // COPY takes no bound parameter for its target: the path is quoted as a string literal.
  const target = `'${outPath.replace(/'/g, "''")}'`;
  await store.run(
    `COPY (
       SELECT object_id, content_id, content_id_y,
              CASE WHEN time_delta = trunc(time_delta) AND abs(time_delta) < 9e15
                   THEN CAST(CAST(time_delta AS BIGINT) AS VARCHAR) ELSE CAST(time_delta AS VARCHAR) END AS time_delta,
              account_id, account_id_y
       FROM coshare_pairs ${ORDER}
     ) TO ${target} (FORMAT csv, HEADER true, DELIMITER ',')`,
  );
}

/** Reads `coshare_pairs` (sorted), for tests and small results. */
export async function readCoSharePairs(store: Store): Promise<CoSharePair[]> {
  return store.all<CoSharePair & Record<string, unknown>>(
    `SELECT object_id, content_id, content_id_y, time_delta, account_id, account_id_y FROM coshare_pairs ${ORDER}`,
  );
}

/** Drops the working tables of a co-share run. */
export async function dropCoShareTables(store: Store): Promise<void> {
  await store.run('DROP VIEW IF EXISTS coshare_kept');
  for (const t of ['coshare_input', 'coshare_accounts', 'coshare_seq', 'coshare_window', 'coshare_pairs']) {
    await store.run(`DROP TABLE IF EXISTS ${t}`);
  }
}
