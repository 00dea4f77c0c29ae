import { ErrorNote } from '../components/error-note.tsx';
import { formatDate } from '../format.ts';
import { href } from '../router.ts';
import type { ClusterSummary } from '../types.ts';
import { useApi } from '../use-api.ts';

export function ClustersPage() {
  const { data, error } = useApi<{ runId: string | null; total: number; items: ClusterSummary[] }>(
    '/api/clusters?limit=200',
  );
  return (
    <main>
      <h1>Clusters</h1>
      <ErrorNote error={error} />
      {data && data.runId === null ? (
        <p>
          No findings yet: run <code>takedown detect</code>.
        </p>
      ) : null}
      {data ? (
        <table className="clusters" data-testid="clusters">
          <thead>
            <tr>
              <th>#</th>
              <th>Cluster</th>
              <th>Verdict</th>
              <th>Score</th>
              <th>Accounts</th>
              <th>Edges</th>
              <th>Signals</th>
              <th>Indicators</th>
              <th>Active</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c, i) => (
              <tr key={c.clusterId}>
                <td>{i + 1}</td>
                <td>
                  <a href={href('clusters', c.clusterId)} data-testid="cluster-link">
                    {c.clusterId}
                  </a>
                  <div className="muted reason">{c.reason}</div>
                </td>
                <td>
                  <span className={`verdict ${c.verdict}`}>{c.verdict}</span>
                </td>
                <td>{c.score.toFixed(2)}</td>
                <td>{c.accounts}</td>
                <td>{c.edges}</td>
                <td>
                  {c.signals.map((s) => (
                    <span key={s} className="tag">
                      {s}
                    </span>
                  ))}
                </td>
                <td>
                  {c.indicators.map((s) => (
                    <span key={s} className="tag">
                      {s}
                    </span>
                  ))}
                </td>
                <td className="muted">
                  {formatDate(c.firstMs)} – {formatDate(c.lastMs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
