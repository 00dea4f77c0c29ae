/** What the activity planners share while a sample is generated. */
import type { ArticlePool } from './article-pool.ts';
import type { Population } from './population.ts';
import type { AliasTable, Rng } from './prng.ts';
import type { TextCorpus } from './text-corpus.ts';
import type { Timeline } from './timeline.ts';

export interface GenerationContext {
  rng: Rng;
  pop: Population;
  timeline: Timeline;
  /** Accounts drawn by retweet propensity, per language index (0 en, 1 fa, 2 ar). */
  retweeters: AliasTable[];
  articles: ArticlePool;
  /** Trending hashtags of each day, per language index. */
  trends: string[][][];
  /**
   * Accounts that take no part in crowd events (breaking news, viral posts): planted accounts, and
   * friend circles, so that each trap a detector must not flag stays a clean test of itself.
   */
  noCrowd: Set<number>;
  /** Real sentences mixed into organic posts, when a corpus was given. */
  corpus: TextCorpus | null;
}

/** Relative activity by local hour: quiet at night, peaks at lunch and in the evening. */
export const DIURNAL: readonly number[] = [
  0.55, 0.35, 0.2, 0.12, 0.1, 0.12, 0.25, 0.5, 0.8, 0.95, 1.0, 1.05, 1.15, 1.1, 1.0, 0.95, 0.95,
  1.0, 1.1, 1.25, 1.4, 1.45, 1.3, 0.9,
];
export const DIURNAL_MEAN = DIURNAL.reduce((a, b) => a + b, 0) / DIURNAL.length;

/** The diurnal weight at UTC hour `utcHour` for an account at offset `tz`. */
export function diurnalAt(utcHour: number, tz: number): number {
  const local = (((Math.floor(utcHour + tz) % 24) + 24) % 24) as number;
  return DIURNAL[local] as number;
}
