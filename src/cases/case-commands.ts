/**
 * What a user can do to a case. Each command reads the case's events, checks the change against
 * the projected state, and appends its events and updates the `decisions` projection in one
 * transaction. The clock is injected (`now`) so tests and replays are deterministic.
 */
import {
  TakedownError,
  SURFACES,
  notFoundError,
  usageError,
  type Surface,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { appendCaseEvents, readCaseEvents, type NewCaseEvent } from './audit-log.ts';
import {
  ACTIONS,
  ACTION_EVENT,
  POLICIES,
  subjectKey,
  type Action,
  type CaseEvent,
  type CaseSource,
  type CaseSubject,
  type Decision,
  type Policy,
} from './case-event.ts';
import { applyCaseEvent, projectCase, type CaseState } from './project-case.ts';
import { serialiseWrites } from './write-lock.ts';

export interface CommandContext {
  store: Store;
  actor: string;
  /** Clock; Date.now by default. */
  now?: () => number;
}

const MAX_SUBJECTS = 50_000;
const MAX_TEXT = 2_000;

function conflict(title: string, detail?: string): TakedownError {
  return new TakedownError({
    code: 'case_conflict',
    title,
    status: 409,
    ...(detail ? { detail } : {}),
  });
}

function clip(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s.slice(0, MAX_TEXT);
}

export type OpenCaseInput =
  | { kind: 'cluster'; clusterId: string; title?: string }
  | {
      kind: 'seeds';
      accounts: { accountId: string; platform?: string | null; surface?: Surface }[];
      title?: string;
    }
  | { kind: 'seed_set'; seedSet: string; title?: string }
  | { kind: 'policy_hits'; postIds: string[]; title?: string };

/** Opens a case on a cluster (latest detect run), a seed list, or the authors of policy hits. */
export async function openCase(ctx: CommandContext, input: OpenCaseInput): Promise<CaseState> {
  const { store } = ctx;
  return serialiseWrites(store, async () => {
    let subjects: CaseSubject[];
    let source: CaseSource;
    let title = input.title;
    if (input.kind === 'cluster') {
      const run = await store.one<{ run_id: string }>(
        'SELECT run_id FROM detect_runs ORDER BY created_ms DESC LIMIT 1',
      );
      if (!run) throw notFoundError('There are no findings yet: run takedown detect first');
      const cluster = await store.one<{ cluster_id: string; verdict: string }>(
        'SELECT cluster_id, verdict FROM clusters WHERE run_id = $1 AND cluster_id = $2',
        [run.run_id, input.clusterId],
      );
      if (!cluster)
        throw notFoundError(`There is no cluster ${input.clusterId} in the latest detect run`);
      const rows = await store.all<{
        platform: string | null;
        account_id: string;
        surface: string | null;
      }>(
        `SELECT ca.platform, ca.account_id, any_value(a.surface) AS surface
           FROM cluster_accounts ca LEFT JOIN accounts a ON a.account_id = ca.account_id AND (ca.platform IS NULL OR a.platform = ca.platform)
          WHERE ca.run_id = $1 AND ca.cluster_id = $2
          GROUP BY ca.platform, ca.account_id ORDER BY ca.account_id`,
        [run.run_id, input.clusterId],
      );
      subjects = rows.map((r) => ({
        platform: r.platform,
        accountId: r.account_id,
        surface: toSurface(r.surface),
      }));
      source = { kind: 'cluster', runId: run.run_id, clusterId: input.clusterId };
      title ??= `Cluster ${input.clusterId} (${cluster.verdict})`;
    } else if (input.kind === 'seeds' || input.kind === 'seed_set') {
      let accounts: { accountId: string; platform?: string | null; surface?: Surface }[];
      if (input.kind === 'seed_set') {
        // Tip-off seeds ingested from a STIX bundle (table seeds, when ingest has made it).
        const has = await store.one(
          "SELECT 1 AS x FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'seeds'",
        );
        const rows = has
          ? await store.all<{ platform: string; account_id: string }>(
              'SELECT DISTINCT platform, account_id FROM seeds WHERE seed_set = $1 ORDER BY account_id',
              [input.seedSet],
            )
          : [];
        if (rows.length === 0)
          throw notFoundError(
            `There is no seed set ${input.seedSet}: ingest the tip-off bundle first`,
          );
        accounts = rows.map((r) => ({ accountId: r.account_id, platform: r.platform }));
      } else {
        accounts = input.accounts;
      }
      subjects = [];
      for (const a of accounts) {
        const known = await store.one<{ platform: string; surface: string }>(
          'SELECT platform, surface FROM accounts WHERE account_id = $1 AND ($2::VARCHAR IS NULL OR platform = $2) LIMIT 1',
          [a.accountId, a.platform ?? null],
        );
        subjects.push({
          platform: a.platform ?? known?.platform ?? null,
          accountId: a.accountId,
          surface: a.surface ?? toSurface(known?.surface),
        });
      }
      source =
        input.kind === 'seed_set' ? { kind: 'seeds', seedSet: input.seedSet } : { kind: 'seeds' };
      title ??= `Seed list of ${subjects.length} account${subjects.length === 1 ? '' : 's'}`;
    } else {
      const postIds = [...new Set(input.postIds)];
      const rows = postIds.length
        ? await store.all<{ platform: string | null; account_id: string; surface: string | null }>(
            `SELECT p.platform, p.account_id, any_value(a.surface) AS surface
               FROM posts p LEFT JOIN accounts a ON a.account_id = p.account_id AND a.platform = p.platform
              WHERE p.post_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))
              GROUP BY p.platform, p.account_id ORDER BY p.account_id`,
            [listParam(postIds)],
          )
        : [];
      subjects = rows.map((r) => ({
        platform: r.platform,
        accountId: r.account_id,
        surface: toSurface(r.surface),
      }));
      source = { kind: 'policy_hits', postIds };
      title ??= `Policy hits: ${postIds.length} post${postIds.length === 1 ? '' : 's'}`;
    }
    subjects = dedupe(subjects);
    if (subjects.length === 0)
      throw usageError('A case needs at least one account: none was found for this source');
    if (subjects.length > MAX_SUBJECTS)
      throw usageError(`A case holds at most ${MAX_SUBJECTS} accounts`);
    return store.transaction(async (tx) => {
      const n = await tx.one<{ n: number }>(
        "SELECT count(*) AS n FROM case_events WHERE type = 'case.opened'",
      );
      const caseId = `case-${String((n?.n ?? 0) + 1).padStart(4, '0')}`;
      const [event] = await appendCaseEvents(tx, [
        {
          caseId,
          type: 'case.opened',
          actor: ctx.actor,
          timeMs: (ctx.now ?? Date.now)(),
          payload: {
            title: clip(title),
            source,
            subjects,
            before: null,
            after: { status: 'open' },
          },
        },
      ]);
      return applyCaseEvent(undefined, event as CaseEvent) as CaseState;
    });
  });
}

/** The case and its events; 404 when there is no such case. */
export async function readCase(
  store: Store,
  caseId: string,
): Promise<{ state: CaseState; events: CaseEvent[] }> {
  const events = await readCaseEvents(store, { caseId });
  const state = projectCase(events);
  if (!state) throw notFoundError(`There is no case ${caseId}`);
  return { state, events };
}

/** Every case, newest first (projected from the log). */
export async function listCases(store: Store): Promise<CaseState[]> {
  const ids = await store.all<{ case_id: string }>(
    "SELECT case_id FROM case_events WHERE type = 'case.opened' ORDER BY seq DESC",
  );
  const out: CaseState[] = [];
  for (const { case_id } of ids) {
    const s = projectCase(await readCaseEvents(store, { caseId: case_id }));
    if (s) out.push(s);
  }
  return out;
}

/** Runs a change: reads the case, lets `plan` produce events, appends them and updates decisions. */
async function change(
  ctx: CommandContext,
  caseId: string,
  plan: (state: CaseState, timeMs: number) => NewCaseEvent[],
): Promise<CaseState> {
  const { store } = ctx;
  return serialiseWrites(store, () =>
    store.transaction(async (tx) => {
      const events = await readCaseEvents(tx, { caseId });
      const state = projectCase(events);
      if (!state) throw notFoundError(`There is no case ${caseId}`);
      const planned = plan(state, (ctx.now ?? Date.now)());
      const written = await appendCaseEvents(tx, planned);
      let next: CaseState | undefined = state;
      for (const e of written) next = applyCaseEvent(next, e);
      const after = next as CaseState;
      // Materialise only the decisions these events touched (the projection stays the source of truth).
      const touched = new Set(
        written
          .map((e) => e.payload['after'] as Decision | undefined)
          .filter((d): d is Decision => !!d && !!d.accountId)
          .map(subjectKey),
      );
      for (const d of after.decisions) {
        if (!touched.has(subjectKey(d))) continue;
        await tx.run(
          "DELETE FROM decisions WHERE case_id = $1 AND account_id = $2 AND surface = $3 AND coalesce(platform, '') = $4",
          [caseId, d.accountId, d.surface, d.platform ?? ''],
        );
        await tx.run(
          'INSERT INTO decisions (case_id, platform, account_id, surface, action, policy, status, decided_by, decided_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            caseId,
            d.platform,
            d.accountId,
            d.surface,
            d.action,
            d.policy,
            d.status,
            d.decidedBy,
            d.decidedMs,
          ],
        );
      }
      return after;
    }),
  );
}

/** Assigns the case to a user (null to unassign). */
export async function assignCase(
  ctx: CommandContext,
  caseId: string,
  assignee: string | null,
): Promise<CaseState> {
  return change(ctx, caseId, (state, timeMs) => {
    if (state.assignee === assignee) return [];
    return [
      {
        caseId,
        type: 'case.assigned',
        actor: ctx.actor,
        timeMs,
        payload: { before: state.assignee, after: assignee },
      },
    ];
  });
}

export interface DecisionInput {
  accountId: string;
  platform?: string | null;
  surface?: Surface;
  action: Action;
  policy: Policy;
  note?: string | null;
}

/** Decides on one or many subjects of the case (a bulk decision is one transaction). */
export async function decideAccounts(
  ctx: CommandContext,
  caseId: string,
  inputs: readonly DecisionInput[],
): Promise<CaseState> {
  if (inputs.length === 0) throw usageError('Give at least one decision');
  return change(ctx, caseId, (state, timeMs) => {
    if (state.status === 'closed') throw conflict(`Case ${caseId} is closed: reopen it to decide`);
    const current = new Map(state.decisions.map((d) => [subjectKey(d), d]));
    const events: NewCaseEvent[] = [];
    for (const input of inputs) {
      if (!(ACTIONS as readonly string[]).includes(input.action))
        throw usageError(`Unknown action ${input.action}`, `Use one of ${ACTIONS.join(', ')}`);
      if (!(POLICIES as readonly string[]).includes(input.policy))
        throw usageError(`Unknown policy ${input.policy}`, `Use one of ${POLICIES.join(', ')}`);
      if (input.action !== 'no_action' && input.policy === 'none')
        throw usageError(`Cite the policy that ${input.accountId} broke to ${input.action} it`);
      const subject = findSubject(state, input);
      const key = subjectKey(subject);
      const before = current.get(key) ?? null;
      if (before?.status === 'appealed')
        throw conflict(
          `The decision on ${input.accountId} is under appeal: uphold or overturn it first`,
        );
      const after: Decision = {
        ...subject,
        action: input.action,
        policy: input.policy,
        status: 'decided',
        note: clip(input.note),
        decidedBy: ctx.actor,
        decidedMs: timeMs,
      };
      current.set(key, after);
      events.push({
        caseId,
        type: ACTION_EVENT[input.action],
        actor: ctx.actor,
        timeMs,
        payload: { subject, bulk: inputs.length > 1, before, after },
      });
    }
    return events;
  });
}

export const APPEAL_OUTCOMES = ['reopen', 'uphold', 'overturn'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Appeals: `reopen` puts a decision under appeal; `uphold` or `overturn` settles it. */
export async function appealDecision(
  ctx: CommandContext,
  caseId: string,
  input: {
    accountId: string;
    platform?: string | null;
    surface?: Surface;
    outcome: AppealOutcome;
    note?: string | null;
  },
): Promise<CaseState> {
  return change(ctx, caseId, (state, timeMs) => {
    const subject = findSubject(state, input);
    const before = state.decisions.find((d) => subjectKey(d) === subjectKey(subject));
    if (!before) throw conflict(`There is no decision on ${input.accountId} to appeal`);
    let type: string;
    let status: Decision['status'];
    if (input.outcome === 'reopen') {
      if (before.status === 'appealed')
        throw conflict(`The decision on ${input.accountId} is already under appeal`);
      if (before.status === 'overturned')
        throw conflict(`The decision on ${input.accountId} was overturned: decide again instead`);
      type = 'decision.appealed';
      status = 'appealed';
    } else {
      if (before.status !== 'appealed')
        throw conflict(`The decision on ${input.accountId} is not under appeal: reopen it first`);
      type = input.outcome === 'uphold' ? 'decision.upheld' : 'decision.overturned';
      status = input.outcome === 'uphold' ? 'upheld' : 'overturned';
    }
    const after: Decision = { ...before, status, note: clip(input.note) ?? before.note };
    return [{ caseId, type, actor: ctx.actor, timeMs, payload: { subject, before, after } }];
  });
}

/** Closes or reopens a case. */
export async function setCaseStatus(
  ctx: CommandContext,
  caseId: string,
  status: 'open' | 'closed',
): Promise<CaseState> {
  return change(ctx, caseId, (state, timeMs) => {
    if (state.status === status) return [];
    return [
      {
        caseId,
        type: status === 'closed' ? 'case.closed' : 'case.reopened',
        actor: ctx.actor,
        timeMs,
        payload: { before: { status: state.status }, after: { status } },
      },
    ];
  });
}

function findSubject(
  state: CaseState,
  input: { accountId: string; platform?: string | null; surface?: Surface },
): CaseSubject {
  const candidates = state.subjects.filter(
    (s) =>
      s.accountId === input.accountId && (input.platform == null || s.platform === input.platform),
  );
  if (candidates.length === 0)
    throw notFoundError(`Account ${input.accountId} is not part of case ${state.caseId}`);
  const first = candidates[0] as CaseSubject;
  if (input.surface === undefined) return first;
  // The same account may be acted on as another surface (its page, its channel).
  return (
    candidates.find((s) => s.surface === input.surface) ?? { ...first, surface: input.surface }
  );
}

function toSurface(s: string | null | undefined): Surface {
  return (SURFACES as readonly string[]).includes(s ?? '') ? (s as Surface) : 'account';
}

function dedupe(subjects: CaseSubject[]): CaseSubject[] {
  const seen = new Map<string, CaseSubject>();
  for (const s of subjects) seen.set(subjectKey(s), s);
  return [...seen.values()];
}

/** A list parameter as JSON text, unpacked in SQL by from_json (values bound, never spliced into SQL). */
function listParam(values: string[]): string {
  return JSON.stringify(values);
}
