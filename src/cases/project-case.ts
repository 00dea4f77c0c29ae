/**
 * The current state of a case as a pure function of its events (Ozone's model without its wall
 * clock): no I/O, no Date.now(); times come from the events. Replaying the log therefore always
 * gives the same state, and `decisions` is only a materialised copy of `projectDecisions`.
 */
import type { CaseEvent, CaseSource, CaseSubject, Decision } from './case-event.ts';
import { subjectKey } from './case-event.ts';

export type CaseStatus = 'open' | 'closed';

export interface CaseState {
  caseId: string;
  title: string;
  status: CaseStatus;
  source: CaseSource;
  openedBy: string;
  openedMs: number;
  assignee: string | null;
  subjects: CaseSubject[];
  decisions: Decision[];
  updatedMs: number;
  eventCount: number;
  lastSeq: number;
}

/** Applies one event to a state (undefined before `case.opened`). Unknown events only count. */
export function applyCaseEvent(
  state: CaseState | undefined,
  event: CaseEvent,
): CaseState | undefined {
  const p = event.payload;
  if (event.type === 'case.opened') {
    return {
      caseId: event.caseId ?? '',
      title: String(p['title'] ?? ''),
      status: 'open',
      source: (p['source'] as CaseSource | undefined) ?? { kind: 'seeds' },
      openedBy: event.actor,
      openedMs: event.timeMs,
      assignee: null,
      subjects: [...((p['subjects'] as CaseSubject[] | undefined) ?? [])],
      decisions: [],
      updatedMs: event.timeMs,
      eventCount: 1,
      lastSeq: event.seq,
    };
  }
  if (state === undefined) return undefined;
  const next: CaseState = {
    ...state,
    updatedMs: event.timeMs,
    eventCount: state.eventCount + 1,
    lastSeq: event.seq,
  };
  switch (event.type) {
    case 'case.assigned':
      next.assignee = (p['after'] as string | null | undefined) ?? null;
      break;
    case 'case.closed':
      next.status = 'closed';
      break;
    case 'case.reopened':
      next.status = 'open';
      break;
    default: {
      const after = p['after'] as Decision | undefined;
      if (
        (event.type.startsWith('account.') || event.type.startsWith('decision.')) &&
        after &&
        after.accountId
      ) {
        const key = subjectKey(after);
        next.decisions = [...state.decisions.filter((d) => subjectKey(d) !== key), after].sort(
          compareSubjects,
        );
      }
    }
  }
  return next;
}

/** The state of one case from its events (in seq order); undefined if it was never opened. */
export function projectCase(events: readonly CaseEvent[]): CaseState | undefined {
  let state: CaseState | undefined;
  for (const e of events) state = applyCaseEvent(state, e);
  return state;
}

/** Every case's state from the whole log, by case id. */
export function projectCases(events: readonly CaseEvent[]): Map<string, CaseState> {
  const states = new Map<string, CaseState>();
  for (const e of events) {
    if (e.caseId === null) continue;
    const s = applyCaseEvent(states.get(e.caseId), e);
    if (s) states.set(e.caseId, s);
  }
  return states;
}

/** The rows of the `decisions` table that the log implies, sorted. */
export function projectDecisions(events: readonly CaseEvent[]): (Decision & { caseId: string })[] {
  const rows: (Decision & { caseId: string })[] = [];
  for (const [caseId, s] of projectCases(events))
    for (const d of s.decisions) rows.push({ caseId, ...d });
  return rows.sort((a, b) =>
    a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : compareSubjects(a, b),
  );
}

function compareSubjects(a: CaseSubject, b: CaseSubject): number {
  const ka = subjectKey(a);
  const kb = subjectKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
