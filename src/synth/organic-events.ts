/**
 * Organic crowd events a detector must not mistake for an operation: breaking news (hundreds of
 * unrelated accounts posting the same trending hashtags and article links within minutes, each in
 * their own words) and viral posts (retweeted by a large part of the crowd within hours).
 */
import { drawArticleUrl } from './article-pool.ts';
import type { GenerationContext } from './generation-context.ts';
import { KIND_ORIGINAL } from './post-event.ts';
import { ROLE_CELEBRITY, ROLE_PERSONA, randomToken } from './population.ts';
import type { AliasTable } from './prng.ts';
import { appendEmoji, buildChatter, buildHeadline, buildReply } from './text-builder.ts';
import { HOUR_MS } from './timeline.ts';
import { LANGS, VOCABULARY, type Lang } from './vocabulary.ts';

export interface CrowdEvent {
  kind: 'breaking_news' | 'viral';
  ms: number;
  /** Participants (breaking news) or the author (viral). */
  accounts: number[];
  description: string;
  size: number;
  done: boolean;
}

const EVENT_WORDS = [
  'Explosion',
  'Earthquake',
  'Blackout',
  'Protests',
  'Strike',
  'Floods',
  'Crash',
  'Fire',
];
const PLACES = ['Tehran', 'Baghdad', 'Beirut', 'Isfahan', 'Basra', 'Mashhad', 'Damascus', 'Ahvaz'];
const BREAKING_TAG: Record<Lang, string> = { en: 'Breaking', fa: 'فوری', ar: 'عاجل' };

/** Draws the sample's crowd events (times and sizes) up front; accounts are chosen when they happen. */
export function planCrowdEvents(
  ctx: GenerationContext,
  hours: number,
  viralSize: number,
  newsSize: number,
): CrowdEvent[] {
  const { rng, timeline } = ctx;
  const events: CrowdEvent[] = [];
  const span = Math.max(1, hours - 3);
  const newsCount = 3 + rng.int(3);
  for (let e = 0; e < newsCount; e++) {
    events.push({
      kind: 'breaking_news',
      ms: timeline.startMs + rng.int(span * HOUR_MS),
      accounts: [],
      description: '',
      size: Math.max(20, Math.round(newsSize * (0.55 + rng.next() * 0.9))),
      done: false,
    });
  }
  const viralCount = 3 + rng.int(3);
  for (let e = 0; e < viralCount; e++) {
    events.push({
      kind: 'viral',
      ms: timeline.startMs + rng.int(span * HOUR_MS),
      accounts: [],
      description: '',
      size: Math.max(50, Math.round(viralSize * (0.5 + rng.next()))),
      done: false,
    });
  }
  return events.sort((a, b) => a.ms - b.ms);
}

/** Plans the events that start in hour h. */
export function planCrowdEventsInHour(
  ctx: GenerationContext,
  events: CrowdEvent[],
  h: number,
): void {
  const from = ctx.timeline.startMs + h * HOUR_MS;
  const to = from + HOUR_MS;
  for (const ev of events) {
    if (ev.done || ev.ms < from || ev.ms >= to) continue;
    ev.done = true;
    if (ev.kind === 'breaking_news') planBreakingNews(ctx, ev);
    else planViral(ctx, ev);
  }
}

function planBreakingNews(ctx: GenerationContext, event: CrowdEvent): void {
  const { rng, pop, timeline } = ctx;
  const place = rng.pick(PLACES);
  const what = rng.pick(EVENT_WORDS);
  const main: Lang = rng.pick(['fa', 'ar', 'en'] as const);
  const tags = [`${place}${what}`, BREAKING_TAG[main]];
  if (rng.chance(0.5)) tags.push(rng.pick(VOCABULARY[main].hashtags));
  const articles = [drawArticleUrl(rng), drawArticleUrl(rng), drawArticleUrl(rng)];
  const joined = new Set<number>();
  let attempts = 0;
  while (joined.size < event.size && attempts < event.size * 6) {
    attempts++;
    const table = ctx.retweeters[rng.chance(0.7) ? LANGS.indexOf(main) : rng.int(3)] as AliasTable;
    const a = table.draw(rng);
    if (
      joined.has(a) ||
      ctx.noCrowd.has(a) ||
      pop.role[a] === ROLE_PERSONA ||
      pop.role[a] === ROLE_CELEBRITY
    )
      continue;
    joined.add(a);
    const lang = pop.langOf(a);
    const ms = event.ms + Math.round(rng.lognormal(6 * 60_000, 0.9));
    const text = rng.chance(0.6)
      ? buildHeadline(rng, lang)
      : rng.chance(0.5)
        ? buildReply(rng, lang)
        : buildChatter(rng, lang);
    const post = timeline.post(ms, a, KIND_ORIGINAL, text, lang);
    const useAll = rng.chance(0.65);
    post.hashtags = useAll ? rng.shuffle(tags.slice()) : rng.sample(tags, 1 + rng.int(tags.length));
    if (rng.chance(0.5)) {
      post.urls.push(rng.chance(0.7) ? (articles[0] as string) : rng.pick(articles));
      post.text += ` https://t.co/${randomToken(rng, 10)}`;
    }
    post.text += ' ' + post.hashtags.map((t) => '#' + t).join(' ');
    if (rng.chance(0.3)) post.text = appendEmoji(rng, post.text);
    timeline.schedule(post);
    // A few reactions pick up a handful of retweets.
    if (rng.chance(0.1))
      post.retweets = timeline.cascade(
        rng,
        post,
        1 + rng.int(5),
        table,
        15 * 60_000,
        1.2,
        null,
        pop,
        ROLE_PERSONA,
      );
  }
  event.accounts = [...joined];
  event.description = `${joined.size} unrelated accounts posting #${tags.join(' #')} and ${articles.length} news links within minutes, each in their own words`;
}

function planViral(ctx: GenerationContext, event: CrowdEvent): void {
  const { rng, pop, timeline } = ctx;
  let author = -1;
  for (let tries = 0; tries < 1000 && author < 0; tries++) {
    const a = (ctx.retweeters[rng.int(3)] as AliasTable).draw(rng);
    if (!ctx.noCrowd.has(a) && pop.role[a] !== ROLE_CELEBRITY && pop.role[a] !== ROLE_PERSONA)
      author = a;
  }
  if (author < 0) return;
  const lang = pop.langOf(author);
  const post = timeline.post(
    event.ms,
    author,
    KIND_ORIGINAL,
    appendEmoji(rng, buildChatter(rng, lang)),
    lang,
  );
  if (!timeline.schedule(post)) return;
  const size = Math.min(event.size, Math.floor(pop.size * 0.45));
  post.retweets = timeline.cascade(
    rng,
    post,
    size,
    ctx.retweeters[pop.lang[author] as number] as AliasTable,
    50 * 60_000,
    1.1,
    null,
    pop,
    ROLE_PERSONA,
  );
  event.accounts = [author];
  event.description = `an ordinary account's post retweeted ${post.retweets} times within hours`;
}
