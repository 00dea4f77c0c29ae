/**
 * The protected-identities registry: real people and outlets that impostors pose as. Imported
 * from CSV `identity_id,name,handle,account_id,role` (one row per name or handle, several rows
 * per identity; an optional `profile_pdq` column holds genuine profile-picture hashes), kept in
 * the `protected_identities` table with `--db`.
 */
import { isPdqHex, parseCsvRecords } from '../../media/index.ts';
import { inputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';

/** One protected identity with every name, handle and genuine account it is known by. */
export interface ProtectedIdentity {
  id: string;
  names: string[];
  handles: string[];
  accountIds: string[];
  roles: string[];
  profilePdqs: string[];
}

interface IdentityRow {
  identity_id: string;
  name?: string | null;
  handle?: string | null;
  account_id?: string | null;
  role?: string | null;
  profile_pdq?: string | null;
}

function groupRows(rows: readonly IdentityRow[]): ProtectedIdentity[] {
  const byId = new Map<string, ProtectedIdentity>();
  for (const r of rows) {
    const id = r.identity_id.trim();
    let ident = byId.get(id);
    if (!ident) byId.set(id, (ident = { id, names: [], handles: [], accountIds: [], roles: [], profilePdqs: [] }));
    const add = (list: string[], v: string | null | undefined): void => {
      const t = (v ?? '').trim();
      if (t !== '' && !list.includes(t)) list.push(t);
    };
    add(ident.names, r.name);
    add(ident.handles, r.handle?.replace(/^@/, ''));
    add(ident.accountIds, r.account_id);
    add(ident.roles, r.role?.toLowerCase());
    if (r.profile_pdq && isPdqHex(r.profile_pdq.trim())) add(ident.profilePdqs, r.profile_pdq.trim().toLowerCase());
  }
  return [...byId.values()];
}

/** Parses the protected-identities CSV. */
export function parseProtectedCsv(text: string, fileName = 'protected identities file'): ProtectedIdentity[] {
  const records = parseCsvRecords(text);
  if (records.length > 0 && !('identity_id' in records[0]!)) {
    throw inputError(`${fileName} is not a protected-identities CSV: column identity_id is missing`, 'Expected columns: identity_id,name,handle,account_id,role[,profile_pdq]');
  }
  const rows = records.filter((r) => (r['identity_id'] ?? '') !== '') as unknown as IdentityRow[];
  return groupRows(rows);
}

/** Replaces the stored registry with `identities`. */
export async function saveProtectedIdentities(store: Store, identities: readonly ProtectedIdentity[]): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM protected_identities');
    for (const ident of identities) {
      const role = ident.roles[0] ?? null;
      const rows: [string | null, string | null, string | null, string | null][] = [
        ...ident.names.map((n) => [n, null, null, null] as [string, null, null, null]),
        ...ident.handles.map((h) => [null, h, null, null] as [null, string, null, null]),
        ...ident.accountIds.map((a) => [null, null, a, null] as [null, null, string, null]),
        ...ident.profilePdqs.map((p) => [null, null, null, p] as [null, null, null, string]),
      ];
      for (const [name, handle, accountId, pdq] of rows) {
        await tx.run('INSERT INTO protected_identities (identity_id, name, handle, account_id, role, profile_pdq) VALUES ($1, $2, $3, $4, $5, $6)', [
          ident.id,
          name,
          handle,
          accountId,
          role,
          pdq,
        ]);
      }
    }
  });
}

/** Reads the stored registry. */
export async function loadProtectedIdentities(store: Store): Promise<ProtectedIdentity[]> {
  const rows = await store.all<{ identity_id: string; name: string | null; handle: string | null; account_id: string | null; role: string | null; profile_pdq: string | null }>(
    'SELECT identity_id, name, handle, account_id, role, profile_pdq FROM protected_identities ORDER BY identity_id',
  );
  return groupRows(rows);
}
