/** `takedown registry import|list|show`: the designated-entity registry. */
import type { Command } from 'commander';
import { notFoundError, usageError } from '../model/index.ts';
import { EntityRegistry, loadImportedEntities, readListFile, storeImportedEntities, type Entity } from '../policy/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, printJson } from './common.ts';

async function loadRegistry(db: string | undefined): Promise<EntityRegistry> {
  if (db === undefined) return EntityRegistry.builtin();
  return withStore(db, async (s) => EntityRegistry.withImported(await loadImportedEntities(s)));
}

function summarise(e: Entity): Record<string, unknown> {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    tier: e.tier,
    designations: e.designations.map((d) => `${d.list} ${d.programs.join('/')}${d.ref !== undefined ? ` #${d.ref}` : ''}`),
    aliases: e.aliases.length,
    origin: e.origin,
  };
}

export function registerRegistry(program: Command): void {
  const reg = program.command('registry').description('designated organisations and individuals: built-in, and imported from official lists');

  dbOption(
    reg
      .command('import')
      .description('import the OFAC SDN legacy CSV or the UN Security Council consolidated XML into the database (replaces that list)')
      .option('--ofac <file>', 'OFAC SDN list, legacy CSV (sdn.csv)')
      .option('--un <file>', 'UN consolidated list XML'),
  ).action(async (opts: { ofac?: string; un?: string; db: string }) => {
    if ((opts.ofac === undefined) === (opts.un === undefined)) throw usageError('Give exactly one of --ofac FILE.csv or --un FILE.xml');
    const kind = opts.ofac !== undefined ? 'ofac' : 'un';
    const file = (opts.ofac ?? opts.un) as string;
    const entities = await readListFile(kind, file);
    await withStore(opts.db, async (store) => {
      const summary = await storeImportedEntities(store, kind === 'ofac' ? 'OFAC-SDN' : 'UN', file, entities, Date.now());
      const registry = EntityRegistry.withImported(await loadImportedEntities(store));
      const refs = new Set(entities.map((e) => `${e.designations[0]?.list}:${e.designations[0]?.ref}`));
      const mergedIntoBuiltin = registry.entities
        .filter((e) => e.origin === 'builtin' && e.designations.some((d) => refs.has(`${d.list}:${d.ref}`)))
        .map((e) => e.id);
      printJson({ ...summary, db: opts.db, mergedIntoBuiltin, matchedInPosts: registry.size }, true);
    });
  });

  reg
    .command('list')
    .description('print the registry as JSON lines (built-in, plus imported tier 1–2 entities with --db)')
    .option('--db <path>', 'include entities imported into this database')
    .option('--tier <n>', 'only this tier')
    .action(async (opts: { db?: string; tier?: string }) => {
      const registry = await loadRegistry(opts.db);
      for (const e of registry.entities) {
        if (opts.tier !== undefined && String(e.tier) !== opts.tier) continue;
        printJson(summarise(e));
      }
    });

  reg
    .command('show')
    .description('print one entity with its designations (and sources) and aliases')
    .argument('<id>', "entity id, e.g. soleimani, irgc-qf, ofac-10481, un-QDi.006")
    .option('--db <path>', 'include entities imported into this database')
    .action(async (id: string, opts: { db?: string }) => {
      const registry = await loadRegistry(opts.db);
      const e = registry.get(id);
      if (e === undefined) throw notFoundError(`No entity '${id}' in the registry`, 'Run `takedown registry list` to see the ids.');
      printJson(e, true);
    });
}
