import fs from 'node:fs';
import type { Command } from 'commander';
import {
  addToBank,
  BankMatcher,
  createBank,
  dihedralHashes,
  dropBank,
  formatBankCsv,
  hashImageFile,
  isPdqHex,
  listBankHashes,
  listBanks,
  matchMediaAgainstBanks,
  parseBankFile,
  PDQ_MATCH_THRESHOLD,
  PDQ_QUALITY_THRESHOLD,
  removeFromBank,
  type BankHash,
} from '../media/index.ts';
import { inputError } from '../model/index.ts';
import { withStore } from '../store/index.ts';
import { dbOption, parseNonNegative, printJson } from './common.ts';

/** A hex hash as given, or the PDQ of an image file. */
async function hashOf(arg: string): Promise<{ query: string; pdq: string; quality: number | null; dct?: Float32Array }> {
  if (isPdqHex(arg)) return { query: arg, pdq: arg.toLowerCase(), quality: null };
  if (!fs.existsSync(arg)) throw inputError(`'${arg}' is neither a PDQ hash (64 hex digits) nor an image file`);
  const r = await hashImageFile(arg);
  return { query: arg, pdq: r.hash, quality: r.quality, dct: r.dct };
}

/** `takedown bank create|add|remove|drop|list|import|export|match`: PDQ hash banks. */
export function registerBank(program: Command): void {
  const bank = program.command('bank').description('named banks of PDQ hashes of known violating images, and matching against them');

  dbOption(bank.command('create').description('create an empty bank').argument('<name>').option('--description <text>', 'what the bank holds')).action(
    async (name: string, opts: { db: string; description?: string }) => {
      await withStore(opts.db, async (store) => {
        await createBank(store, name, opts.description);
        printJson({ bank: name, created: true });
      });
    },
  );

  dbOption(
    bank
      .command('add')
      .description('add hashes (64 hex digits) or images (hashed with PDQ) to a bank')
      .argument('<name>')
      .argument('<hashes-or-images...>')
      .option('--label <label>', 'label of these entries, e.g. irgc_glorification')
      .option('--source <source>', 'where they come from, e.g. gifct, team'),
  ).action(async (name: string, items: string[], opts: { db: string; label?: string; source?: string }) => {
    const hashes: BankHash[] = [];
    for (const item of items) {
      const h = await hashOf(item);
      hashes.push({ pdq: h.pdq, quality: h.quality, label: opts.label ?? null, source: opts.source ?? null });
    }
    await withStore(opts.db, async (store) => {
      const added = await addToBank(store, name, hashes);
      const lowQuality = hashes.filter((h) => h.quality !== null && h.quality !== undefined && h.quality < PDQ_QUALITY_THRESHOLD).length;
      printJson({ bank: name, given: hashes.length, added, lowQualityNotMatched: lowQuality });
    });
  });

  dbOption(bank.command('remove').description('remove hashes from a bank').argument('<name>').argument('<hashes...>')).action(
    async (name: string, hashes: string[], opts: { db: string }) => {
      await withStore(opts.db, async (store) => printJson({ bank: name, removed: await removeFromBank(store, name, hashes) }));
    },
  );

  dbOption(bank.command('drop').description('delete a bank and all its hashes').argument('<name>')).action(async (name: string, opts: { db: string }) => {
    await withStore(opts.db, async (store) => printJson({ bank: name, dropped: true, hashes: await dropBank(store, name) }));
  });

  dbOption(bank.command('list').description('list the banks with their sizes, or the hashes of one bank').argument('[name]')).action(
    async (name: string | undefined, opts: { db: string }) => {
      await withStore(opts.db, async (store) => {
        if (name === undefined) printJson(await listBanks(store), true);
        else for (const h of await listBankHashes(store, name)) printJson(h);
      });
    },
  );

  dbOption(
    bank
      .command('import')
      .description('import a CSV with a hash (or pdq) column and optional label, source, quality; or HMA-like lines hash,label,source')
      .argument('<name>')
      .argument('<file>')
      .option('--create', 'create the bank if it does not exist')
      .option('--source <source>', 'source for rows that name none (default: the file name)'),
  ).action(async (name: string, file: string, opts: { db: string; create?: boolean; source?: string }) => {
    if (!fs.existsSync(file)) throw inputError(`The bank file ${file} does not exist`);
    const hashes = parseBankFile(fs.readFileSync(file, 'utf8'), file).map((h) => ({ ...h, source: h.source ?? opts.source ?? file }));
    await withStore(opts.db, async (store) => {
      if (opts.create && !(await listBanks(store)).some((b) => b.bank === name)) await createBank(store, name);
      printJson({ bank: name, read: hashes.length, added: await addToBank(store, name, hashes) });
    });
  });

  dbOption(bank.command('export').description('write a bank as CSV (hash,label,source,quality)').argument('<name>').option('--out <file>', 'file to write (default: stdout)')).action(
    async (name: string, opts: { db: string; out?: string }) => {
      await withStore(opts.db, async (store) => {
        const csv = formatBankCsv(await listBankHashes(store, name));
        if (opts.out) fs.writeFileSync(opts.out, csv);
        else process.stdout.write(csv);
      });
    },
  );

  dbOption(
    bank
      .command('match')
      .description(
        `match hashes or images against the banks (one JSON line per query), or with --posts every post image in the database (hits kept in media_bank_hits). Hashes of quality < ${PDQ_QUALITY_THRESHOLD} are not matched.`,
      )
      .argument('[hashes-or-images...]')
      .option('--bank <name...>', 'only these banks (default: all)')
      .option('--threshold <bits>', `largest Hamming distance (default ${PDQ_MATCH_THRESHOLD})`, parseNonNegative('--threshold'), PDQ_MATCH_THRESHOLD)
      .option('--dihedral', 'for images, also match their 7 rotations and flips')
      .option('--posts', 'match the post images of the database (takedown ingest --media) and store the hits'),
  ).action(async (items: string[], opts: { db: string; bank?: string[]; threshold: number; dihedral?: boolean; posts?: boolean }) => {
    await withStore(opts.db, async (store) => {
      if (opts.posts) {
        printJson(await matchMediaAgainstBanks(store, { threshold: opts.threshold, banks: opts.bank ?? [] }));
        return;
      }
      const matcher = await BankMatcher.load(store, opts.bank ?? []);
      for (const item of items) {
        const h = await hashOf(item);
        if (h.quality !== null && h.quality < PDQ_QUALITY_THRESHOLD) {
          printJson({ query: h.query, pdq: h.pdq, quality: h.quality, matches: [], note: `quality below ${PDQ_QUALITY_THRESHOLD}: not matched` });
          continue;
        }
        const queries = opts.dihedral && h.dct ? Object.values(dihedralHashes(h.dct)) : [h.pdq];
        printJson({ query: h.query, pdq: h.pdq, quality: h.quality, matches: matcher.match(queries, opts.threshold) });
      }
    });
  });
}
