/**
 * `takedown synth`: writes a realistic platform sample in the Twitter Information Operations
 * archive format (tweets.csv, users.csv) with planted operations and organic traps, and
 * truth.json naming them. Everything is a pure function of the options: same seed, same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../model/index.ts';
import { ArticlePool } from './article-pool.ts';
import { USER_COLUMNS } from './csv-format.ts';
import type { GenerationContext } from './generation-context.ts';
import { planCrowdEvents, planCrowdEventsInHour, type CrowdEvent } from './organic-events.ts';
import { OrganicActivity } from './organic-activity.ts';
import { planOperationHour } from './operation-activity.ts';
import type { OperationPlan } from './operation-plan.ts';
import { planPopulation, type PopulationPlan } from './population-plan.ts';
import { ROLE_PERSONA } from './population.ts';
import { AliasTable, Rng } from './prng.ts';
import { loadTextCorpus } from './text-corpus.ts';
import { Timeline } from './timeline.ts';
import { POLICY_LABELS } from './policy-content.ts';
import type { Truth, TruthPolicyPosts, TruthTrap } from './truth.ts';
import { TweetFileWriter } from './row-writer.ts';
import { TweetRowFormatter } from './tweet-row.ts';
import { LANGS, VOCABULARY } from './vocabulary.ts';

export interface SynthOptions {
  outDir: string;
  seed?: number;
  accounts?: number;
  days?: number;
  /** Target number of posts (default about 1.5 per account and day). */
  posts?: number;
  /** Rows per tweets file; when set, files are tweets_1.csv, tweets_2.csv… */
  splitRows?: number;
  /** First day, YYYY-MM-DD (UTC). */
  start?: string;
  /** Folder of .jsonl sentences ({"lang", "text"}) to mix into organic posts. */
  corpus?: string;
  onProgress?: (posts: number, fraction: number) => void;
}

export interface SynthSummary {
  outDir: string;
  files: string[];
  accounts: number;
  posts: number;
  bytes: number;
  operations: number;
  plantedAccounts: number;
  truth: Truth;
}

export const SYNTH_DEFAULTS = { seed: 1, accounts: 5000, days: 14, start: '2020-01-01' } as const;
const DAY_MS = 86_400_000;
/** Posts per account and day when --posts is not given. */
const POSTS_PER_ACCOUNT_DAY = 1.5;

/** Generates a sample into `options.outDir` and returns what was written. */
export function generateSample(options: SynthOptions): SynthSummary {
  const seed = options.seed ?? SYNTH_DEFAULTS.seed;
  const n = options.accounts ?? SYNTH_DEFAULTS.accounts;
  const days = options.days ?? SYNTH_DEFAULTS.days;
  const start = options.start ?? SYNTH_DEFAULTS.start;
  if (!Number.isInteger(seed) || seed < 0)
    throw usageError(`--seed must be a non-negative integer, got ${seed}`);
  if (!Number.isInteger(n) || n < 200)
    throw usageError(
      `--accounts must be at least 200 (a sample needs a crowd to hide operations in), got ${n}`,
    );
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw usageError(`--days must be between 1 and 3660, got ${days}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
    throw usageError(`--start must be a date YYYY-MM-DD, got '${start}'`);
  const startMs = Date.parse(`${start}T00:00:00Z`);
  if (startMs < Date.UTC(2012, 0, 1))
    throw usageError(`--start must be 2012-01-01 or later (snowflake ids), got '${start}'`);
  const target = options.posts ?? Math.round(n * days * POSTS_PER_ACCOUNT_DAY);
  if (!Number.isInteger(target) || target < 1)
    throw usageError(`--posts must be a positive integer, got ${target}`);

  mkdirSync(options.outDir, { recursive: true });
  const startDay = Math.floor(startMs / DAY_MS);
  const hours = days * 24;
  const activityFactor = target / (n * days * POSTS_PER_ACCOUNT_DAY);
  const opScale = Math.min(3, Math.max(0.5, activityFactor));

  const planRng = new Rng(seed, 1);
  const plan = planPopulation(planRng, n, startDay, days, opScale);
  const { pop } = plan;
  pop.finalise(planRng, seed);
  writeUsers(options.outDir, plan);

  const rng = new Rng(seed, 2);
  const planted = new Set<number>();
  for (const op of plan.operations) for (const m of op.members) planted.add(m);
  const ctx: GenerationContext = {
    rng,
    pop,
    timeline: new Timeline(startMs, hours),
    retweeters: buildRetweeterTables(rng, plan),
    articles: new ArticlePool(rng, days, 20 + Math.round(target / days / 400)),
    trends: Array.from({ length: days }, () =>
      LANGS.map((l) => rng.sample(VOCABULARY[l].hashtags, 5)),
    ),
    noCrowd: new Set([...planted, ...plan.circles.flatMap((c) => c.members)]),
    corpus: options.corpus === undefined ? null : loadTextCorpus(options.corpus),
  };

  const opsEstimate = plan.operations.reduce((s, op) => s + estimateOperationPosts(op), 0);
  // Crowd events shrink with sparse samples (few posts per account) so they do not swamp them.
  const crowdScale = Math.min(1, activityFactor);
  const viralSize = Math.max(50, Math.min(4000, Math.round(n * 0.2 * crowdScale)));
  const newsSize = Math.max(30, Math.min(600, Math.round(n * 0.055 * crowdScale)));
  const crowdEstimate = 4 * newsSize + 4 * viralSize;
  const organicTotal = Math.max(0.4 * target, target - opsEstimate - crowdEstimate);
  const retweets = 0.42 * organicTotal;
  const organic = new OrganicActivity(
    ctx,
    plan,
    {
      authored: 0.58 * organicTotal,
      organicRetweets: 0.7 * retweets,
      celebrityRetweets: 0.3 * retweets,
    },
    days,
  );
  const events = planCrowdEvents(ctx, hours, viralSize, newsSize);

  const writer = new TweetFileWriter(options.outDir, options.splitRows);
  const formatter = new TweetRowFormatter(pop, rng);
  for (let h = 0; h < hours; h++) {
    organic.planHour(h);
    for (const op of plan.operations) planOperationHour(ctx, op, h);
    planCrowdEventsInHour(ctx, events, h);
    for (const ev of ctx.timeline.takeHour(h)) {
      writer.write(formatter.format(ev));
      organic.remember(ev);
    }
    options.onProgress?.(writer.rows, (h + 1) / hours);
  }
  writer.close();

  const truth = buildTruth(seed, n, writer.rows, start, days, plan, events, formatter);
  const truthText = JSON.stringify(truth, null, 2) + '\n';
  writeFileSync(join(options.outDir, 'truth.json'), truthText);
  return {
    outDir: options.outDir,
    files: [...writer.files, 'users.csv', 'truth.json'],
    accounts: n,
    posts: writer.rows,
    bytes: writer.bytes,
    operations: truth.operations.length,
    plantedAccounts: planted.size,
    truth,
  };
}

function writeUsers(dir: string, plan: PopulationPlan): void {
  const { pop } = plan;
  const lines: string[] = [USER_COLUMNS.join(',') + '\n'];
  for (let a = 0; a < pop.size; a++) lines.push((pop.rowPrefix[a] as string) + '\n');
  writeFileSync(join(dir, 'users.csv'), lines.join(''));
}

/** Per language, accounts weighted by how much they retweet (activity with a personal taste). */
function buildRetweeterTables(rng: Rng, plan: PopulationPlan): AliasTable[] {
  const { pop } = plan;
  return LANGS.map((_, l) => {
    const items: number[] = [];
    const weights: number[] = [];
    for (let a = 0; a < pop.size; a++) {
      if (pop.lang[a] !== l || pop.role[a] === ROLE_PERSONA) continue;
      items.push(a);
      weights.push((pop.activity[a] as number) * rng.lognormal(1, 0.8));
    }
    return new AliasTable(Int32Array.from(items), Float64Array.from(weights));
  });
}

function estimateOperationPosts(op: OperationPlan): number {
  const activeDays = op.activeDays.filter(Boolean).length;
  const perMoment = op.members.length * op.participation + (op.personas.length > 0 ? 2 : 0);
  return op.momentsPerDay * activeDays * perMoment;
}

function buildTruth(
  seed: number,
  accounts: number,
  posts: number,
  start: string,
  days: number,
  plan: PopulationPlan,
  events: CrowdEvent[],
  formatter: TweetRowFormatter,
): Truth {
  const { pop } = plan;
  const ids = (list: readonly number[]): string[] => list.map((a) => pop.userid[a] as string);
  const traps: TruthTrap[] = [];
  traps.push({
    kind: 'celebrity',
    accounts: ids(plan.celebrities),
    description: `${plan.celebrities.length} celebrities and outlets (≥ 5,000 followers) whose posts draw hundreds to thousands of retweets`,
  });
  for (const g of plan.fanGroups) {
    traps.push({
      kind: 'fast_fans',
      accounts: ids(g.fans),
      description: `${g.fans.length} notification-driven fans retweeting ${pop.userid[g.celebrity] as string} within a minute or two on ${Math.round(g.participation * 100)}% of its posts; authentic accounts (varied creation years, clients, followers)`,
    });
  }
  for (const ev of events) {
    if (ev.accounts.length === 0) continue;
    traps.push({ kind: ev.kind, accounts: ids(ev.accounts), description: ev.description });
  }
  for (const w of plan.waves) {
    traps.push({
      kind: 'signup_wave',
      accounts: ids(w.accounts),
      description: `${w.accounts.length} real people who signed up in the same week (from ${new Date(w.firstDay * DAY_MS).toISOString().slice(0, 10)}), organic afterwards`,
    });
  }
  for (const c of plan.circles) {
    traps.push({
      kind: 'friend_circle',
      accounts: ids(c.members),
      description: `${c.members.length} friends retweeting each other's posts (${Math.round(c.participation * 100)}% of them, a median 45 min later): content almost nobody else shares, but slow and from ordinary accounts`,
    });
  }
  return {
    seed,
    generator: 'takedown-synth/1',
    accounts,
    posts,
    start,
    days,
    operations: plan.operations.map((op) => ({
      id: op.id,
      kind: op.kind,
      aged_accounts: op.agedAccounts,
      batch_created: op.batchCreated,
      accounts: ids(op.members),
      amplified: ids(op.personas),
      ...(op.kind === 'impersonation' ? { impersonates: ids(op.impersonates) } : {}),
      lang: op.lang,
      description: op.description,
    })),
    traps,
    policy_posts: Object.fromEntries(
      POLICY_LABELS.map((l, k) => [l, formatter.policyPosts[k] ?? []]),
    ) as TruthPolicyPosts,
    policy_by_operation: Object.fromEntries(
      plan.operations
        .filter((op) => formatter.policyByOperation.has(op.index))
        .map((op) => {
          const counts = formatter.policyByOperation.get(op.index) ?? [];
          return [
            op.id,
            Object.fromEntries(
              POLICY_LABELS.map((l, k) => [l, counts[k] ?? 0]).filter(([, c]) => (c as number) > 0),
            ),
          ];
        }),
    ),
  };
}
