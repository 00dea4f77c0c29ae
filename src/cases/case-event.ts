/**
 * The events of a case. Every change to a case is one of these, appended to `case_events`;
 * names are past tense. A decision is keyed by (platform, account, surface): the same account
 * can be suspended as an account and its page removed.
 */
import type { Surface } from '../model/index.ts';

/** Enforcement actions a reviewer can take on one account surface. */
export const ACTIONS = ['remove', 'suspend', 'label_state_affiliated', 'no_action'] as const;
export type Action = (typeof ACTIONS)[number];

/** Policies a decision cites (the platform rule that was broken, or `none` for no action). */
export const POLICIES = [
  'coordinated_inauthentic_behaviour',
  'dangerous_organisations_and_individuals',
  'state_media_transparency',
  'impersonation',
  'spam',
  'none',
] as const;
export type Policy = (typeof POLICIES)[number];

/** Event type of each action: `account.suspended`, `account.removed`, … */
export const ACTION_EVENT: Readonly<Record<Action, string>> = {
  remove: 'account.removed',
  suspend: 'account.suspended',
  label_state_affiliated: 'account.labelled_state_affiliated',
  no_action: 'account.cleared',
};

export const DECISION_STATUSES = ['decided', 'appealed', 'upheld', 'overturned'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const CASE_SOURCES = ['cluster', 'seeds', 'policy_hits'] as const;
export type CaseSourceKind = (typeof CASE_SOURCES)[number];

/** One account surface under a case. */
export interface CaseSubject {
  platform: string | null;
  accountId: string;
  surface: Surface;
}

/** The current decision on one subject. */
export interface Decision extends CaseSubject {
  action: Action;
  policy: Policy;
  status: DecisionStatus;
  note: string | null;
  decidedBy: string;
  decidedMs: number;
}

export interface CaseSource {
  kind: CaseSourceKind;
  runId?: string | null;
  clusterId?: string | null;
  postIds?: string[];
  seedSet?: string;
}

/** An event as stored: `seq` orders the log, `hash` chains it. */
export interface CaseEvent {
  seq: number;
  eventId: string;
  caseId: string | null;
  type: string;
  actor: string;
  timeMs: number;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Key of a decision: platform, account and surface. */
export function subjectKey(s: CaseSubject): string {
  return `${s.platform ?? ''}\u0000${s.accountId}\u0000${s.surface}`;
}
