/** Local users: create, list, authenticate; the first admin is made once. */
import { TakedownError, usageError } from '../../model/index.ts';
import { serialiseWrites } from '../../cases/index.ts';
import type { Store } from '../../store/index.ts';
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { isRole, ROLES, type Role } from './roles.ts';

export interface User {
  username: string;
  role: Role;
  createdMs: number;
  createdBy: string | null;
  disabled: boolean;
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;

function toUser(r: Record<string, unknown>): User {
  return {
    username: String(r['username']),
    role: String(r['role']) as Role,
    createdMs: Number(r['created_ms']),
    createdBy: r['created_by'] == null ? null : String(r['created_by']),
    disabled: Boolean(r['disabled']),
  };
}

/** Adds a user; fails if the name is taken. Passwords: at least 12 characters. */
export async function addUser(
  store: Store,
  input: {
    username: string;
    password: string;
    role: string;
    createdBy?: string | null;
    now?: number;
  },
): Promise<User> {
  if (!NAME.test(input.username))
    throw usageError('A user name is 1–64 letters, digits or . _ @ -');
  if (!isRole(input.role))
    throw usageError(`Unknown role ${input.role}`, `Use one of ${ROLES.join(', ')}`);
  if (input.password.length < 12) throw usageError('A password needs at least 12 characters');
  if (input.password.length > 1024) throw usageError('A password has at most 1024 characters');
  const hash = await hashPassword(input.password);
  return serialiseWrites(store, async () => {
    const taken = await store.one('SELECT 1 AS x FROM users WHERE username = $1', [input.username]);
    if (taken)
      throw new TakedownError({
        code: 'user_exists',
        title: `The user ${input.username} exists already`,
        status: 409,
      });
    await store.run(
      'INSERT INTO users (username, password_hash, role, created_ms, created_by) VALUES ($1, $2, $3, $4, $5)',
      [input.username, hash, input.role, input.now ?? Date.now(), input.createdBy ?? null],
    );
    return toUser(
      (await store.one('SELECT * FROM users WHERE username = $1', [input.username])) as Record<
        string,
        unknown
      >,
    );
  });
}

export async function listUsers(store: Store): Promise<User[]> {
  return (
    await store.all(
      'SELECT username, role, created_ms, created_by, disabled FROM users ORDER BY username',
    )
  ).map(toUser);
}

export async function findUser(store: Store, username: string): Promise<User | undefined> {
  const r = await store.one(
    'SELECT username, role, created_ms, created_by, disabled FROM users WHERE username = $1',
    [username],
  );
  return r ? toUser(r) : undefined;
}

/** The user if the password matches and the user is enabled; undefined otherwise (same time either way). */
export async function authenticateUser(
  store: Store,
  username: string,
  password: string,
): Promise<User | undefined> {
  const r = await store.one<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE username = $1',
    [username],
  );
  const ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
  if (!ok || !r) return undefined;
  const user = await findUser(store, username);
  return user && !user.disabled ? user : undefined;
}

/**
 * Creates the first admin when there is no user at all: with `password` (e.g. from
 * TAKEDOWN_ADMIN_PASSWORD) or a generated one, returned so the caller can print it once.
 */
export async function bootstrapAdmin(
  store: Store,
  options: { username?: string; password?: string } = {},
): Promise<{ username: string; password: string } | null> {
  const n = await store.one<{ n: number }>('SELECT count(*) AS n FROM users');
  if ((n?.n ?? 0) > 0) return null;
  const username = options.username ?? 'admin';
  const password = options.password ?? generatePassword();
  await addUser(store, { username, password, role: 'admin', createdBy: null });
  return { username, password };
}
