/**
 * The organic background, hour by hour: posts by ordinary accounts (diurnal per time zone,
 * heavy-tailed activity), their replies and quotes, retweet cascades with heavy-tailed sizes
 * (many organic retweets come within seconds of a popular post), and celebrities whose posts
 * draw hundreds to thousands of retweets, a few fans retweeting within a minute or two.
 */
import { diurnalAt, DIURNAL_MEAN, type GenerationContext } from './generation-context.ts';
import type { FanGroup, FriendCircle, PopulationPlan } from './population-plan.ts';
import {
  KIND_ORIGINAL,
  KIND_QUOTE,
  KIND_REPLY,
  KIND_RETWEET,
  type PostEvent,
} from './post-event.ts';
import { applyPolicyText, drawOrganicPolicyLabel } from './policy-content.ts';
import { ROLE_CELEBRITY, ROLE_PERSONA, randomToken } from './population.ts';
import { AliasTable, type Rng } from './prng.ts';
import {
  appendEmoji,
  applyScriptVariant,
  buildChatter,
  buildHeadline,
  buildReply,
} from './text-builder.ts';
import { HOUR_MS } from './timeline.ts';
import { EMOJI, LANGS, type Lang } from './vocabulary.ts';

const RECENT = 1024;

export interface OrganicVolume {
  /** Authored (non-retweet) organic posts wanted over the sample. */
  authored: number;
  /** Organic retweets wanted from ordinary accounts' cascades. */
  organicRetweets: number;
  /** Retweets wanted on celebrities' posts. */
  celebrityRetweets: number;
}

export class OrganicActivity {
  private readonly ctx: GenerationContext;
  private readonly plan: PopulationPlan;
  private readonly zones: { tz: number; table: AliasTable }[] = [];
  private readonly rateScale: number;
  private readonly cascadeScale: number;
  private readonly celebRate: Float64Array;
  private readonly celebMean: number;
  private readonly fansByCelebrity = new Map<number, FanGroup[]>();
  private readonly circleOf = new Map<number, FriendCircle>();
  private readonly recent: PostEvent[][] = [[], [], []];
  private readonly recentAt = [0, 0, 0];
  private readonly maxCascade: number;

  constructor(ctx: GenerationContext, plan: PopulationPlan, volume: OrganicVolume, days: number) {
    this.ctx = ctx;
    this.plan = plan;
    const { pop, rng } = ctx;
    const byZone = new Map<number, number[]>();
    let activitySum = 0;
    let reachSum = 0;
    for (let a = 0; a < pop.size; a++) {
      if (pop.role[a] === ROLE_CELEBRITY || pop.role[a] === ROLE_PERSONA) continue;
      const tz = pop.tz[a] as number;
      let list = byZone.get(tz);
      if (!list) byZone.set(tz, (list = []));
      list.push(a);
      const act = pop.activity[a] as number;
      activitySum += act;
      reachSum += act * estimateReach(pop.followers[a] as number);
    }
    for (const tz of [...byZone.keys()].sort((x, y) => x - y)) {
      const list = byZone.get(tz) as number[];
      const items = Int32Array.from(list);
      const weights = Float64Array.from(list, (a) => pop.activity[a] as number);
      this.zones.push({ tz, table: new AliasTable(items, weights) });
    }
    this.rateScale = volume.authored / Math.max(1e-9, activitySum * days * 24 * DIURNAL_MEAN);
    // E[cascade] = cascadeScale × mean reach × E[lognormal(1, 1.3)] per original or quote.
    const originalsShare = 0.8;
    this.cascadeScale =
      volume.organicRetweets /
      Math.max(1, volume.authored * originalsShare) /
      Math.max(1e-9, (reachSum / activitySum) * Math.exp(0.845));
    this.celebRate = Float64Array.from(plan.celebrities, () => 0.8 + rng.next() * 2.5);
    const celebPosts = this.celebRate.reduce((s, r) => s + r, 0) * days;
    this.celebMean = volume.celebrityRetweets / Math.max(1, celebPosts);
    for (const g of plan.fanGroups) {
      const list = this.fansByCelebrity.get(g.celebrity) ?? [];
      list.push(g);
      this.fansByCelebrity.set(g.celebrity, list);
    }
    this.maxCascade = Math.max(10, Math.floor(pop.size * 0.3));
    for (const circle of plan.circles) for (const m of circle.members) this.circleOf.set(m, circle);
  }

  /** Plans hour h's organic authored posts (their retweets follow through the timeline). */
  planHour(h: number): void {
    const { rng, timeline } = this.ctx;
    const hourStart = timeline.startMs + h * HOUR_MS;
    const utcHour = h % 24;
    for (const zone of this.zones) {
      const expected = zone.table.total * diurnalAt(utcHour, zone.tz) * this.rateScale;
      const count = rng.poisson(expected);
      for (let k = 0; k < count; k++)
        this.planAuthored(zone.table.draw(rng), hourStart + rng.int(HOUR_MS), Math.floor(h / 24));
    }
    const celebs = this.plan.celebrities;
    for (let c = 0; c < celebs.length; c++) {
      const a = celebs[c] as number;
      const expected =
        ((this.celebRate[c] as number) / 24) *
        (diurnalAt(utcHour, this.ctx.pop.tz[a] as number) / DIURNAL_MEAN);
      const count = rng.poisson(expected);
      for (let k = 0; k < count; k++)
        this.planCelebrityPost(a, hourStart + rng.int(HOUR_MS), Math.floor(h / 24));
    }
  }

  /** Remembers a written post as a possible reply or quote target. */
  remember(ev: PostEvent): void {
    if (ev.kind !== KIND_ORIGINAL || ev.lang === 'und') return;
    const l = LANGS.indexOf(ev.lang);
    const list = this.recent[l] as PostEvent[];
    const at = this.recentAt[l] as number;
    if (list.length < RECENT) list.push(ev);
    else list[at % RECENT] = ev;
    this.recentAt[l] = at + 1;
  }

  private planAuthored(author: number, ms: number, day: number): void {
    const { rng, pop, timeline } = this.ctx;
    const l = pop.lang[author] as number;
    const lang: Lang = rng.chance(0.05) ? 'en' : (LANGS[l] as Lang);
    const r = rng.next();
    const recent = this.recent[LANGS.indexOf(lang)] as PostEvent[];
    if (r < 0.16 && recent.length > 0) {
      const target = recent[rng.int(recent.length)] as PostEvent;
      const ev = timeline.post(
        ms,
        author,
        KIND_REPLY,
        `@${pop.textHandle[target.author] as string} ${buildReply(rng, lang)}`,
        lang,
        target,
      );
      ev.mentions.push(target.author);
      timeline.schedule(ev);
      return;
    }
    const quote = r < 0.22 && recent.length > 0;
    const ev = quote
      ? timeline.post(
          ms,
          author,
          KIND_QUOTE,
          buildChatter(rng, lang),
          lang,
          recent[rng.int(recent.length)] as PostEvent,
        )
      : this.composeOriginal(author, ms, lang, day);
    const k = Math.min(
      this.maxCascade,
      rng.poisson(
        this.cascadeScale * estimateReach(pop.followers[author] as number) * rng.lognormal(1, 1.3),
      ),
    );
    if (timeline.schedule(ev)) {
      const friends = ev.kind === KIND_ORIGINAL ? this.planFriendRetweets(ev) : null;
      ev.retweets =
        (friends?.size ?? 0) +
        timeline.cascade(
          rng,
          ev,
          k,
          this.ctx.retweeters[LANGS.indexOf(lang)] as AliasTable,
          25 * 60_000,
          1.6,
          friends,
          pop,
          ROLE_PERSONA,
        );
    }
  }

  /** Circle members retweet a friend's post minutes to hours later; returns who did. */
  private planFriendRetweets(ev: PostEvent): Set<number> | null {
    const circle = this.circleOf.get(ev.author);
    if (!circle) return null;
    const { rng, timeline } = this.ctx;
    const done = new Set<number>();
    for (const m of circle.members) {
      if (m === ev.author || !rng.chance(circle.participation)) continue;
      const delay = Math.max(20_000, Math.round(rng.lognormal(45 * 60_000, 1.2)));
      if (timeline.schedule(timeline.post(ev.ms + delay, m, KIND_RETWEET, '', ev.lang, ev)))
        done.add(m);
    }
    return done;
  }

  /** An ordinary original post: chatter or news, sometimes with hashtags, a link, a mention, emoji. */
  composeOriginal(author: number, ms: number, lang: Lang, day: number): PostEvent {
    const { rng, pop, timeline } = this.ctx;
    if (rng.chance(0.02))
      return timeline.post(ms, author, KIND_ORIGINAL, rng.pick(EMOJI) + rng.pick(EMOJI), 'und');
    const real = this.ctx.corpus?.[lang];
    let text =
      real && real.length > 0 && rng.chance(0.3)
        ? pickSpan(rng, rng.pick(real))
        : rng.chance(0.8)
          ? buildChatter(rng, lang)
          : buildHeadline(rng, lang);
    if (lang !== 'en' && rng.chance(0.15)) text = applyScriptVariant(rng, lang, text);
    const ev = timeline.post(ms, author, KIND_ORIGINAL, text, lang);
    // A small share of everyday posts is about designated organisations: mostly news, condemnation, talk.
    if (rng.chance(0.015)) applyPolicyText(rng, ev, lang, drawOrganicPolicyLabel(rng));
    if (rng.chance(0.15)) {
      const trends =
        this.ctx.trends[Math.min(day, this.ctx.trends.length - 1)]?.[LANGS.indexOf(lang)] ?? [];
      const n = rng.chance(0.7) ? 1 : 2;
      const added: string[] = [];
      for (let i = 0; i < n && trends.length > 0; i++) {
        const tag = rng.pick(trends);
        if (!ev.hashtags.includes(tag)) {
          ev.hashtags.push(tag);
          added.push(tag);
        }
      }
      if (added.length > 0) ev.text += ' ' + added.map((t) => '#' + t).join(' ');
    }
    if (rng.chance(0.12)) {
      ev.urls.push(
        rng.chance(0.9)
          ? this.ctx.articles.draw(rng, day)
          : `https://${randomToken(rng, 6).toLowerCase()}.blogspot.com/2019/${rng.range(10, 12)}/post.html`,
      );
      ev.text += ` https://t.co/${randomToken(rng, 10)}`;
    }
    if (rng.chance(0.04) && this.plan.celebrities.length > 0) {
      const c = rng.pick(this.plan.celebrities);
      ev.mentions.push(c);
      ev.text = `@${pop.textHandle[c] as string} ${ev.text}`;
    }
    if (rng.chance(0.05)) ev.text = appendEmoji(rng, ev.text);
    return ev;
  }

  private planCelebrityPost(a: number, ms: number, day: number): void {
    const { rng, pop, timeline } = this.ctx;
    const lang = pop.langOf(a);
    const isOutlet = this.plan.outlets.includes(a);
    let text = isOutlet || rng.chance(0.5) ? buildHeadline(rng, lang) : buildChatter(rng, lang);
    const ev = timeline.post(ms, a, KIND_ORIGINAL, text, lang);
    if (isOutlet && rng.chance(0.08)) {
      applyPolicyText(rng, ev, lang, 'news_reporting');
      text = ev.text;
    }
    if (isOutlet && rng.chance(0.6)) {
      ev.urls.push(this.ctx.articles.draw(rng, day));
      text += ` https://t.co/${randomToken(rng, 10)}`;
      ev.text = text;
    }
    if (!timeline.schedule(ev)) return;
    // Fans first: notification-driven, within a minute or two, on most of the celebrity's posts.
    const fans = new Set<number>();
    let planned = 0;
    for (const group of this.fansByCelebrity.get(a) ?? []) {
      for (const f of group.fans) {
        fans.add(f);
        if (!rng.chance(group.participation)) continue;
        const delay = Math.min(150_000, Math.max(12_000, rng.lognormal(45_000, 0.45)));
        if (timeline.schedule(timeline.post(ms + Math.round(delay), f, KIND_RETWEET, '', lang, ev)))
          planned++;
      }
    }
    const k = Math.min(
      Math.floor(pop.size * 0.5),
      rng.poisson((this.celebMean * rng.lognormal(1, 1.1)) / Math.exp(0.605)),
    );
    planned += timeline.cascade(
      rng,
      ev,
      k,
      this.ctx.retweeters[pop.lang[a] as number] as AliasTable,
      12 * 60_000,
      1.5,
      fans,
      pop,
      ROLE_PERSONA,
    );
    ev.retweets = planned;
  }
}

/** A run of 6–18 words of a real sentence (the whole when shorter): a corpus of a few thousand sentences then rarely repeats. */
function pickSpan(rng: Rng, sentence: string): string {
  const words = sentence.split(' ');
  if (words.length <= 8) return sentence;
  const len = Math.min(words.length, 6 + rng.int(13));
  const from = rng.int(words.length - len + 1);
  return words.slice(from, from + len).join(' ');
}

/** How far an account's posts travel: grows sub-linearly with followers. */
function estimateReach(followers: number): number {
  return Math.pow((followers + 20) / 200, 0.5);
}
