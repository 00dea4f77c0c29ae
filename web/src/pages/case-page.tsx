/** A case: decide per account citing a policy, decide in bulk, appeal, and read its audit entries. */
import { useMemo, useState } from 'react';
import { api } from '../api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { formatTime } from '../format.ts';
import { href } from '../router.ts';
import {
  ACTIONS,
  POLICIES,
  can,
  type CaseEvent,
  type CaseState,
  type Decision,
  type Me,
  type Subject,
} from '../types.ts';
import { useApi } from '../use-api.ts';

const keyOf = (s: Subject): string => `${s.platform ?? ''}\u0000${s.accountId}\u0000${s.surface}`;

function describeEvent(e: CaseEvent): string {
  const after = e.payload['after'] as Partial<Decision> | string | null | undefined;
  const before = e.payload['before'] as Partial<Decision> | string | null | undefined;
  if (e.type === 'case.assigned')
    return `assigned: ${String(before ?? '—')} → ${String(after ?? '—')}`;
  if (after && typeof after === 'object' && after.accountId) {
    const was =
      before && typeof before === 'object' && before.action
        ? `${before.action}/${before.status}`
        : 'none';
    return `${after.accountId} (${after.surface}): ${was} → ${after.action}/${after.status} under ${after.policy}${after.note ? ` — ${after.note}` : ''}`;
  }
  if (e.type === 'case.opened') return `opened: ${String(e.payload['title'] ?? '')}`;
  return '';
}

export function CasePage(props: { caseId: string; me: Me }) {
  const { data, error, reload } = useApi<{ state: CaseState; events: CaseEvent[] }>(
    `/api/cases/${encodeURIComponent(props.caseId)}`,
  );
  const [action, setAction] = useState<string>('suspend');
  const [policy, setPolicy] = useState<string>('coordinated_inauthentic_behaviour');
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const decisions = useMemo(
    () => new Map(data?.state.decisions.map((d) => [keyOf(d), d]) ?? []),
    [data],
  );
  if (error)
    return (
      <main>
        <ErrorNote error={error} />
      </main>
    );
  if (!data)
    return (
      <main>
        <p>Loading case…</p>
      </main>
    );
  const s = data.state;
  const reviewer = can(props.me, 'reviewer');
  const run = async (path: string, body: unknown): Promise<void> => {
    setActionError(null);
    try {
      await api(`/api/cases/${encodeURIComponent(s.caseId)}/${path}`, { method: 'POST', body });
      setPicked(new Set());
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const decide = (subjects: Subject[]): Promise<void> =>
    run('decisions', {
      decisions: subjects.map((x) => ({
        accountId: x.accountId,
        platform: x.platform,
        surface: x.surface,
        action,
        policy,
        note: note || null,
      })),
    });
  const appeal = (x: Subject, outcome: string): Promise<void> =>
    run('appeals', {
      accountId: x.accountId,
      platform: x.platform,
      surface: x.surface,
      outcome,
      note: note || null,
    });
  const toggle = (k: string): void => {
    const next = new Set(picked);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setPicked(next);
  };
  return (
    <main className="case" data-testid="case">
      <h1>
        {s.caseId}: {s.title}
      </h1>
      <p className="muted">
        {s.status} · opened by {s.openedBy} {formatTime(s.openedMs)} · assigned to{' '}
        {s.assignee ?? 'nobody'} · source {s.source.kind}
        {s.source.clusterId ? (
          <>
            {' '}
            (<a href={href('clusters', s.source.clusterId)}>cluster {s.source.clusterId}</a>)
          </>
        ) : null}
      </p>
      {can(props.me, 'analyst') ? (
        <p>
          <button onClick={() => void run('assign', { assignee: props.me.username })}>
            Assign to me
          </button>{' '}
          {reviewer ? (
            <button
              onClick={() =>
                void run('status', { status: s.status === 'open' ? 'closed' : 'open' })
              }
            >
              {s.status === 'open' ? 'Close case' : 'Reopen case'}
            </button>
          ) : null}
        </p>
      ) : null}
      <ErrorNote error={actionError} />
      {reviewer ? (
        <div className="toolbar decide" data-testid="decide-toolbar">
          Action{' '}
          <select value={action} onChange={(e) => setAction(e.target.value)} aria-label="Action">
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>{' '}
          Policy{' '}
          <select value={policy} onChange={(e) => setPolicy(e.target.value)} aria-label="Policy">
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>{' '}
          <input
            placeholder="note (optional)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-label="Note"
            maxLength={2000}
          />{' '}
          <button
            disabled={picked.size === 0}
            onClick={() => void decide(s.subjects.filter((x) => picked.has(keyOf(x))))}
            data-testid="bulk-decide"
          >
            Decide {picked.size} selected
          </button>{' '}
          <button onClick={() => setPicked(new Set(s.subjects.map(keyOf)))}>Select all</button>
        </div>
      ) : null}
      <table data-testid="subjects">
        <thead>
          <tr>
            <th />
            <th>Account</th>
            <th>Surface</th>
            <th>Decision</th>
            <th>Status</th>
            <th>By</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.subjects.map((x) => {
            const k = keyOf(x);
            const d = decisions.get(k);
            return (
              <tr key={k} data-testid={`subject-${x.accountId}`}>
                <td>
                  <input
                    type="checkbox"
                    checked={picked.has(k)}
                    onChange={() => toggle(k)}
                    aria-label={`select ${x.accountId}`}
                  />
                </td>
                <td>
                  <a href={href('accounts', x.accountId)}>{x.accountId}</a>
                </td>
                <td>{x.surface}</td>
                <td>{d ? `${d.action} (${d.policy})` : '—'}</td>
                <td>{d?.status ?? '—'}</td>
                <td>{d ? `${d.decidedBy} ${formatTime(d.decidedMs)}` : ''}</td>
                <td>
                  {reviewer ? (
                    <button onClick={() => void decide([x])} data-testid="decide-one">
                      Decide
                    </button>
                  ) : null}{' '}
                  {reviewer && d && (d.status === 'decided' || d.status === 'upheld') ? (
                    <button onClick={() => void appeal(x, 'reopen')}>Appeal</button>
                  ) : null}
                  {reviewer && d?.status === 'appealed' ? (
                    <>
                      <button onClick={() => void appeal(x, 'uphold')}>Uphold</button>{' '}
                      <button onClick={() => void appeal(x, 'overturn')}>Overturn</button>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Audit entries</h2>
      <table className="audit" data-testid="audit">
        <thead>
          <tr>
            <th>Seq</th>
            <th>Time</th>
            <th>Actor</th>
            <th>Event</th>
            <th>What</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {[...data.events].reverse().map((e) => (
            <tr key={e.seq} data-testid="audit-entry">
              <td>{e.seq}</td>
              <td>{formatTime(e.timeMs)}</td>
              <td>{e.actor}</td>
              <td className="event-type">{e.type}</td>
              <td>{describeEvent(e)}</td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
