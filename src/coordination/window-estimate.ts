/**
 * Automatic coordination window, after CooRnet's `estimate_coord_interval(q = 0.1, p = 0.5)`
 * (Giglietto, Righetti, Rossi & Marino 2020, "It takes a village to manipulate the media"):
 * among objects shared more than once, take the share `q` whose second share came quickest; for
 * each, the time from its first share to the share that completes the fraction `p` of its
 * shares; the median of those is the interval. Differences from CooRnet: we return milliseconds,
 * and the floor is the clock resolution of the data (1 s, or 60 s when every timestamp is a whole
 * minute, as in archives that only give `tweet_time`) instead of CooRnet's 0 → 1 s fix-up, so
 * the window is never finer than what the timestamps can tell apart (CooRnet issue #35).
 */
import type { Store } from '../store/index.ts';

export interface WindowEstimate {
  /** Window in ms. */
  windowMs: number;
  /** Objects the estimate was taken over (shared more than once, quickest q). */
  objects: number;
  /** Raw median before flooring, ms (null when no object was shared twice). */
  rawMs: number | null;
}

/**
 * Estimates the window over the share table `table` (columns oh (object hash), time_ms).
 * `table` must be a name chosen by code, never by data.
 */
export async function estimateCoordWindow(
  store: Store,
  table: string,
  options: { q?: number; p?: number; floorMs: number; capMs: number },
): Promise<WindowEstimate> {
  const q = options.q ?? 0.1;
  const p = options.p ?? 0.5;
  const row = await store.one<{ med: number | null; objects: number }>(
    `WITH s AS (
       SELECT oh, time_ms,
              row_number() OVER (PARTITION BY oh ORDER BY time_ms) AS rn,
              count(*) OVER (PARTITION BY oh) AS n,
              min(time_ms) OVER (PARTITION BY oh) AS t0
       FROM ${table}),
     multi AS (
       SELECT oh, max(CASE WHEN rn = 2 THEN time_ms - t0 END) AS second_dt
       FROM s WHERE n > 1 GROUP BY oh),
     cut AS (SELECT quantile_disc(second_dt, $1) AS c FROM multi),
     fast AS (SELECT oh FROM multi, cut WHERE second_dt <= cut.c),
     reach AS (
       SELECT s.oh, min(s.time_ms - s.t0) AS d
       FROM s SEMI JOIN fast ON s.oh = fast.oh
       WHERE s.rn >= ceil(s.n * $2) AND s.rn > 1
       GROUP BY s.oh)
     SELECT median(d)::DOUBLE AS med, count(*)::INTEGER AS objects FROM reach`,
    [q, p],
  );
  const raw = row?.med ?? null;
  const windowMs =
    raw === null
      ? options.floorMs
      : Math.min(options.capMs, Math.max(options.floorMs, Math.round(raw)));
  return { windowMs, objects: row?.objects ?? 0, rawMs: raw };
}

/** The clock resolution of post times: 60 s when every time is a whole minute, else 1 s. */
export async function detectTimeResolutionMs(store: Store): Promise<number> {
  const row = await store.one<{ n: number; whole: number }>(
    'SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE time_ms % 60000 = 0)::BIGINT AS whole FROM (SELECT time_ms FROM posts LIMIT 100000)',
  );
  if (!row || row.n === 0) return 1000;
  return row.whole === row.n ? 60_000 : 1000;
}
