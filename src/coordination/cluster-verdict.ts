/**
 * Verdict, score and reason of a cluster. Coordination is already established by the edges
 * (each passed the chance test); the verdict weighs what kind of coordination it is, on two
 * cluster-level measures and the account indicators:
 *  - density: the share of member pairs tied by their own significant edge. An operation acts
 *    together (most members join each coordinated moment, so nearly every pair is tied); an
 *    organic audience around viral posts or breaking news is held together by a few hubs and
 *    stays sparse however many accounts it gathers.
 *  - exclusivity: of the content the members co-share, how much of its sharing they do
 *    themselves (member-weighted mean over objects of member shares / all shares). A ring
 *    pushing its personas' posts makes nearly all their shares; fans of a celebrity or a news
 *    crowd make a sliver of the shares of what they share.
 *  - inauthenticity indicators (account-indicators.ts), each a lift test against all accounts.
 * likely_cib needs content coordination among ≥ 3 accounts, a majority of member pairs tied
 * (density ≥ 0.5), and either content that is mostly theirs (exclusivity ≥ 0.5: they are the
 * majority of its audience, which needs no indicator: aged accounts pass on behaviour alone) or
 * content of which they make at least a quarter together with at least one inauthenticity
 * indicator. A quarter of a small audience is what fast fans of a minor celebrity reach; the
 * issue's own test for fans is that they look authentic, so without an indicator they stay
 * `coordinated`. A sign-up wave without tight exclusive co-sharing does not pass; pairs stay
 * `coordinated` (a takedown proposal is about a network, a pair goes to a reviewer).
 */
import type { Signal, Verdict } from '../model/index.ts';
import type { ClusterIndicator, ClusterSignal } from './findings-types.ts';

/** Signals that only say "active at the same time" or "talk to the same people", not shared content. */
const WEAK_SIGNALS: ReadonlySet<Signal> = new Set(['sync_activity', 'mention_target', 'co_domain']);
const SUPPORTING_INDICATORS = new Set([
  'policy_violations',
  'known_image',
  'impersonation',
  'undisclosed_state_media',
]);

export const MIN_CIB_EXCLUSIVITY = 0.25;
export const MAJORITY_EXCLUSIVITY = 0.5;
export const MIN_CIB_DENSITY = 0.5;
export const MIN_CIB_SIZE = 3;

export interface VerdictInput {
  members: number;
  amplified: number;
  signals: readonly ClusterSignal[];
  indicators: readonly ClusterIndicator[];
  exclusivity: number;
  density: number;
  medianDeltaMs: number | null;
  /**
   * Members whose own posts other members retweet, reply to or quote. When most members are such
   * authors, the group passes around its own posts (friends, a community) rather than pushing
   * outside personas or content, which is what operations exist to do.
   */
  memberAuthors?: number;
  /**
   * Members whose account profile is known (creation date, followers or description). When none
   * is, no indicator could be computed and the reason must not say the accounts "look authentic".
   */
  profiledMembers?: number;
}

/** Signals that are interactions with posts (not shared outside content). */
const INTERACTION_SIGNALS: ReadonlySet<Signal> = new Set(['co_retweet', 'reply_target', 'mention_target', 'sync_activity']);
/** Share of members who are authors of what the group passes around, above which it is mutual. */
export const MUTUAL_AUTHOR_SHARE = 0.5;
/**
 * Share of a group's edges that must be interactions for it to count as mutual attention: a
 * retweet carries the original's links and tags, so friends retweeting one another also show a
 * few co_url/co_hashtag_set edges; a link farm or a hashtag campaign is mostly those.
 */
export const MUTUAL_INTERACTION_SHARE = 0.8;

function interactionShare(signals: readonly ClusterSignal[]): number {
  const total = signals.reduce((n, s) => n + s.edges, 0);
  const inter = signals.filter((s) => INTERACTION_SIGNALS.has(s.signal)).reduce((n, s) => n + s.edges, 0);
  return total === 0 ? 0 : inter / total;
}

export interface VerdictResult {
  verdict: Verdict;
  score: number;
  reason: string;
}

/** Decides a cluster's verdict, its score in [0,1] and a one-sentence reason. */
export function decideVerdict(input: VerdictInput): VerdictResult {
  const content = input.signals.filter((s) => !WEAK_SIGNALS.has(s.signal));
  const inauth = input.indicators.filter((i) => !SUPPORTING_INDICATORS.has(i.indicator));
  const nInd = inauth.length;
  const e = input.exclusivity;
  const hasContent = content.length > 0;
  const maxCoShares = Math.max(0, ...content.map((s) => s.co_shares / Math.max(1, s.edges)));

  let verdict: Verdict;
  let why: string;
  const dense = input.density >= MIN_CIB_DENSITY;
  const authentic =
    input.profiledMembers === 0
      ? 'no inauthenticity indicator could be checked (the data has no account profiles)'
      : 'the accounts look authentic';
  const exclusive = e >= MIN_CIB_EXCLUSIVITY;
  // A group that only interacts with its own members' posts, with no sign of inauthenticity,
  // is a circle of friends or a community: coordinated at most. No single trait decides
  // likely_cib, and mutual attention among authentic-looking accounts is not one.
  const mutual =
    nInd === 0 &&
    interactionShare(input.signals) >= MUTUAL_INTERACTION_SHARE &&
    (input.memberAuthors ?? 0) >= MUTUAL_AUTHOR_SHARE * input.members;
  if (mutual && hasContent && input.members >= MIN_CIB_SIZE) {
    verdict = 'coordinated';
    why = `but they pass around one another's own posts (${input.memberAuthors ?? 0} of ${input.members} members are the authors) and ${authentic}, as friends or a community do`;
  } else if (hasContent && input.members >= MIN_CIB_SIZE && dense && e >= MAJORITY_EXCLUSIVITY) {
    verdict = 'likely_cib';
    why = `${pct(input.density)} of member pairs are tied and they make ${pct(e)} of all shares of the content they co-share, content few others spread`;
  } else if (hasContent && input.members >= MIN_CIB_SIZE && dense && exclusive && nInd >= 1) {
    verdict = 'likely_cib';
    why = `${pct(input.density)} of member pairs are tied, they make ${pct(e)} of all shares of what they co-share, and the accounts show signs of inauthenticity`;
  } else if (hasContent && (maxCoShares >= 3 || nInd >= 1 || e >= MIN_CIB_EXCLUSIVITY)) {
    verdict = 'coordinated';
    why =
      input.members < MIN_CIB_SIZE
        ? 'but a pair is not a network'
        : !exclusive
          ? `but what they co-share is popular content (${pct(e)} of its shares are theirs)${nInd === 0 ? ` and ${authentic}` : ''}`
          : !dense
            ? `but only ${pct(input.density)} of member pairs are tied, as in an audience held together by a few hubs`
            : `but others share most of what they co-share (${pct(e)} is theirs) and ${authentic}, as notification-driven fans do`;
  } else {
    verdict = 'not_coordinated';
    why = hasContent
      ? `but only a few popular objects (${pct(e)} of their shares) tie them, as crowds around the same news do`
      : `but they only post at the same times or address the same accounts, without shared content`;
  }

  const score = clamp(
    0.45 * Math.min(1, e / 0.5) * (hasContent ? 1 : 0.3) +
      0.35 * input.density +
      (0.2 * Math.min(nInd, 3)) / 3,
  );
  const sigText = input.signals
    .slice()
    .sort((a, b) => b.edges - a.edges)
    .slice(0, 3)
    .map((s) => `${s.signal} (${s.edges} pair${s.edges === 1 ? '' : 's'})`)
    .join(', ');
  const dt =
    input.medianDeltaMs === null ? '' : ` a median ${formatDelta(input.medianDeltaMs)} apart`;
  const ind = nInd > 0 ? `; indicators: ${inauth.map((i) => i.indicator).join(', ')}` : '';
  const amp = input.amplified > 0 ? `; they amplify ${input.amplified} account(s)` : '';
  const reason = `${input.members} accounts co-share beyond chance by ${sigText}${dt}; ${why}${ind}${amp}.`;
  return { verdict, score: Math.round(score * 1000) / 1000, reason };
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function pct(x: number): string {
  return `${Math.round(100 * x)}%`;
}

/** "4 s", "3 min", "2 h". */
export function formatDelta(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}
