/** The whole audit log, newest last page first, and a check of its hash chain (reviewers). */
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { formatTime } from '../format.ts';
import { href } from '../router.ts';
import { can, type CaseEvent, type Me } from '../types.ts';
import { useApi } from '../use-api.ts';

interface Verification {
  ok: boolean;
  events: number;
  head: string;
  firstBadSeq: number | null;
  problem: string | null;
}

export function AuditPage(props: { me: Me }) {
  const [offset, setOffset] = useState(0);
  const { data, error } = useApi<{ items: CaseEvent[] }>(`/api/audit?limit=100&offset=${offset}`);
  const [check, setCheck] = useState<Verification | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const verify = async (): Promise<void> => {
    setCheckError(null);
    try {
      setCheck(await api<Verification>('/api/audit/verify'));
    } catch (e) {
      setCheckError(e);
    }
  };
  return (
    <main>
      <h1>Audit log</h1>
      {can(props.me, 'reviewer') ? (
        <button onClick={() => void verify()} data-testid="verify-audit">
          Verify the hash chain
        </button>
      ) : null}
      <ErrorNote error={error ?? checkError} />
      {check ? (
        <p className={check.ok ? '' : 'error'} data-testid="audit-verification">
          {check.ok
            ? `Intact: ${check.events} events, head ${check.head.slice(0, 16)}…`
            : `Broken: ${check.problem ?? ''}`}
        </p>
      ) : null}
      <table className="audit">
        <thead>
          <tr>
            <th>Seq</th>
            <th>Time</th>
            <th>Case</th>
            <th>Actor</th>
            <th>Event</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatTime(e.timeMs)}</td>
              <td>{e.caseId ? <a href={href('cases', e.caseId)}>{e.caseId}</a> : '—'}</td>
              <td>{e.actor}</td>
              <td>{e.type}</td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 100))}>
          Previous
        </button>{' '}
        <button disabled={(data?.items.length ?? 0) < 100} onClick={() => setOffset(offset + 100)}>
          Next
        </button>
      </p>
    </main>
  );
}
