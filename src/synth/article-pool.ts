/**
 * News articles of the organic background: each day's new articles on well-known domains, with
 * Zipf popularity, so a few are shared by hundreds of unrelated accounts (a co-URL trap).
 */
import { AliasTable, type Rng } from './prng.ts';
import { randomToken } from './population.ts';
import { NEWS_DOMAINS } from './vocabulary.ts';

const SECTIONS = [
  'news/world',
  'world/middle-east',
  'politics',
  'business',
  'persian/iran',
  'arabic/middleeast',
  'sport',
  'video',
];

export class ArticlePool {
  private readonly days: { urls: string[]; table: AliasTable }[] = [];

  constructor(rng: Rng, days: number, perDay: number) {
    for (let d = 0; d < days; d++) {
      const urls: string[] = [];
      const weights = new Float64Array(perDay);
      const items = new Int32Array(perDay);
      for (let k = 0; k < perDay; k++) {
        urls.push(drawArticleUrl(rng));
        weights[k] = 1 / Math.pow(k + 1, 1.1);
        items[k] = k;
      }
      this.days.push({ urls, table: new AliasTable(items, weights) });
    }
  }

  /** A popular article of day `day` (sometimes of the day before). */
  draw(rng: Rng, day: number): string {
    const d = Math.max(0, Math.min(this.days.length - 1, rng.chance(0.2) ? day - 1 : day));
    const pool = this.days[d];
    if (!pool) return drawArticleUrl(rng);
    let url = pool.urls[pool.table.draw(rng)] as string;
    // Apps append tracking parameters to some organic shares too.
    if (rng.chance(0.08)) url += `?utm_source=${rng.pick(['twitter', 'ios_app', 'android_app'])}`;
    return url;
  }
}

/** A fresh article URL on a well-known news domain. */
export function drawArticleUrl(rng: Rng): string {
  const domain = rng.pick(NEWS_DOMAINS);
  if (domain === 'www.youtube.com')
    return `https://www.youtube.com/watch?v=${randomToken(rng, 11)}`;
  return `https://${domain}/${rng.pick(SECTIONS)}-${rng.range(40_000_000, 69_999_999)}`;
}
