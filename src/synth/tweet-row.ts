/** Formats one post as a 31-column tweets.csv line, as the archive writes it. */
import { formatCount, formatMinute, toCsvCell, toPythonList } from './csv-format.ts';
import { KIND_QUOTE, KIND_REPLY, KIND_RETWEET, type PostEvent } from './post-event.ts';
import { drawClient, type Population } from './population.ts';
import type { Rng } from './prng.ts';
import { toSnowflake } from './snowflake.ts';
import { POLICY_LABELS } from './policy-content.ts';
import { CLIENTS } from './vocabulary.ts';

const CLIENT_CELLS = CLIENTS.map(([name]) => toCsvCell(name));

/** Assigns snowflake ids in time order and formats rows; keeps the per-millisecond sequence. */
export class TweetRowFormatter {
  private readonly pop: Population;
  private readonly rng: Rng;
  private lastMs = -1;
  private seqInMs = 0;
  private lastMinute = -1;
  private minuteText = '';
  /** Ids of posts about designated entities, per policy label code (retweets carry their original's). */
  readonly policyPosts: string[][] = POLICY_LABELS.map(() => []);
  /** Per operation index, counts per policy label code. */
  readonly policyByOperation = new Map<number, number[]>();

  constructor(pop: Population, rng: Rng) {
    this.pop = pop;
    this.rng = rng;
  }

  private recordPolicyPost(id: string, policy: number, operation: number): void {
    this.policyPosts[policy - 1]?.push(id);
    if (operation < 0) return;
    let counts = this.policyByOperation.get(operation);
    if (!counts) this.policyByOperation.set(operation, (counts = POLICY_LABELS.map(() => 0)));
    counts[policy - 1] = (counts[policy - 1] ?? 0) + 1;
  }

  /** Gives the post its id (posts must come in time order) and returns its CSV line. */
  format(ev: PostEvent): string {
    const { pop, rng } = this;
    if (ev.ms === this.lastMs) this.seqInMs++;
    else {
      this.lastMs = ev.ms;
      this.seqInMs = 0;
    }
    ev.id = toSnowflake(ev.ms, rng.int(1024), this.seqInMs).toString();
    const minute = Math.floor(ev.ms / 60_000);
    if (minute !== this.lastMinute) {
      this.lastMinute = minute;
      this.minuteText = formatMinute(minute * 60_000);
    }
    const a = ev.author;
    const policy = ev.kind === KIND_RETWEET && ev.target !== null ? ev.target.policy : ev.policy;
    if (policy > 0) this.recordPolicyPost(ev.id, policy, pop.operation[a] as number);
    const client =
      ev.client >= 0
        ? ev.client
        : rng.next() < (pop.clientLoyalty[a] as number) || pop.clientLoyalty[a] === 1
          ? (pop.client[a] as number)
          : drawClient(rng);
    const target = ev.target;
    const isRetweet = ev.kind === KIND_RETWEET && target !== null;
    let text = ev.text;
    let hashtags = ev.hashtags;
    let urls = ev.urls;
    let mentions = ev.mentions;
    if (isRetweet) {
      text = `RT @${pop.textHandle[target.author] as string}: ${target.text}`;
      hashtags = target.hashtags;
      urls = target.urls;
      mentions = [target.author, ...target.mentions];
    }
    const asFloat = rng.chance(0.2);
    let counts: string;
    if (isRetweet) counts = asFloat ? '0.0,0.0,0.0,0.0' : '0,0,0,0';
    else {
      const likes = Math.round(ev.retweets * rng.lognormal(2.5, 0.6)) + rng.poisson(0.8);
      const replies = rng.poisson(0.05 * ev.retweets + 0.3);
      const quotes = rng.poisson(0.02 * ev.retweets);
      counts = `${formatCount(quotes, asFloat)},${formatCount(replies, asFloat)},${formatCount(likes, asFloat)},${formatCount(ev.retweets, asFloat)}`;
    }
    const replyTo = ev.kind === KIND_REPLY && target !== null;
    const quoted = ev.kind === KIND_QUOTE && target !== null ? target.id : '';
    return (
      ev.id +
      ',' +
      (pop.rowPrefix[a] as string) +
      ',' +
      ev.lang +
      ',' +
      toCsvCell(text) +
      ',' +
      this.minuteText +
      ',' +
      (CLIENT_CELLS[client] as string) +
      ',' +
      (replyTo ? (pop.userid[target.author] as string) : '') +
      ',' +
      (replyTo ? target.id : '') +
      ',' +
      quoted +
      ',' +
      (isRetweet ? 'True' : 'False') +
      ',' +
      (isRetweet ? (pop.userid[target.author] as string) : '') +
      ',' +
      (isRetweet ? target.id : '') +
      ',absent,absent,' +
      counts +
      ',' +
      toCsvCell(toPythonList(hashtags)) +
      ',' +
      toCsvCell(toPythonList(urls)) +
      ',' +
      toCsvCell(toPythonList(mentions.map((m) => pop.userid[m] as string))) +
      ',\n'
    );
  }
}
