/**
 * Tip-off seeds from a STIX 2.1 bundle (the format platforms share indicators in): every
 * `indicator` whose pattern names a user account and every `user-account` observable becomes a
 * row of `seeds`, which detection expands from. Other objects (attack patterns, reports …) are
 * not rows and are not counted.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { inputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { limitOf } from './limits.ts';
import type { Reject } from './quarantine.ts';
import { accountsOfPattern } from './stix-pattern.ts';

/** Largest bundle read (it is parsed whole). */
const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

export interface SeedRow {
  platform: string;
  accountId: string;
  source: string;
  name: string | null;
}

/** The seed rows and rejects of a bundle's text. */
export function seedsOfBundle(
  text: string,
  defaultPlatform: string,
  file: string,
): { seedSet: string; seeds: SeedRow[]; rejects: Reject[] } {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (cause) {
    throw inputError(`${file} is not valid JSON, so not a STIX bundle`, undefined, cause);
  }
  const b = bundle as { type?: unknown; id?: unknown; objects?: unknown };
  if (b === null || typeof b !== 'object' || b.type !== 'bundle' || !Array.isArray(b.objects)) {
    throw inputError(
      `${file} is not a STIX 2.1 bundle: expected {"type": "bundle", "objects": [...]}`,
    );
  }
  const seedSet = typeof b.id === 'string' && b.id !== '' ? b.id : basename(file);
  const seeds: SeedRow[] = [];
  const rejects: Reject[] = [];
  const platformOf = (t: unknown): string =>
    typeof t === 'string' && t.trim() !== '' ? t.trim().toLowerCase() : defaultPlatform;
  const ok = (id: string): boolean =>
    id.trim() !== '' && Buffer.byteLength(id) <= limitOf('account_id');
  (b.objects as unknown[]).forEach((o, k) => {
    if (o === null || typeof o !== 'object') return;
    const obj = o as Record<string, unknown>;
    const source = typeof obj['id'] === 'string' ? obj['id'] : `objects[${k}]`;
    const raw = (): string => JSON.stringify(obj).slice(0, 2000);
    if (obj['type'] === 'indicator') {
      const pattern = obj['pattern'];
      if (typeof pattern !== 'string' || !pattern.includes('user-account:')) return;
      if (obj['pattern_type'] !== undefined && obj['pattern_type'] !== 'stix') return;
      let accounts;
      try {
        accounts = accountsOfPattern(pattern);
      } catch (e) {
        rejects.push({
          line: null,
          reason: `unparsable pattern of ${source}: ${(e as Error).message}`,
          raw: raw(),
        });
        return;
      }
      if (accounts.length === 0) {
        rejects.push({
          line: null,
          reason: `pattern of ${source} names no user-account:user_id`,
          raw: raw(),
        });
        return;
      }
      const name = typeof obj['name'] === 'string' ? obj['name'].slice(0, 1024) : null;
      for (const a of accounts) {
        if (!ok(a.userId))
          rejects.push({ line: null, reason: `bad user_id in ${source}`, raw: raw() });
        else seeds.push({ platform: platformOf(a.accountType), accountId: a.userId, source, name });
      }
    } else if (obj['type'] === 'user-account') {
      const id = obj['user_id'];
      if (typeof id !== 'string' || !ok(id)) {
        rejects.push({
          line: null,
          reason: `user-account ${source} has no usable user_id`,
          raw: raw(),
        });
        return;
      }
      const login = obj['account_login'] ?? obj['display_name'];
      seeds.push({
        platform: platformOf(obj['account_type']),
        accountId: id,
        source,
        name: typeof login === 'string' ? login.slice(0, 1024) : null,
      });
    }
  });
  return { seedSet, seeds, rejects };
}

/** Reads a bundle file and inserts its new seeds; returns counts like every ingest. */
export async function ingestStixSeeds(
  store: Store,
  path: string,
  bytes: number,
  defaultPlatform: string,
): Promise<{ seedSet: string; read: number; accepted: number; rejects: Reject[] }> {
  if (bytes > MAX_BUNDLE_BYTES)
    throw inputError(`${path} is larger than ${MAX_BUNDLE_BYTES} bytes: too large for a bundle`);
  const { seedSet, seeds, rejects } = seedsOfBundle(
    readFileSync(path, 'utf8'),
    defaultPlatform,
    path,
  );
  let accepted = 0;
  await store.transaction(async (tx) => {
    const now = Date.now();
    for (const s of seeds) {
      const exists = await tx.one(
        'SELECT 1 AS x FROM seeds WHERE seed_set = $1 AND platform = $2 AND account_id = $3',
        [seedSet, s.platform, s.accountId],
      );
      if (exists) continue;
      await tx.run(
        'INSERT INTO seeds (seed_set, platform, account_id, source, name, source_file, added_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [seedSet, s.platform, s.accountId, s.source, s.name, basename(path), now],
      );
      accepted++;
    }
  });
  return { seedSet, read: seeds.length + rejects.length, accepted, rejects };
}
