import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorNote } from '../components/error-note.tsx';
import { PostCard } from '../components/post-card.tsx';
import { navigate } from '../router.ts';
import {
  can,
  type CaseState,
  type FindingTables,
  type Me,
  type Page,
  type ReviewItem,
} from '../types.ts';
import { useApi } from '../use-api.ts';

export function FindingTablesView(props: { data: FindingTables | null }) {
  if (!props.data) return null;
  if (!props.data.available)
    return <p className="muted">This stage has not run on this database.</p>;
  return (
    <>
      {props.data.tables.map((t) => (
        <div key={t.table}>
          <h3>
            {t.table} ({t.total})
          </h3>
          <table>
            <thead>
              <tr>
                {t.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={j}>{v ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

export function ReviewPage(props: { me: Me }) {
  const { data, error } = useApi<Page<ReviewItem>>('/api/review?limit=200');
  const banks = useApi<FindingTables>('/api/findings/hash-banks');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const toggle = (id: string): void => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const openCase = async (): Promise<void> => {
    try {
      const c = await api<CaseState>('/api/cases', {
        method: 'POST',
        body: { source: 'policy_hits', postIds: [...picked] },
      });
      navigate('cases', c.caseId);
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <main>
      <h1>Review queue</h1>
      <p className="muted">
        Posts the classifier labelled glorification, support or representation of a designated
        organisation, with its reasons; then images matched by hash banks.
      </p>
      <ErrorNote error={error ?? actionError} />
      {can(props.me, 'analyst') ? (
        <button disabled={picked.size === 0} onClick={() => void openCase()}>
          Open a case on the authors of {picked.size} selected post{picked.size === 1 ? '' : 's'}
        </button>
      ) : null}
      {data?.items.length === 0 ? <p>Nothing flagged.</p> : null}
      <div data-testid="review">
        {data?.items.map((h) => (
          <div key={h.post.postId} className="hit">
            <label>
              <input
                type="checkbox"
                checked={picked.has(h.post.postId)}
                onChange={() => toggle(h.post.postId)}
              />{' '}
              <span className="tag">{h.source === 'hash_bank' ? 'hash bank' : 'classifier'}</span> <span className="tag label">{h.label}</span>
            </label>{' '}
            {h.entities.map((e) => (
              <span key={e} className="tag">
                {e}
              </span>
            ))}
            <ul>
              {h.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            <PostCard post={h.post} />
          </div>
        ))}
      </div>
      <h2>Hash-bank matches</h2>
      <FindingTablesView data={banks.data} />
    </main>
  );
}
