/**
 * Imported entities in the store (`policy_entities`, migration 0210): an import replaces the rows
 * of the same list in one transaction, so a refresh from a newer file never leaves a mix.
 */
import type { Store } from '../../store/index.ts';
import type { Entity } from './entity.ts';
import { ofacToEntity, readOfacCsv } from './ofac-csv.ts';
import { readUnXml, unToEntity } from './un-xml.ts';
import { basename } from 'node:path';

export interface ImportSummary {
  list: string;
  file: string;
  read: number;
  stored: number;
  byTier: Record<string, number>;
  individuals: number;
  organisations: number;
}

/** Reads an OFAC SDN CSV or UN XML file into entities. */
export async function readListFile(kind: 'ofac' | 'un', path: string): Promise<Entity[]> {
  const source = `${kind === 'ofac' ? 'OFAC SDN CSV' : 'UN consolidated XML'} ${basename(path)}`;
  const out: Entity[] = [];
  if (kind === 'ofac') for await (const r of readOfacCsv(path)) out.push(ofacToEntity(r, source));
  else for await (const r of readUnXml(path)) out.push(unToEntity(r, source));
  return out;
}

/** Replaces the stored rows of this list with `entities`. */
export async function storeImportedEntities(store: Store, list: string, file: string, entities: readonly Entity[], nowMs: number): Promise<ImportSummary> {
  const byTier: Record<string, number> = {};
  let individuals = 0;
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM policy_entities WHERE list = $1', [list]);
    const app = await tx.appender('policy_entities');
    for (const e of entities) {
      const d = e.designations[0];
      app.appendVarchar(e.id);
      app.appendVarchar(list);
      if (d?.ref === undefined) app.appendNull();
      else app.appendVarchar(d.ref);
      app.appendVarchar(e.name);
      app.appendVarchar(e.type);
      app.appendInteger(e.tier);
      app.appendVarchar(JSON.stringify(d?.programs ?? []));
      app.appendVarchar(JSON.stringify(e.aliases));
      app.appendVarchar(e.origin);
      app.appendBigInt(BigInt(nowMs));
      app.endRow();
      byTier[String(e.tier)] = (byTier[String(e.tier)] ?? 0) + 1;
      if (e.type === 'individual') individuals++;
    }
    app.flushSync();
    app.closeSync();
  });
  return { list, file: basename(file), read: entities.length, stored: entities.length, byTier, individuals, organisations: entities.length - individuals };
}

/** Every imported entity in the store. */
export async function loadImportedEntities(store: Store): Promise<Entity[]> {
  const rows = await store.all<{ entity_id: string; list: string; ref: string | null; name: string; type: string; tier: number; programs: string; aliases: string; source: string }>(
    'SELECT entity_id, list, ref, name, type, tier, CAST(programs AS VARCHAR) AS programs, CAST(aliases AS VARCHAR) AS aliases, source FROM policy_entities ORDER BY entity_id',
  );
  return rows.map((r) => ({
    id: r.entity_id,
    name: r.name,
    type: r.type === 'individual' ? 'individual' : 'organisation',
    tier: Number(r.tier),
    designations: [{ list: r.list, programs: JSON.parse(r.programs) as string[], ...(r.ref === null ? {} : { ref: r.ref }), source: r.source }],
    aliases: JSON.parse(r.aliases) as Entity['aliases'],
    origin: r.source,
  }));
}
