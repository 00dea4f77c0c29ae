/** Why two accounts are linked: for each signal, the pairs of posts side by side with Δt and the shared object. */
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { formatDelta } from '../format.ts';
import type { EdgeDetail } from '../types.ts';
import { ErrorNote } from './error-note.tsx';
import { PostCard } from './post-card.tsx';

export function EdgeEvidence(props: { edgeKeys: string[]; onClose: () => void }) {
  const [edges, setEdges] = useState<EdgeDetail[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setEdges(null);
    Promise.all(
      props.edgeKeys.map((k) => api<EdgeDetail>(`/api/edges/${encodeURIComponent(k)}`)),
    ).then(
      (d) => live && setEdges(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [props.edgeKeys.join(',')]);
  return (
    <section className="panel evidence" data-testid="edge-evidence">
      <button className="close" onClick={props.onClose} aria-label="Close evidence">
        ×
      </button>
      <ErrorNote error={error} />
      {edges === null && !error ? <p>Loading evidence…</p> : null}
      {edges?.map((e) => (
        <div key={e.key} className="edge">
          <h3>
            <span className="signal">{e.signal}</span> between {e.a} and {e.b}
          </h3>
          <p className="muted">
            weight {e.weight.toFixed(2)} · q = {e.qValue === null ? '—' : e.qValue.toExponential(2)}{' '}
            · {e.evidenceTotal} piece{e.evidenceTotal === 1 ? '' : 's'} of evidence
            {e.evidenceTotal > e.evidence.length ? ` (first ${e.evidence.length} shown)` : ''}
          </p>
          {e.evidence.length === 0 ? (
            <p className="muted">
              This signal keeps no post pairs (it is a statistical test over activity).
            </p>
          ) : null}
          {e.evidence.map((ev, i) => (
            <div className="pair" key={i} data-testid="evidence-pair">
              <PostCard post={ev.postA} fallbackId={ev.postIdA} />
              <div className="between">
                <div className="delta" data-testid="delta">
                  Δt {formatDelta(ev.deltaMs)}
                </div>
                <div className="shared">
                  shared {ev.objectType ?? 'object'}: <code>{ev.objectId ?? '—'}</code>
                </div>
              </div>
              <PostCard post={ev.postB} fallbackId={ev.postIdB} />
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
