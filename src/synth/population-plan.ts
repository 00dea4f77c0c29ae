/**
 * Draws the accounts of a sample: the organic crowd (heavy-tailed followers and activity,
 * creation dates over the years, three languages), celebrities and real outlets, the planted
 * operations, and the organic look-alikes a detector must not flag: fast fans of celebrities and
 * waves of real people who signed up in the same week.
 */
import { planOperations, type OperationPlan } from './operation-plan.ts';
import {
  Population,
  ROLE_CELEBRITY,
  drawClient,
  drawOrganicProfile,
  drawTimeZone,
  randomToken,
} from './population.ts';
import type { Rng } from './prng.ts';
import { OUTLETS, type Lang } from './vocabulary.ts';

export interface FanGroup {
  celebrity: number;
  fans: number[];
  /** Share of the celebrity's posts each fan retweets. */
  participation: number;
}

/** Friends, colleagues or activists who retweet each other's posts, slowly (minutes to hours). */
export interface FriendCircle {
  members: number[];
  /** Share of a member's posts each other member retweets. */
  participation: number;
}

export interface SignupWave {
  accounts: number[];
  firstDay: number;
}

export interface PopulationPlan {
  pop: Population;
  celebrities: number[];
  outlets: number[];
  operations: OperationPlan[];
  fanGroups: FanGroup[];
  waves: SignupWave[];
  circles: FriendCircle[];
}

/** Earliest creation day: Twitter's first public year. */
const FIRST_DAY = Math.floor(Date.UTC(2007, 0, 1) / 86_400_000);

export function planPopulation(
  rng: Rng,
  n: number,
  startDay: number,
  days: number,
  opScale: number,
): PopulationPlan {
  const pop = new Population(n);
  const shareFa = 0.3 + rng.next() * 0.15;
  const shareAr = 0.18 + rng.next() * 0.12;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    const lang: Lang = u < shareFa ? 'fa' : u < shareFa + shareAr ? 'ar' : 'en';
    pop.lang[i] = lang === 'en' ? 0 : lang === 'fa' ? 1 : 2;
    pop.tz[i] = drawTimeZone(rng, lang);
    pop.followers[i] = Math.min(2_000_000, Math.round(rng.lognormal(170, 1.5)));
    pop.following[i] = Math.min(50_000, Math.round(rng.lognormal(260, 1.0)));
    pop.createdDay[i] = Math.max(
      FIRST_DAY,
      startDay - (10 + Math.floor(4700 * Math.pow(rng.next(), 1.3))),
    );
    pop.activity[i] = rng.lognormal(1, 1.25);
    pop.client[i] = drawClient(rng);
    pop.clientLoyalty[i] = 0.7 + 0.3 * rng.next();
    pop.profiles[i] = drawOrganicProfile(rng, lang, rng.chance(0.06));
  }
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  let cursor = 0;

  const celebrityCount = Math.min(
    Math.max(OUTLETS.length, Math.round(n * 0.002)),
    Math.floor(n / 20),
  );
  const celebrities = order.slice(cursor, cursor + celebrityCount);
  cursor += celebrityCount;
  const outlets: number[] = [];
  celebrities.forEach((a, k) => {
    pop.role[a] = ROLE_CELEBRITY;
    pop.followers[a] = Math.min(8_000_000, Math.round(rng.pareto(20_000, 0.9)));
    pop.following[a] = Math.round(rng.lognormal(400, 1.2));
    pop.createdDay[a] = FIRST_DAY + 400 + rng.int(2200);
    const outlet = OUTLETS[k];
    if (outlet) {
      outlets.push(a);
      pop.lang[a] = outlet.lang === 'en' ? 0 : outlet.lang === 'fa' ? 1 : 2;
      pop.profiles[a] = {
        displayName: outlet.name,
        screenName: outlet.handle,
        location: '',
        description:
          outlet.lang === 'en'
            ? 'News, analysis and more. Follow for updates.'
            : outlet.lang === 'fa'
              ? 'اخبار و تحلیل'
              : 'أخبار وتحليلات',
        profileUrl: `https://t.co/${randomToken(rng, 10)}`,
      };
      pop.client[a] = rng.pick([2, 5, 6]);
    }
  });

  const operations = planOperations(
    rng,
    pop,
    order.slice(cursor),
    startDay,
    days,
    outlets,
    opScale,
  );
  for (const op of operations) cursor += op.members.length;

  // Fast fans: organic accounts of all kinds (creation years, clients, followers untouched).
  const fanGroups: FanGroup[] = [];
  const fanCelebs = rng.sample(celebrities, Math.min(celebrities.length, 2 + rng.int(3)));
  for (const celebrity of fanCelebs) {
    const count = 3 + rng.int(5);
    const fans = order.slice(cursor, cursor + count);
    cursor += count;
    for (const f of fans) pop.lang[f] = pop.lang[celebrity] as number;
    fanGroups.push({ celebrity, fans, participation: 0.45 + rng.next() * 0.4 });
  }

  // Sign-up waves: real people who joined in the same week (after a news event, an app launch…).
  const waves: SignupWave[] = [];
  const waveCount = 1 + rng.int(2);
  for (let w = 0; w < waveCount; w++) {
    const size = Math.max(15, Math.round(n * (0.01 + rng.next() * 0.015)));
    const accounts = order.slice(cursor, cursor + size);
    cursor += size;
    const firstDay = startDay - (30 + rng.int(700));
    for (const a of accounts) pop.createdDay[a] = firstDay + rng.int(7);
    waves.push({ accounts, firstDay });
  }
  // Friend circles: organic groups that share each other's posts, which almost nobody else
  // shares — but hours rather than seconds apart, from ordinary accounts of every kind.
  const circles: FriendCircle[] = [];
  const circleCount = Math.max(3, Math.round(n / 700));
  for (let c = 0; c < circleCount && cursor < n - 20; c++) {
    const size = 4 + rng.int(7);
    const members = order.slice(cursor, cursor + size);
    cursor += size;
    const lang = pop.lang[members[0] as number] as number;
    for (const m of members) pop.lang[m] = lang;
    circles.push({ members, participation: 0.25 + rng.next() * 0.4 });
  }
  return { pop, celebrities, outlets, operations, fanGroups, waves, circles };
}
