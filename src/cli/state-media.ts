import fs from 'node:fs';
import type { Command } from 'commander';
import { inputError } from '../model/index.ts';
import { importStateMediaMatrix, loadStateMediaRegistry, scanStateMedia } from '../policy/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, parseNonNegative, parsePositiveInt, printJson } from './common.ts';

/** `takedown state-media import|scan|list`: the state-media registry and its findings. */
export function registerStateMedia(program: Command): void {
  const sm = program.command('state-media').description('state-affiliated media: registry (built in + ASD/GMF import) and findings');

  dbOption(
    sm
      .command('import')
      .description('import the ASD/GMF State Media Matrix CSV (asd_gmf_State_Media_Matrix.csv) into the registry')
      .argument('<file>')
      .option('--source <name>', 'source name recorded with each outlet', 'ASD-at-GMF State Media Matrix'),
  ).action(async (file: string, opts: { db: string; source: string }) => {
    if (!fs.existsSync(file)) throw inputError(`The file ${file} does not exist`);
    await withStore(opts.db, async (store) => printJson(await importStateMediaMatrix(store, fs.readFileSync(file, 'utf8'), opts.source)));
  });

  dbOption(sm.command('list').description('print the registry: outlets with their domains and handles, one JSON line each')).action(async (opts: { db: string }) => {
    await withStore(opts.db, async (store) => {
      const reg = await loadStateMediaRegistry(store);
      const domains = new Map<string, string[]>();
      for (const [d, o] of reg.domains) domains.set(o, [...(domains.get(o) ?? []), d]);
      const handles = new Map<string, string[]>();
      for (const [h, o] of reg.handles) handles.set(o, [...(handles.get(o) ?? []), h]);
      for (const o of reg.outlets.values()) printJson({ ...o, domains: domains.get(o.outletId) ?? [], handles: handles.get(o.outletId) ?? [] });
    });
  });

  dbOption(
    sm
      .command('scan')
      .description(
        'find posts linking state media, accounts dominated by state-media links without disclosure, and identifiers shared across accounts; stores them in state_media_findings and prints a summary',
      )
      .option('--min-share <x>', 'smallest share of an account’s link posts pointing at state media', parseNonNegative('--min-share'), 0.5)
      .option('--min-count <n>', 'smallest number of such posts', parsePositiveInt('--min-count'), 5)
      .option('--max-shared <n>', 'largest number of accounts sharing an identifier for it to count', parsePositiveInt('--max-shared'), 50)
      .option('--findings', 'also print every account-level finding as a JSON line'),
  ).action(async (opts: { db: string; minShare: number; minCount: number; maxShared: number; findings?: boolean }) => {
    await withStore(opts.db, async (store) => {
      const scan = await scanStateMedia(store, { minShare: opts.minShare, minCount: opts.minCount, maxShared: opts.maxShared });
      if (opts.findings) for (const f of scan.findings) if (f.kind !== 'post_links_state_media') printJson(f);
      printJson({ counts: scan.counts, parameters: { minShare: opts.minShare, minCount: opts.minCount, maxShared: opts.maxShared } });
    });
  });
}
