/**
 * Verdict, score and reason of a cluster. Coordination is already established by the edges
 * (each passed the chance test); the verdict weighs what kind of coordination it is:
 *  - exclusivity: of the content the members co-share, how much of its sharing they do
 *    themselves (member-weighted mean over objects of member shares / all shares). A ring pushing
 *    its personas' posts makes nearly all their shares (≈ 1); fans of a celebrity or a breaking-
 *    news crowd make a sliver of the shares of what they share (≈ 0). "Tight, repeated co-sharing
 *    of content almost nobody else shares" is exclusivity ≥ 0.5: the members are the majority of
 *    that content's audience.
 *  - inauthenticity indicators (account-indicators.ts), each a lift test against all accounts.
 * No single sign decides: likely_cib needs content coordination among ≥ 3 accounts and either
 * majority exclusivity or, with at least two inauthenticity indicators, exclusivity ≥ 0.2 (an
 * operation that mixes its own content with popular posts). Aged accounts pass on exclusivity
 * alone; a sign-up wave without exclusive co-sharing does not pass. Fast fans (popular content,
 * authentic accounts) stay `coordinated` at most; pairs stay `coordinated` (a takedown proposal
 * is about a network, and a pair goes to a reviewer).
 */
import type { Signal, Verdict } from '../model/index.ts';
import type { ClusterIndicator, ClusterSignal } from './findings-types.ts';

/** Signals that only say "active at the same time" or "talk to the same people", not shared content. */
const WEAK_SIGNALS: ReadonlySet<Signal> = new Set(['sync_activity', 'mention_target', 'co_domain']);
const SUPPORTING_INDICATORS = new Set(['policy_violations', 'known_image']);

export const LIKELY_CIB_EXCLUSIVITY = 0.5;
export const MIXED_EXCLUSIVITY = 0.2;
export const MIN_CIB_SIZE = 3;

export interface VerdictInput {
  members: number;
  amplified: number;
  signals: readonly ClusterSignal[];
  indicators: readonly ClusterIndicator[];
  exclusivity: number;
  density: number;
  medianDeltaMs: number | null;
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
  if (hasContent && input.members >= MIN_CIB_SIZE && e >= LIKELY_CIB_EXCLUSIVITY) {
    verdict = 'likely_cib';
    why = `they make ${pct(e)} of all shares of the content they co-share, content almost nobody else spreads`;
  } else if (hasContent && input.members >= MIN_CIB_SIZE && e >= MIXED_EXCLUSIVITY && nInd >= 2) {
    verdict = 'likely_cib';
    why = `they make ${pct(e)} of the shares of what they co-share and show ${nInd} inauthenticity indicators`;
  } else if (hasContent && (maxCoShares >= 3 || nInd >= 1 || e >= MIXED_EXCLUSIVITY)) {
    verdict = 'coordinated';
    why =
      e < MIXED_EXCLUSIVITY
        ? `but what they co-share is popular content (${pct(e)} of its shares are theirs)${nInd === 0 ? ' and the accounts look authentic' : ''}`
        : input.members < MIN_CIB_SIZE
          ? `but a pair is not a network`
          : `but with ${pct(e)} exclusivity and ${nInd} indicator(s) the inauthenticity is not established`;
  } else {
    verdict = 'not_coordinated';
    why = hasContent
      ? `but only a few popular objects (${pct(e)} of their shares) tie them, as crowds around the same news do`
      : `but they only post at the same times or address the same accounts, without shared content`;
  }

  const score = clamp(0.6 * e + 0.25 * Math.min(nInd, 3) / 3 + 0.15 * input.density * (hasContent ? 1 : 0.3));
  const sigText = input.signals
    .slice()
    .sort((a, b) => b.edges - a.edges)
    .slice(0, 3)
    .map((s) => `${s.signal} (${s.edges} pairs)`)
    .join(', ');
  const dt = input.medianDeltaMs === null ? '' : ` a median ${formatDelta(input.medianDeltaMs)} apart`;
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
