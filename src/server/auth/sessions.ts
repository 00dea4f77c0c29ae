/** Sessions (cookie) and API tokens (bearer): random secrets, stored only as their sha256. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { serialiseWrites } from '../../cases/index.ts';
import type { Store } from '../../store/index.ts';
import type { User } from './users.ts';
import { findUser } from './users.ts';

export const SESSION_COOKIE = 'takedown_session';
export const CSRF_COOKIE = 'takedown_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const COOKIE_TTL_MS = 12 * 3_600_000;
const TOKEN_TTL_MS = 90 * 86_400_000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface Session {
  user: User;
  kind: 'cookie' | 'token';
  csrfToken: string | null;
  tokenHash: string;
}

/** Starts a session; returns the secret (cookie value or bearer token) and the CSRF token. */
export async function createSession(
  store: Store,
  username: string,
  kind: 'cookie' | 'token',
  now = Date.now(),
): Promise<{ secret: string; csrfToken: string | null; expiresMs: number }> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = kind === 'cookie' ? randomBytes(32).toString('base64url') : null;
  const expiresMs = now + (kind === 'cookie' ? COOKIE_TTL_MS : TOKEN_TTL_MS);
  await serialiseWrites(store, async () => {
    await store.run('DELETE FROM sessions WHERE expires_ms <= $1', [now]);
    await store.run(
      'INSERT INTO sessions (token_hash, username, kind, csrf_token, created_ms, expires_ms) VALUES ($1, $2, $3, $4, $5, $6)',
      [sha256(secret), username, kind, csrfToken, now, expiresMs],
    );
  });
  return { secret, csrfToken, expiresMs };
}

/** The live session of a secret, or undefined (unknown, expired, or its user disabled). */
export async function findSession(
  store: Store,
  secret: string,
  now = Date.now(),
): Promise<Session | undefined> {
  if (secret.length < 20 || secret.length > 200) return undefined;
  const r = await store.one<{
    token_hash: string;
    username: string;
    kind: string;
    csrf_token: string | null;
    expires_ms: number;
  }>(
    'SELECT token_hash, username, kind, csrf_token, expires_ms FROM sessions WHERE token_hash = $1',
    [sha256(secret)],
  );
  if (!r || r.expires_ms <= now) return undefined;
  const user = await findUser(store, r.username);
  if (!user || user.disabled) return undefined;
  return {
    user,
    kind: r.kind === 'token' ? 'token' : 'cookie',
    csrfToken: r.csrf_token,
    tokenHash: r.token_hash,
  };
}

export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await serialiseWrites(store, () =>
    store.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]),
  );
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function checkCsrf(session: Session, header: string | undefined): boolean {
  if (!session.csrfToken || !header) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
