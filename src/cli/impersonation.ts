import fs from 'node:fs';
import type { Command } from 'commander';
import { parseCsvRecords } from '../media/index.ts';
import { inputError, usageError } from '../model/index.ts';
import { detectImpersonation, parseProtectedCsv, saveProtectedIdentities, scanImpersonation, type AccountProfile } from '../policy/index.ts';
import { withStore } from '../store/index.ts';
import { printJson } from './common.ts';

function readFile(file: string, what: string): string {
  if (!fs.existsSync(file)) throw inputError(`The ${what} file ${file} does not exist`);
  return fs.readFileSync(file, 'utf8');
}

/** `takedown impersonation`: accounts posing as protected people and outlets, one JSON line each. */
export function registerImpersonation(program: Command): void {
  program
    .command('impersonation')
    .description(
      'find accounts impersonating protected identities; prints {"account_id","identity_id","score","reasons"} per suspected impersonator',
    )
    .requiredOption('--protected <file>', 'CSV identity_id,name,handle,account_id,role[,profile_pdq] (one row per name or handle)')
    .option('--accounts <file>', 'CSV account_id,display_name,handle,description[,profile_image_pdq]')
    .option('--db <path>', 'score the accounts of this database instead; also stores the registry, the findings and clusters')
    .option('--min-score <x>', 'lowest score reported (default 0.5)', (v) => Number(v))
    .action(async (opts: { protected: string; accounts?: string; db?: string; minScore?: number }) => {
      if (!opts.accounts === !opts.db) throw usageError('Give exactly one of --accounts FILE.csv or --db PATH');
      const identities = parseProtectedCsv(readFile(opts.protected, 'protected identities'), opts.protected);
      const options = opts.minScore === undefined ? {} : { minScore: opts.minScore };
      const print = (f: { accountId: string; identityId: string; score: number; reasons: string[] }): void =>
        printJson({ account_id: f.accountId, identity_id: f.identityId, score: f.score, reasons: f.reasons });
      if (opts.accounts) {
        const records = parseCsvRecords(readFile(opts.accounts, 'accounts'));
        if (records.length > 0 && !('account_id' in records[0]!)) {
          throw inputError(`${opts.accounts} is not an accounts CSV: column account_id is missing`, 'Expected columns: account_id,display_name,handle,description[,profile_image_pdq]');
        }
        const accounts: AccountProfile[] = records.map((r) => ({
          accountId: r['account_id']!,
          displayName: r['display_name'] || null,
          handle: r['handle'] || null,
          description: r['description'] || null,
          profilePdq: r['profile_image_pdq'] || null,
        }));
        for (const f of detectImpersonation(identities, accounts, options)) print(f);
        return;
      }
      await withStore(opts.db!, async (store) => {
        await saveProtectedIdentities(store, identities);
        const scan = await scanImpersonation(store, options);
        for (const f of scan.findings) print(f);
        process.stderr.write(`${scan.findings.length} suspected impersonators, ${scan.clusters.length} clusters (stored in impersonation_findings)\n`);
      });
    });
}
