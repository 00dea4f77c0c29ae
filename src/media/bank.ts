/**
 * Hash banks in the spirit of Meta's Hasher-Matcher-Actioner (facebook/ThreatExchange `hasher-
 * matcher-actioner`): named banks of PDQ hashes, each with a label and a source; matching by
 * Hamming distance (default ≤ 31, py-tx `PDQ_CONFIDENT_MATCH_THRESHOLD`). Hashes of quality
 * below 50 (py-tx `PdqSignal.QUALITY_THRESHOLD`) are kept but never used for matching: such
 * images are too flat for their hash to mean anything (a blank frame matches other blank frames).
 */
import { inputError, notFoundError, usageError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { parseCsv, toCsvCell } from './csv.ts';
import { PdqIndex } from './hash-index.ts';
import { hexToBits, isPdqHex, PDQ_MATCH_THRESHOLD, PDQ_QUALITY_THRESHOLD } from './pdq.ts';

export interface BankHash {
  pdq: string;
  quality?: number | null;
  label?: string | null;
  source?: string | null;
}

export interface BankSummary {
  bank: string;
  description: string | null;
  hashes: number;
  createdMs: number;
}

export interface BankMatch {
  bank: string;
  pdq: string;
  label: string | null;
  source: string | null;
  distance: number;
}

const BANK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function checkName(name: string): void {
  if (!BANK_NAME.test(name)) throw usageError(`Bank names are letters, digits, '_', '.', '-' (up to 100), got '${name}'`);
}

async function requireBank(store: Store, bank: string): Promise<void> {
  const row = await store.one('SELECT bank FROM hash_banks WHERE bank = $1', [bank]);
  if (!row) throw notFoundError(`There is no hash bank '${bank}' (create it with: takedown bank create ${bank})`);
}

/** Creates a bank; an existing bank of that name is an error. */
export async function createBank(store: Store, bank: string, description?: string, nowMs = Date.now()): Promise<void> {
  checkName(bank);
  if (await store.one('SELECT bank FROM hash_banks WHERE bank = $1', [bank])) throw usageError(`The hash bank '${bank}' already exists`);
  await store.run('INSERT INTO hash_banks (bank, description, created_ms) VALUES ($1, $2, $3)', [bank, description ?? null, nowMs]);
}

/** Deletes a bank and its hashes; returns the number of hashes removed. */
export async function dropBank(store: Store, bank: string): Promise<number> {
  await requireBank(store, bank);
  return store.transaction(async (tx) => {
    const n = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM bank_hashes WHERE bank = $1', [bank]))?.n ?? 0;
    await tx.run('DELETE FROM bank_hashes WHERE bank = $1', [bank]);
    await tx.run('DELETE FROM hash_banks WHERE bank = $1', [bank]);
    return n;
  });
}

/** Adds hashes to a bank (a hash already in the bank is skipped); returns how many were added. */
export async function addToBank(store: Store, bank: string, hashes: readonly BankHash[], nowMs = Date.now()): Promise<number> {
  await requireBank(store, bank);
  for (const h of hashes) if (!isPdqHex(h.pdq)) throw inputError(`Not a PDQ hash (64 hex digits): '${h.pdq.slice(0, 80)}'`);
  const existing = new Set((await store.all<{ pdq: string }>('SELECT pdq FROM bank_hashes WHERE bank = $1', [bank])).map((r) => r.pdq));
  let added = 0;
  await store.transaction(async (tx) => {
    for (const h of hashes) {
      const pdq = h.pdq.toLowerCase();
      if (existing.has(pdq)) continue;
      existing.add(pdq);
      await tx.run('INSERT INTO bank_hashes (bank, pdq, quality, label, source, added_ms) VALUES ($1, $2, $3, $4, $5, $6)', [
        bank,
        pdq,
        h.quality ?? null,
        h.label ?? null,
        h.source ?? null,
        nowMs,
      ]);
      added++;
    }
  });
  return added;
}

/** Removes hashes from a bank; returns how many were removed. */
export async function removeFromBank(store: Store, bank: string, hashes: readonly string[]): Promise<number> {
  await requireBank(store, bank);
  let removed = 0;
  await store.transaction(async (tx) => {
    for (const h of hashes) {
      const n = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM bank_hashes WHERE bank = $1 AND pdq = $2', [bank, h.toLowerCase()]))?.n ?? 0;
      await tx.run('DELETE FROM bank_hashes WHERE bank = $1 AND pdq = $2', [bank, h.toLowerCase()]);
      removed += n;
    }
  });
  return removed;
}

/** The banks with their hash counts. */
export async function listBanks(store: Store): Promise<BankSummary[]> {
  const rows = await store.all<{ bank: string; description: string | null; created_ms: number; n: number }>(
    `SELECT b.bank, b.description, b.created_ms, count(h.pdq) AS n
       FROM hash_banks b LEFT JOIN bank_hashes h ON h.bank = b.bank
      GROUP BY ALL ORDER BY b.bank`,
  );
  return rows.map((r) => ({ bank: r.bank, description: r.description, hashes: r.n, createdMs: r.created_ms }));
}

/** The hashes of one bank. */
export async function listBankHashes(store: Store, bank: string): Promise<Required<BankHash>[]> {
  await requireBank(store, bank);
  return store.all<{ pdq: string; quality: number | null; label: string | null; source: string | null }>(
    'SELECT pdq, quality, label, source FROM bank_hashes WHERE bank = $1 ORDER BY added_ms, pdq',
    [bank],
  );
}

/**
 * Parses a bank file: a CSV with a header naming `hash` (or `pdq`) and optionally `label`,
 * `source`, `quality`; or HMA-like lines `hash,label,source` without a header.
 */
export function parseBankFile(text: string, fileName = 'bank file'): BankHash[] {
  const rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== '') && !r[0]!.trim().startsWith('#'));
  if (rows.length === 0) return [];
  const first = rows[0]!.map((c) => c.trim().toLowerCase());
  let col = { hash: 0, label: 1, source: 2, quality: -1 };
  let body = rows;
  if (!isPdqHex(first[0] ?? '')) {
    const find = (...names: string[]): number => first.findIndex((c) => names.includes(c));
    col = { hash: find('hash', 'pdq', 'pdq_hash', 'signal'), label: find('label', 'labels', 'tags'), source: find('source'), quality: find('quality') };
    if (col.hash < 0) throw inputError(`${fileName} has no 'hash' (or 'pdq') column and its first line is not a PDQ hash`);
    body = rows.slice(1);
  }
  return body.map((r, i) => {
    const pdq = (r[col.hash] ?? '').trim().toLowerCase();
    if (!isPdqHex(pdq)) throw inputError(`${fileName} line ${i + (body === rows ? 1 : 2)}: not a PDQ hash (64 hex digits): '${pdq.slice(0, 80)}'`);
    const cell = (k: number): string | null => (k >= 0 && (r[k] ?? '').trim() !== '' ? r[k]!.trim() : null);
    const q = cell(col.quality);
    return { pdq, label: cell(col.label), source: cell(col.source), quality: q === null ? null : Number(q) };
  });
}

/** A bank as CSV text with the header `hash,label,source,quality`. */
export function formatBankCsv(hashes: readonly BankHash[]): string {
  const lines = ['hash,label,source,quality'];
  for (const h of hashes) lines.push([h.pdq, h.label, h.source, h.quality].map((v) => toCsvCell(v ?? null)).join(','));
  return lines.join('\n') + '\n';
}

/** An in-memory matcher over some banks (all when `banks` is empty), built once per run. */
export class BankMatcher {
  private constructor(
    private readonly index: PdqIndex,
    private readonly entries: { bank: string; pdq: string; label: string | null; source: string | null }[],
  ) {}

  /** Loads the usable hashes (quality unknown or ≥ 50) of the named banks, or of all banks. */
  static async load(store: Store, banks: readonly string[] = []): Promise<BankMatcher> {
    for (const b of banks) await requireBank(store, b);
    const rows = await store.all<{ bank: string; pdq: string; label: string | null; source: string | null }>(
      `SELECT bank, pdq, label, source FROM bank_hashes
        WHERE (quality IS NULL OR quality >= ${PDQ_QUALITY_THRESHOLD})
          AND ($1 = '' OR list_contains(string_split($1, chr(31)), bank))
        ORDER BY bank, added_ms, pdq`,
      [banks.join('\u001f')],
    );
    const words = new Uint32Array(rows.length * 8);
    rows.forEach((r, i) => words.set(hexToBits(r.pdq), i * 8));
    return new BankMatcher(PdqIndex.fromWords(words), rows);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Bank hashes within `threshold` of any of the query hashes, nearest first (one per bank hash). */
  match(queries: readonly string[], threshold = PDQ_MATCH_THRESHOLD): BankMatch[] {
    const best = new Map<number, number>();
    for (const q of queries) {
      for (const hit of this.index.search(hexToBits(q), threshold)) {
        const prev = best.get(hit.id);
        if (prev === undefined || hit.distance < prev) best.set(hit.id, hit.distance);
      }
    }
    return [...best.entries()]
      .map(([id, distance]) => ({ ...this.entries[id]!, distance }))
      .sort((a, b) => a.distance - b.distance || a.bank.localeCompare(b.bank) || a.pdq.localeCompare(b.pdq));
  }
}
