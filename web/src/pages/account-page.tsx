import { ErrorNote } from '../components/error-note.tsx';
import { PostCard } from '../components/post-card.tsx';
import { formatDate, formatTime } from '../format.ts';
import { href } from '../router.ts';
import type { AccountDetail } from '../types.ts';
import { useApi } from '../use-api.ts';
import { FindingTablesView } from './review-page.tsx';

export function AccountPage(props: { accountId: string }) {
  const { data, error } = useApi<AccountDetail>(
    `/api/accounts/${encodeURIComponent(props.accountId)}`,
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
        <p>Loading account…</p>
      </main>
    );
  const a = data.account;
  return (
    <main className="account" data-testid="account">
      <h1 className="display-name">{a.displayName ?? a.accountId}</h1>
      <p className="muted">
        {a.handle ? `@${a.handle} · ` : ''}
        {a.platform} {a.surface} {a.accountId} · created {formatDate(a.createdMs)} ·{' '}
        {a.followers ?? '?'} followers, {a.following ?? '?'} following
      </p>
      {a.description ? <p className="description">{a.description}</p> : null}
      {a.profileUrl ? <p className="muted">profile URL (not a link): {a.profileUrl}</p> : null}
      <h2>Clusters</h2>
      <ul>
        {data.clusters.map((c) => (
          <li key={c.clusterId}>
            <a href={href('clusters', c.clusterId)}>{c.clusterId}</a> {c.verdict} (
            {c.score.toFixed(2)})
          </li>
        ))}
      </ul>
      <h2>Signals</h2>
      <table>
        <thead>
          <tr>
            <th>Signal</th>
            <th>Edges</th>
            <th>Partners</th>
            <th>Post pairs</th>
          </tr>
        </thead>
        <tbody>
          {data.signals.map((s) => (
            <tr key={s.signal}>
              <td>{s.signal}</td>
              <td>{s.edges}</td>
              <td>{s.partners}</td>
              <td>{s.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Policy hits</h2>
      {data.policyHits.length === 0 ? <p className="muted">None.</p> : null}
      {data.policyHits.map((h) => (
        <div key={h.post.postId} className="hit">
          <span className="tag">{h.source === 'hash_bank' ? 'hash bank' : 'classifier'}</span> <span className="tag label">{h.label}</span> {h.entities.join(', ')}
          <ul>
            {h.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          <PostCard post={h.post} />
        </div>
      ))}
      <h2>Impersonation findings</h2>
      <FindingTablesView data={data.impersonation} />
      <h2>Decisions</h2>
      {data.decisions.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {data.decisions.map((d, i) => (
          <li key={i}>
            <a href={href('cases', d.caseId)}>{d.caseId}</a>: {d.action} ({d.surface}) under{' '}
            {d.policy ?? '—'}, {d.status}, by {d.decidedBy ?? '?'} {formatTime(d.decidedMs)}
          </li>
        ))}
      </ul>
      <h2>Posts ({data.postsTotal})</h2>
      {data.posts.map((p) => (
        <PostCard key={p.postId} post={p} />
      ))}
    </main>
  );
}
