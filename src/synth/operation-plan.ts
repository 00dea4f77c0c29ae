/**
 * Plans the planted operations: how many of each kind, their sizes, members, personas, account
 * styles and rhythm — all drawn from the seed, so that no size, proportion or field is constant
 * across samples. Styles are mixed per operation: some are sloppy (empty or reused profiles,
 * name+digits handles, one client, few followers), some are clean on every field, and half run
 * on aged accounts bought or taken over rather than a creation batch.
 */
import {
  ROLE_OPERATION,
  ROLE_PERSONA,
  drawClient,
  drawOrganicProfile,
  drawTimeZone,
  randomToken,
  type Population,
} from './population.ts';
import { policyCampaignTags } from './policy-content.ts';
import type { Rng } from './prng.ts';
import { OPERATION_KINDS, type OperationKind } from './truth.ts';
import { CLIENTS, DOMAIN_SUFFIXES, DOMAIN_WORDS, VOCABULARY, type Lang } from './vocabulary.ts';

export interface OperationStyle {
  handleDigits: boolean;
  emptyProfiles: boolean;
  reusedBio: boolean;
  /** Client index every member uses, or -1 for varied clients. */
  singleClient: number;
  lowFollowers: boolean;
}

export interface OperationPlan {
  index: number;
  id: string;
  kind: OperationKind;
  lang: Lang;
  tz: number;
  members: number[];
  personas: number[];
  /** Real outlet accounts the personas copy (impersonation only). */
  impersonates: number[];
  batchCreated: boolean;
  agedAccounts: boolean;
  style: OperationStyle;
  /** Share of members that join each coordinated moment. */
  participation: number;
  /** Coordinated moments (persona posts, messages, articles, bursts) per active day. */
  momentsPerDay: number;
  activeDays: boolean[];
  hashtagSets: string[][];
  domains: string[];
  /** Median delay (ms) between a moment and a member's post. */
  delayMedianMs: number;
  delaySigma: number;
  /** Pushes glorification and support of designated entities (a "martyr" / #HardRevenge campaign). */
  glorifying: boolean;
  description: string;
}

/** Decides every operation and writes its members' attributes into the population. */
export function planOperations(
  rng: Rng,
  pop: Population,
  free: number[],
  startDay: number,
  days: number,
  outletAccounts: number[],
  opScale: number,
): OperationPlan[] {
  const n = pop.size;
  const share = 0.025 + rng.next() * 0.025;
  const total = Math.max(OPERATION_KINDS.length * 6, Math.round(n * share));
  const perKindMax = 1 + Math.min(3, Math.floor(n / 6000));
  const kinds: OperationKind[] = [];
  for (const kind of OPERATION_KINDS) {
    const count = 1 + rng.int(perKindMax + 1);
    for (let c = 0; c < count; c++) kinds.push(kind);
  }
  rng.shuffle(kinds);
  const raw = kinds.map(() => 8 + rng.int(33));
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((r) => Math.max(6, Math.round((r * total) / rawSum)));
  const cleanOp = rng.int(kinds.length);
  const plans: OperationPlan[] = [];
  let cursor = 0;
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k] as OperationKind;
    const size = Math.min(sizes[k] as number, free.length - cursor);
    if (size < 4) break;
    const members = free.slice(cursor, cursor + size);
    cursor += size;
    const lang: Lang = rng.chance(0.45) ? 'fa' : rng.chance(0.6) ? 'en' : 'ar';
    const clean = k === cleanOp || rng.chance(0.25);
    const style: OperationStyle = {
      handleDigits: !clean && rng.chance(0.45),
      emptyProfiles: !clean && rng.chance(0.35),
      reusedBio: !clean && rng.chance(0.3),
      singleClient: !clean && rng.chance(0.35) ? rng.pick([2, 5, 6, 7, 0, 1]) : -1,
      lowFollowers: !clean && rng.chance(0.4),
    };
    const batchCreated = k === cleanOp ? false : rng.chance(0.5);
    const ringLike =
      kind === 'fast_retweet_ring' || kind === 'slow_ring' || kind === 'impersonation';
    const personaCount = ringLike ? Math.min(1 + rng.int(3), Math.max(1, Math.floor(size / 5))) : 0;
    const personas = members.slice(0, personaCount);
    const plan: OperationPlan = {
      index: k,
      id: `op-${k + 1}`,
      kind,
      lang,
      tz: drawTimeZone(rng, lang === 'en' ? (rng.chance(0.5) ? 'fa' : 'en') : lang),
      members,
      personas,
      impersonates: [],
      batchCreated,
      agedAccounts: !batchCreated,
      style,
      participation: 0.5 + rng.next() * 0.4,
      momentsPerDay: drawMomentsPerDay(rng, kind) * opScale,
      activeDays: drawActiveDays(rng, days),
      hashtagSets: [],
      domains: [],
      delayMedianMs: 0,
      delaySigma: 0,
      glorifying: false,
      description: '',
    };
    setRhythm(rng, plan);
    setContent(rng, plan);
    applyMemberAttributes(rng, pop, plan, startDay, outletAccounts);
    plan.description = describeOperation(plan);
    plans.push(plan);
  }
  // One or two operations glorify designated entities; the rest push ordinary political lines.
  const candidates = plans.filter((p) => p.kind !== 'link_farm' && p.kind !== 'impersonation');
  for (const p of rng.sample(candidates, Math.min(candidates.length, 1 + rng.int(2)))) {
    p.glorifying = true;
    if (p.kind === 'hashtag_campaign') {
      const tags = rng.sample(policyCampaignTags(p.lang), 2 + rng.int(2));
      p.hashtagSets = [tags];
    }
    p.description += '; glorifies designated entities (martyr / revenge campaign)';
  }
  return plans;
}

function drawMomentsPerDay(rng: Rng, kind: OperationKind): number {
  switch (kind) {
    case 'fast_retweet_ring':
    case 'slow_ring':
      return 3 + rng.next() * 5;
    case 'impersonation':
      return 2 + rng.next() * 4;
    case 'copy_paste':
      return 2 + rng.next() * 4;
    case 'link_farm':
      return 2 + rng.next() * 3;
    case 'hashtag_campaign':
      return 1 + rng.next() * 2;
  }
}

/** Operations work in campaigns: active on a random subset (at least two days, most of them usually). */
function drawActiveDays(rng: Rng, days: number): boolean[] {
  const p = 0.5 + rng.next() * 0.5;
  const active = Array.from({ length: days }, () => rng.chance(p));
  let count = active.filter(Boolean).length;
  while (count < Math.min(2, days)) {
    const d = rng.int(days);
    if (!active[d]) {
      active[d] = true;
      count++;
    }
  }
  return active;
}

function setRhythm(rng: Rng, plan: OperationPlan): void {
  switch (plan.kind) {
    case 'fast_retweet_ring':
      plan.delayMedianMs = 4_000 + rng.next() * 10_000;
      plan.delaySigma = 0.7;
      break;
    case 'slow_ring':
      plan.delayMedianMs = 120_000 + rng.next() * 360_000;
      plan.delaySigma = 0.6;
      break;
    case 'impersonation':
      plan.delayMedianMs = 20_000 + rng.next() * 120_000;
      plan.delaySigma = 0.9;
      break;
    case 'copy_paste':
      plan.delayMedianMs = 60_000 + rng.next() * 600_000;
      plan.delaySigma = 0.9;
      break;
    case 'link_farm':
      plan.delayMedianMs = 30_000 + rng.next() * 300_000;
      plan.delaySigma = 0.9;
      break;
    case 'hashtag_campaign':
      plan.delayMedianMs = 60_000 + rng.next() * 300_000;
      plan.delaySigma = 0.7;
      break;
  }
}

const CAMPAIGN_WORDS: Record<Lang, readonly string[]> = {
  en: [
    'FreeVoices',
    'StopTheLies',
    'JusticeNow',
    'TruthMatters',
    'PeopleFirst',
    'EndSanctions',
    'WeStandTogether',
    'NoMoreWar',
    'ResistOccupation',
    'WakeUpWorld',
  ],
  fa: [
    'صدای_مردم',
    'حقیقت_را_بگویید',
    'نه_به_جنگ',
    'تحریم_جنایت_است',
    'ایران_قوی',
    'مقاومت',
    'عدالت',
    'بیداری',
  ],
  ar: [
    'صوت_الشعب',
    'لا_للحرب',
    'الحقيقة',
    'العدالة_الآن',
    'المقاومة',
    'انتفاضة',
    'لا_للعقوبات',
    'الوعي',
  ],
};

function setContent(rng: Rng, plan: OperationPlan): void {
  const words = CAMPAIGN_WORDS[plan.lang];
  const setCount = plan.kind === 'hashtag_campaign' ? 1 + rng.int(2) : 1;
  for (let s = 0; s < setCount; s++) {
    const size = 2 + rng.int(3);
    // A campaign tag with a per-operation suffix keeps two operations' sets apart, as real ones are.
    const tags = rng.sample(words, size - 1);
    tags.push(
      `${rng.pick(words)}${rng.chance(0.5) ? rng.range(2, 99) : rng.pick(['Now', 'Today', '_' + rng.range(1, 30)])}`,
    );
    plan.hashtagSets.push(tags);
  }
  const domainCount = plan.kind === 'link_farm' ? 1 + rng.int(3) : 1;
  for (let d = 0; d < domainCount; d++) {
    const a = rng.pick(DOMAIN_WORDS);
    let b = rng.pick(DOMAIN_WORDS);
    if (b === a) b = `${b}${rng.range(1, 99)}`;
    plan.domains.push(
      `${a}${rng.chance(0.3) ? '-' : ''}${b}${rng.chance(0.3) ? rng.range(1, 24) : ''}${rng.pick(DOMAIN_SUFFIXES)}`,
    );
  }
}

function applyMemberAttributes(
  rng: Rng,
  pop: Population,
  plan: OperationPlan,
  startDay: number,
  outletAccounts: number[],
): void {
  const { style } = plan;
  const batchDay = startDay - (20 + rng.int(600));
  const batchSpan = 1 + rng.int(5);
  const bios = [
    drawOrganicProfile(rng, plan.lang, false).description,
    drawOrganicProfile(rng, plan.lang, false).description,
  ];
  const langIndex = plan.lang === 'en' ? 0 : plan.lang === 'fa' ? 1 : 2;
  for (const a of plan.members) {
    pop.role[a] = ROLE_OPERATION;
    pop.operation[a] = plan.index;
    pop.lang[a] = langIndex;
    pop.tz[a] = plan.tz;
    pop.createdDay[a] = plan.batchCreated
      ? batchDay + rng.int(batchSpan)
      : // Aged accounts: bought or taken over, created years apart like anyone else's.
        startDay - (200 + Math.floor(4200 * Math.pow(rng.next(), 0.8)));
    const profile = drawOrganicProfile(rng, plan.lang, style.handleDigits && rng.chance(0.85));
    if (style.emptyProfiles && rng.chance(0.75)) {
      profile.description = '';
      profile.location = '';
      profile.profileUrl = '';
    } else if (style.reusedBio) profile.description = rng.pick(bios);
    pop.profiles[a] = profile;
    if (style.lowFollowers) {
      pop.followers[a] = rng.int(150);
      pop.following[a] = 300 + rng.int(3000);
    }
    if (style.singleClient >= 0) {
      pop.client[a] = style.singleClient;
      pop.clientLoyalty[a] = 1;
    } else {
      pop.client[a] = drawClient(rng);
    }
    // Members' own (filler) posting: in the organic range, a little busier than the median.
    pop.activity[a] = rng.lognormal(1.3, 0.8);
  }
  for (let p = 0; p < plan.personas.length; p++) {
    const a = plan.personas[p] as number;
    pop.role[a] = ROLE_PERSONA;
    if (plan.kind === 'impersonation' && outletAccounts.length > 0) {
      // Impersonators copy an outlet of the audience they target when there is one.
      const sameLang = outletAccounts.filter((o) => pop.lang[o] === langIndex);
      const candidates = sameLang.length > 0 ? sameLang : outletAccounts;
      const target = candidates[rng.int(candidates.length)] as number;
      plan.impersonates.push(target);
      const outlet = pop.profiles[target];
      if (outlet) {
        pop.profiles[a] = {
          displayName: confuseName(rng, outlet.displayName),
          screenName: confuseHandle(rng, outlet.screenName),
          location: outlet.location,
          description: outlet.description,
          profileUrl: rng.chance(0.5) ? outlet.profileUrl : `https://t.co/${randomToken(rng, 10)}`,
        };
        pop.lang[a] = pop.lang[target] as number;
      }
      // Impersonators buy followers so they look established (and keep their visible handle).
      pop.followers[a] = 5000 + rng.int(40_000);
      pop.following[a] = 100 + rng.int(900);
    } else {
      pop.profiles[a] = drawNewsPersona(rng, plan.lang);
      pop.followers[a] = rng.chance(0.5) ? 5000 + rng.int(60_000) : 300 + rng.int(4000);
      pop.following[a] = 50 + rng.int(800);
    }
  }
}

const PERSONA_WORDS: Record<Lang, { names: readonly string[]; handles: readonly string[] }> = {
  en: {
    names: [
      'Gulf Daily Truth',
      'Free Press Watch',
      'Middle East Insight',
      'Tehran Times Now',
      'Voice of Nations',
      'The Liberty Wire',
    ],
    handles: [
      'GulfDailyTruth',
      'FreePressWatch',
      'MEInsight',
      'TehranTimesNow',
      'VoiceOfNations',
      'LibertyWire',
    ],
  },
  fa: {
    names: ['خبر فوری ایران', 'صدای ملت', 'دیده‌بان حقیقت', 'ایران امروز', 'رسانه مردمی'],
    handles: ['khabarfori_ir', 'sedayemellat', 'didebanhaghighat', 'iranemrooz24', 'resanemardomi'],
  },
  ar: {
    names: ['أخبار الخليج الآن', 'صوت الحقيقة', 'المرصد العربي', 'شبكة الأحرار', 'عين الحدث'],
    handles: ['gulfnewsnow', 'sawtalhaqiqa', 'almarsad_ar', 'ahrar_net', 'ainalhadath'],
  },
};

function drawNewsPersona(
  rng: Rng,
  lang: Lang,
): {
  displayName: string;
  screenName: string;
  location: string;
  description: string;
  profileUrl: string;
} {
  const w = PERSONA_WORDS[lang];
  const i = rng.int(w.names.length);
  return {
    displayName: w.names[i] as string,
    screenName: `${w.handles[i] as string}${rng.chance(0.5) ? rng.range(1, 99) : ''}`.slice(0, 15),
    location: rng.pick(VOCABULARY[lang].locations),
    description: rng.pick([
      'Independent news 24/7',
      'Breaking news and analysis',
      'أخبار مستقلة',
      'اخبار مستقل',
    ]),
    profileUrl: `https://t.co/${randomToken(rng, 10)}`,
  };
}

/** Latin letters and look-alikes from other scripts (Cyrillic, Greek), as impersonators use. */
const HOMOGLYPHS: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  i: 'і',
  x: 'х',
  B: 'В',
  A: 'А',
  P: 'Р',
  E: 'Е',
  O: 'О',
  T: 'Т',
};

function confuseName(rng: Rng, name: string): string {
  const positions: number[] = [];
  for (let i = 0; i < name.length; i++)
    if (HOMOGLYPHS[name.charAt(i)] !== undefined) positions.push(i);
  if (positions.length > 0 && rng.chance(0.7)) {
    const at = rng.pick(positions);
    return name.slice(0, at) + (HOMOGLYPHS[name.charAt(at)] as string) + name.slice(at + 1);
  }
  return rng.pick([`${name} News`, `${name} ⚡`, `${name}.`, `${name} Live`]);
}

function confuseHandle(rng: Rng, handle: string): string {
  const r = rng.int(4);
  if (r === 0) return `${handle}${rng.range(1, 99)}`.slice(0, 15);
  if (r === 1) return `${handle}_`.slice(0, 15);
  if (r === 2 && handle.length > 3) {
    const i = 1 + rng.int(handle.length - 2);
    return handle.slice(0, i) + handle.charAt(i + 1) + handle.charAt(i) + handle.slice(i + 2);
  }
  return handle.replace(/l/i, '1').replace(/o/i, '0') === handle
    ? `${handle}News`.slice(0, 15)
    : handle.replace(/l/i, '1').replace(/o/i, '0');
}

function describeOperation(plan: OperationPlan): string {
  const what: Record<OperationKind, string> = {
    fast_retweet_ring: 'retweet ring amplifying news personas within seconds',
    slow_ring: 'retweet ring amplifying news personas minutes apart',
    impersonation: 'personas impersonating a real outlet or journalist, amplified by a ring',
    copy_paste: 'copy-paste messages with small edits',
    link_farm: `link farm sharing URL variants of articles on ${plan.domains.join(', ')}`,
    hashtag_campaign: `synchronised hashtag campaign (${plan.hashtagSets.map((s) => s.map((t) => '#' + t).join(' ')).join(' / ')}) with different texts`,
  };
  const traits: string[] = [];
  if (plan.batchCreated) traits.push('accounts created in a batch');
  else traits.push('aged accounts created years apart');
  if (plan.style.handleDigits) traits.push('name+digits handles');
  if (plan.style.emptyProfiles) traits.push('mostly empty profiles');
  if (plan.style.reusedBio) traits.push('reused bios');
  if (plan.style.singleClient >= 0)
    traits.push(
      `one client (${(CLIENTS[plan.style.singleClient] as readonly [string, number])[0]})`,
    );
  if (plan.style.lowFollowers) traits.push('few followers');
  const clean =
    !plan.style.handleDigits &&
    !plan.style.emptyProfiles &&
    !plan.style.reusedBio &&
    plan.style.singleClient < 0 &&
    !plan.style.lowFollowers;
  if (clean) traits.push('clean profiles on every field');
  return `${plan.members.length} accounts, ${plan.lang}: ${what[plan.kind]}; ${traits.join(', ')}; ${Math.round(plan.participation * 100)}% of members join each moment, median delay ${Math.round(plan.delayMedianMs / 1000)} s`;
}
