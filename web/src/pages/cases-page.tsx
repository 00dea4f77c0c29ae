import { ErrorNote } from '../components/error-note.tsx';
import { formatTime } from '../format.ts';
import { href } from '../router.ts';
import type { CaseState } from '../types.ts';
import { useApi } from '../use-api.ts';

export function CasesPage() {
  const { data, error } = useApi<{ items: CaseState[] }>('/api/cases');
  return (
    <main>
      <h1>Cases</h1>
      <ErrorNote error={error} />
      {data?.items.length === 0 ? (
        <p>No case yet: open one from a cluster or the review queue.</p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Case</th>
            <th>Title</th>
            <th>Status</th>
            <th>Assignee</th>
            <th>Accounts</th>
            <th>Decisions</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((c) => (
            <tr key={c.caseId}>
              <td>
                <a href={href('cases', c.caseId)}>{c.caseId}</a>
              </td>
              <td>{c.title}</td>
              <td>{c.status}</td>
              <td>{c.assignee ?? '—'}</td>
              <td>{c.subjects.length}</td>
              <td>{c.decisions.length}</td>
              <td>{formatTime(c.updatedMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
