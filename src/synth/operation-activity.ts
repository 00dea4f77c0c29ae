/**
 * The planted operations at work, hour by hour: each active operation has coordinated moments
 * (a persona's post its ring retweets, a message its members paste with small edits, an article
 * they share as URL variants, a hashtag burst) in the operators' working hours. Members' own
 * filler posts come from the organic planner, like everyone else's.
 */
import { diurnalAt, DIURNAL_MEAN, type GenerationContext } from './generation-context.ts';
import type { OperationPlan } from './operation-plan.ts';
import { KIND_ORIGINAL, KIND_RETWEET } from './post-event.ts';
import { applyPolicyText, buildPolicyText, toPolicyCode } from './policy-content.ts';
import { ROLE_PERSONA, randomToken } from './population.ts';
import type { AliasTable, Rng } from './prng.ts';
import {
  appendEmoji,
  buildCampaignMessage,
  buildChatter,
  buildHeadline,
  editMessage,
} from './text-builder.ts';
import { HOUR_MS } from './timeline.ts';
import { LANGS, TRACKING_PARAMS } from './vocabulary.ts';

const SLUG_WORDS = [
  'truth',
  'sanctions',
  'war',
  'leaked',
  'report',
  'scandal',
  'crisis',
  'regime',
  'election',
  'protest',
  'oil',
  'nuclear',
  'exposed',
];

/** Plans hour h's coordinated moments of one operation. */
export function planOperationHour(ctx: GenerationContext, op: OperationPlan, h: number): void {
  const day = Math.floor(h / 24);
  if (!op.activeDays[day]) return;
  const { rng } = ctx;
  const expected = (op.momentsPerDay / 24) * (diurnalAt(h % 24, op.tz) / DIURNAL_MEAN);
  const count = rng.poisson(expected);
  const hourStart = ctx.timeline.startMs + h * HOUR_MS;
  for (let k = 0; k < count; k++) {
    const ms = hourStart + rng.int(HOUR_MS);
    switch (op.kind) {
      case 'fast_retweet_ring':
      case 'slow_ring':
      case 'impersonation':
        planRingMoment(ctx, op, ms);
        break;
      case 'copy_paste':
        planCopyPasteMoment(ctx, op, ms);
        break;
      case 'link_farm':
        planLinkFarmMoment(ctx, op, ms);
        break;
      case 'hashtag_campaign':
        planHashtagMoment(ctx, op, ms);
        break;
    }
  }
}

function drawMemberDelay(rng: Rng, op: OperationPlan): number {
  return Math.max(1000, Math.round(rng.lognormal(op.delayMedianMs, op.delaySigma)));
}

function planRingMoment(ctx: GenerationContext, op: OperationPlan, ms: number): void {
  const { rng, pop, timeline } = ctx;
  if (op.personas.length === 0) return;
  const persona = rng.pick(op.personas);
  const lang = pop.langOf(persona);
  let text = buildHeadline(rng, lang);
  const post = timeline.post(ms, persona, KIND_ORIGINAL, text, lang);
  if (op.glorifying && rng.chance(0.7)) {
    applyPolicyText(rng, post, lang, drawViolatingLabel(rng));
    text = post.text;
  }
  if (rng.chance(0.3)) {
    const tags = (op.hashtagSets[0] ?? [])
      .slice(0, 1 + rng.int(2))
      .filter((t) => !post.hashtags.includes(t));
    post.hashtags.push(...tags);
    text += ' ' + tags.map((t) => '#' + t).join(' ');
  }
  if (rng.chance(0.3)) {
    post.urls.push(drawOperationArticleUrl(rng, op));
    text += ` https://t.co/${randomToken(rng, 10)}`;
  }
  post.text = text;
  if (!timeline.schedule(post)) return;
  let planned = 0;
  for (const m of op.members) {
    if (m === persona || !rng.chance(op.participation)) continue;
    if (
      timeline.schedule(
        timeline.post(ms + drawMemberDelay(rng, op), m, KIND_RETWEET, '', lang, post),
      )
    )
      planned++;
  }
  // A few outsiders retweet the persona too: its posts are not shared by the ring alone.
  const exclude = new Set(op.members);
  planned += timeline.cascade(
    rng,
    post,
    rng.poisson(1.2),
    ctx.retweeters[LANGS.indexOf(lang)] as AliasTable,
    40 * 60_000,
    1.3,
    exclude,
    pop,
    ROLE_PERSONA,
  );
  post.retweets = planned;
}

function planCopyPasteMoment(ctx: GenerationContext, op: OperationPlan, ms: number): void {
  const { rng, timeline } = ctx;
  // Glorifying operations paste a praise or recruitment line followed by their call to action.
  const label = op.glorifying && rng.chance(0.7) ? drawViolatingLabel(rng) : null;
  const message =
    label === null
      ? buildCampaignMessage(rng, op.lang)
      : `${buildPolicyText(rng, op.lang, label)}. ${buildCampaignMessage(rng, op.lang).split('. ').pop() ?? ''}`;
  const tag = rng.chance(0.25) ? (op.hashtagSets[0]?.[0] ?? null) : null;
  for (const m of op.members) {
    if (!rng.chance(op.participation)) continue;
    let text = rng.chance(0.12) ? message : editMessage(rng, op.lang, message);
    const post = timeline.post(ms + drawMemberDelay(rng, op), m, KIND_ORIGINAL, text, op.lang);
    if (label !== null) post.policy = toPolicyCode(label);
    for (const h of text.matchAll(/#([\p{L}\p{N}_]+)/gu))
      if (h[1] && !post.hashtags.includes(h[1])) post.hashtags.push(h[1]);
    if (tag !== null && rng.chance(0.7)) {
      post.hashtags.push(tag);
      text += ` #${tag}`;
      post.text = text;
    }
    timeline.schedule(post);
  }
}

function planLinkFarmMoment(ctx: GenerationContext, op: OperationPlan, ms: number): void {
  const { rng, timeline } = ctx;
  const article = drawOperationArticleUrl(rng, op);
  for (const m of op.members) {
    if (!rng.chance(op.participation)) continue;
    let text = rng.chance(0.7) ? buildHeadline(rng, op.lang) : buildChatter(rng, op.lang);
    if (rng.chance(0.2)) text = appendEmoji(rng, text);
    const post = timeline.post(
      ms + drawMemberDelay(rng, op),
      m,
      KIND_ORIGINAL,
      `${text} https://t.co/${randomToken(rng, 10)}`,
      op.lang,
    );
    post.urls.push(drawUrlVariant(rng, article));
    timeline.schedule(post);
  }
}

function planHashtagMoment(ctx: GenerationContext, op: OperationPlan, ms: number): void {
  const { rng, timeline } = ctx;
  const tags = rng.pick(op.hashtagSets);
  for (const m of op.members) {
    if (!rng.chance(op.participation)) continue;
    const own = rng.shuffle(tags.slice());
    let text = rng.chance(0.5) ? buildChatter(rng, op.lang) : buildHeadline(rng, op.lang);
    let policy = 0;
    if (op.glorifying && rng.chance(0.7)) {
      const label = drawViolatingLabel(rng);
      text = buildPolicyText(rng, op.lang, label).replace(/\s#\S+$/u, '');
      policy = toPolicyCode(label);
    }
    const tagText = own.map((t) => '#' + t).join(' ');
    const post = timeline.post(
      ms + drawMemberDelay(rng, op),
      m,
      KIND_ORIGINAL,
      rng.chance(0.3) ? `${tagText} ${text}` : `${text} ${tagText}`,
      op.lang,
    );
    post.hashtags = own;
    post.policy = policy;
    timeline.schedule(post);
  }
}

/** Operations glorify more than they recruit. */
function drawViolatingLabel(rng: Rng): 'glorification' | 'support' {
  return rng.chance(0.75) ? 'glorification' : 'support';
}

/** A canonical article URL on one of the operation's domains. */
function drawOperationArticleUrl(rng: Rng, op: OperationPlan): string {
  const domain = rng.pick(op.domains);
  const slug = rng.sample(SLUG_WORDS, 3).join('-');
  return `https://${domain}/${rng.pick(['news', 'politics', 'world', '2020'])}/${slug}-${rng.range(1000, 99999)}`;
}

/**
 * A variant of the same article as link farms post them: http or https, www. or m. or bare
 * host, trailing slash, utm_* / fbclid tracking parameters.
 */
export function drawUrlVariant(rng: Rng, url: string): string {
  const m = /^https:\/\/([^/]+)(\/.*)$/.exec(url);
  if (!m) return url;
  const host = m[1] as string;
  let path = m[2] as string;
  const scheme = rng.chance(0.3) ? 'http' : 'https';
  const prefix = rng.pick(['', '', 'www.', 'm.']);
  if (rng.chance(0.4)) path += '/';
  if (rng.chance(0.5))
    path += `?${rng.pick(TRACKING_PARAMS)}${rng.chance(0.3) ? randomToken(rng, 8) : ''}`;
  return `${scheme}://${prefix}${host}${path}`;
}
