import { useMemo, useState } from 'react';
import { api } from '../api.ts';
import { EdgeEvidence } from '../components/edge-evidence.tsx';
import { ErrorNote } from '../components/error-note.tsx';
import { Histogram } from '../components/histogram.tsx';
import { NetworkGraph } from '../components/network-graph.tsx';
import { buildRenderedGraph, pairKey, type ColourBy } from '../graph/build-graph.ts';
import { indicatorColour, signalColour } from '../graph/palette.ts';
import { href, navigate } from '../router.ts';
import { can, type CaseState, type ClusterDetail, type Me } from '../types.ts';
import { useApi } from '../use-api.ts';

export function ClusterPage(props: { clusterId: string; me: Me }) {
  const { data, error } = useApi<ClusterDetail>(
    `/api/clusters/${encodeURIComponent(props.clusterId)}`,
  );
  const [colourBy, setColourBy] = useState<ColourBy>('signal');
  const [selected, setSelected] = useState<string[] | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const graph = useMemo(() => (data ? buildRenderedGraph(data, colourBy) : null), [data, colourBy]);
  const names = useMemo(
    () => new Map(data?.nodes.map((n) => [n.accountId, n.displayName ?? n.accountId]) ?? []),
    [data],
  );
  const openCase = async (): Promise<void> => {
    try {
      const c = await api<CaseState>('/api/cases', {
        method: 'POST',
        body: { source: 'cluster', clusterId: props.clusterId },
      });
      navigate('cases', c.caseId);
    } catch (e) {
      setActionError(e);
    }
  };
  if (error)
    return (
      <main>
        <ErrorNote error={error} />
      </main>
    );
  if (!data || !graph)
    return (
      <main>
        <p>Loading cluster…</p>
      </main>
    );
  const legend =
    colourBy === 'signal'
      ? [...new Set(data.edges.map((e) => e.signal))]
      : [...new Set(data.nodes.flatMap((n) => n.indicators.slice(0, 1)))];
  return (
    <main className="cluster">
      <h1>
        Cluster {data.cluster.clusterId}{' '}
        <span className={`verdict ${data.cluster.verdict}`}>{data.cluster.verdict}</span>{' '}
        <span className="muted">score {data.cluster.score.toFixed(2)}</span>
      </h1>
      <p>{data.cluster.reason}</p>
      <p>
        {data.cluster.signals.map((s) => (
          <span key={s} className="tag">
            {s}
          </span>
        ))}
        {data.cluster.indicators.map((s) => (
          <span key={s} className="tag indicator">
            {s}
          </span>
        ))}
      </p>
      {can(props.me, 'analyst') ? (
        <button onClick={() => void openCase()} data-testid="open-case">
          Open a case on these {data.nodes.length} accounts
        </button>
      ) : null}
      <ErrorNote error={actionError} />
      <div className="toolbar">
        Colour by{' '}
        <select
          value={colourBy}
          onChange={(e) => setColourBy(e.target.value as ColourBy)}
          aria-label="Colour by"
        >
          <option value="signal">signal</option>
          <option value="indicator">indicator</option>
        </select>
        <span className="legend">
          {legend.map((l) => (
            <span key={l} className="legend-item">
              <span
                className={`swatch`}
                ref={(el) => {
                  if (el)
                    el.style.background =
                      colourBy === 'signal' ? signalColour(l) : indicatorColour(l);
                }}
              />
              {l}
            </span>
          ))}
        </span>
        <span className="muted">
          {' '}
          · size = posts · click an edge for its evidence, a node for the account
        </span>
        {data.edgesTruncated ? (
          <span className="muted"> · strongest {data.edges.length} edges shown</span>
        ) : null}
      </div>
      <div className="graph-and-panel">
        <NetworkGraph
          graph={graph}
          onEdgeClick={(_, attr) => setSelected(attr.keys)}
          onNodeClick={(n) => navigate('accounts', n)}
        />
        {selected ? <EdgeEvidence edgeKeys={selected} onClose={() => setSelected(null)} /> : null}
      </div>
      <div className="charts">
        <Histogram data={data.timeline} label="Activity timeline (posts)" testId="timeline" />
        <Histogram data={data.creation} label="Account creation" testId="creation" />
      </div>
      <h2>Accounts</h2>
      <table data-testid="cluster-accounts">
        <thead>
          <tr>
            <th>Account</th>
            <th>Name</th>
            <th>Surface</th>
            <th>Posts</th>
            <th>Policy hits</th>
            <th>Indicators</th>
          </tr>
        </thead>
        <tbody>
          {data.nodes.slice(0, 500).map((n) => (
            <tr key={n.accountId}>
              <td>
                <a href={href('accounts', n.accountId)}>{n.accountId}</a>
              </td>
              <td className="display-name">{n.displayName ?? ''}</td>
              <td>{n.surface}</td>
              <td>{n.posts}</td>
              <td>{n.policyHits}</td>
              <td>
                {n.indicators.map((i) => (
                  <span key={i} className="tag">
                    {i}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Strongest links</h2>
      <table data-testid="cluster-edges">
        <thead>
          <tr>
            <th>Accounts</th>
            <th>Signal</th>
            <th>Weight</th>
            <th>q</th>
            <th>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {data.edges.slice(0, 100).map((e) => (
            <tr key={e.key}>
              <td>
                {names.get(e.a)} — {names.get(e.b)}
              </td>
              <td>{e.signal}</td>
              <td>{e.weight.toFixed(2)}</td>
              <td>{e.qValue === null ? '—' : e.qValue.toExponential(1)}</td>
              <td>
                <button
                  className="link"
                  onClick={() =>
                    setSelected(
                      graph.hasEdge(pairKey(e.a, e.b))
                        ? graph.getEdgeAttribute(pairKey(e.a, e.b), 'keys')
                        : [e.key],
                    )
                  }
                >
                  {e.evidenceCount} posts
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
