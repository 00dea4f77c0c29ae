/** One post as text: adversaries write these, so it is only ever rendered through React's escaping. */
import { href } from '../router.ts';
import { formatTime } from '../format.ts';
import type { PostView } from '../types.ts';

export function PostCard(props: { post: PostView | null; fallbackId?: string | null }) {
  const p = props.post;
  if (!p)
    return (
      <div className="post missing">Post {props.fallbackId ?? '?'} is not in the database.</div>
    );
  return (
    <article className="post" data-testid="post">
      <header>
        <a href={href('accounts', p.accountId)} className="author">
          {p.displayName ?? p.accountId}
        </a>
        {p.handle ? <span className="muted"> @{p.handle}</span> : null}
        <span className="muted">
          {' '}
          · {formatTime(p.timeMs)} · {p.kind}
        </span>
      </header>
      <p className="text">{p.text ?? ''}</p>
      <footer className="muted">post {p.postId}</footer>
    </article>
  );
}
