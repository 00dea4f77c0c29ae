/**
 * The sample's posts in flight: hour buckets of planned posts. Generation walks the hours in
 * order; a post made in hour h may schedule its retweets into later hours, never earlier ones, so
 * each hour is complete (and can be sorted, written and dropped) once it is reached. Memory is
 * bounded by the posts planned ahead, not by the sample size.
 */
import { KIND_RETWEET, createPost, type PostEvent } from './post-event.ts';
import type { Population } from './population.ts';
import type { AliasTable, Rng } from './prng.ts';
import type { Lang } from './vocabulary.ts';

export const HOUR_MS = 3_600_000;
/** Share of organic retweets made within about a minute (notifications, timelines open). */
const FAST_SHARE = 0.06;

export class Timeline {
  readonly startMs: number;
  readonly hours: number;
  readonly endMs: number;
  private readonly buckets: (PostEvent[] | undefined)[];
  private seq = 0;
  /** Posts planned but not yet written (for memory accounting and progress). */
  pending = 0;

  constructor(startMs: number, hours: number) {
    this.startMs = startMs;
    this.hours = hours;
    this.endMs = startMs + hours * HOUR_MS;
    this.buckets = new Array<PostEvent[] | undefined>(hours);
  }

  /** A new post (not yet scheduled). */
  post(
    ms: number,
    author: number,
    kind: number,
    text: string,
    lang: Lang | 'und',
    target: PostEvent | null = null,
  ): PostEvent {
    return createPost(ms, this.seq++, author, kind, text, lang, target);
  }

  /** Plans a post; false (and dropped) when it falls after the sample's end. */
  schedule(ev: PostEvent): boolean {
    const h = Math.floor((ev.ms - this.startMs) / HOUR_MS);
    if (h < 0 || h >= this.hours) return false;
    let bucket = this.buckets[h];
    if (!bucket) {
      bucket = [];
      this.buckets[h] = bucket;
    }
    bucket.push(ev);
    this.pending++;
    return true;
  }

  /** Removes and returns hour h's posts, sorted by time. */
  takeHour(h: number): PostEvent[] {
    const bucket = this.buckets[h] ?? [];
    this.buckets[h] = undefined;
    this.pending -= bucket.length;
    bucket.sort((a, b) => a.ms - b.ms || a.seq - b.seq);
    return bucket;
  }

  /**
   * Schedules up to `count` retweets of `original` by distinct accounts drawn from `pool`, after
   * lognormal delays. `exclude` holds accounts that must not retweet (the author, ring members…).
   * Returns the number planned (all count towards the original's retweet_count).
   */
  cascade(
    rng: Rng,
    original: PostEvent,
    count: number,
    pool: AliasTable,
    medianDelayMs: number,
    sigma: number,
    exclude: Set<number> | null,
    pop: Population,
    excludeRole = -1,
  ): number {
    if (count <= 0 || pool.size === 0) return 0;
    const seen = new Set<number>();
    seen.add(original.author);
    let planned = 0;
    let attempts = 0;
    const maxAttempts = count * 4 + 20;
    while (planned < count && attempts < maxAttempts) {
      attempts++;
      const a = pool.draw(rng);
      if (seen.has(a) || (exclude !== null && exclude.has(a)) || pop.role[a] === excludeRole)
        continue;
      seen.add(a);
      // Some retweets are notification-driven: within seconds to a minute, from anyone.
      const delay = Math.max(
        1000,
        rng.chance(FAST_SHARE) ? rng.lognormal(25_000, 1.0) : rng.lognormal(medianDelayMs, sigma),
      );
      this.schedule(
        this.post(original.ms + Math.round(delay), a, KIND_RETWEET, '', original.lang, original),
      );
      planned++;
    }
    return planned;
  }
}
