/**
 * Reader of the OFAC SDN list in its legacy CSV form (sdn.csv): no header, twelve columns
 * `ent_num, name, type, program, title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner,
 * remarks`, `-0-` for empty, programs joined as `SDGT] [IRGC`, aliases inside the remarks as
 * `a.k.a. 'NAME'`. Individuals are written `LAST, First`; we also keep `First LAST`.
 * Source format: https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { inputError } from '../../model/index.ts';
import type { Entity } from './entity.ts';
import { tierOfPrograms } from './tiers.ts';

export interface OfacRecord {
  entNum: string;
  name: string;
  type: string;
  programs: string[];
  title: string;
  remarks: string;
  aliases: string[];
}

/** Splits one CSV line (RFC 4180 quoting, "" inside quotes); returns undefined when a quote is open. */
export function splitCsvLine(line: string): string[] | undefined {
  const out: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  if (inQuotes) return undefined;
  out.push(cell);
  return out;
}

function cleanCell(v: string | undefined): string {
  const t = (v ?? '').trim();
  return t === '-0-' ? '' : t;
}

/** The DOS end-of-file byte (0x1A) the legacy file ends with. */
const EOF_MARK = String.fromCharCode(0x1a);

const AKA_RE = /\b[afn]\.k\.a\.\s+'(.+?)'(?=\s*;|\s*\.?\s*$)/g;

/** `LAST, First` → `First LAST` (only for individuals; organisations keep their comma). */
export function reorderName(name: string): string {
  const i = name.indexOf(',');
  if (i < 0) return name;
  return `${name.slice(i + 1).trim()} ${name.slice(0, i).trim()}`.trim();
}

/** Parses one row (already split) into a record, or undefined for the end-of-file marker. */
export function toOfacRecord(cells: string[], lineNo: number): OfacRecord | undefined {
  const entNum = cleanCell(cells[0]).split(EOF_MARK).join('');
  if (entNum === '') return undefined;
  if (cells.length < 12 || !/^\d+$/.test(entNum)) {
    throw inputError(`This is not an OFAC SDN legacy CSV: line ${lineNo} has ${cells.length} columns or no numeric ent_num`, 'Expected 12 columns: ent_num, name, type, program, title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner, remarks.');
  }
  const remarks = cleanCell(cells[11]);
  const aliases = [...remarks.matchAll(AKA_RE)].map((m) => (m[1] ?? '').trim()).filter((a) => a !== '');
  return {
    entNum,
    name: cleanCell(cells[1]),
    type: cleanCell(cells[2]) || 'entity',
    programs: cleanCell(cells[3]).split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim()).filter((p) => p !== ''),
    title: cleanCell(cells[4]),
    remarks,
    aliases,
  };
}

/** Streams the records of an OFAC SDN CSV file (quoted cells may span lines). */
export async function* readOfacCsv(path: string): AsyncGenerator<OfacRecord> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'latin1' }), crlfDelay: Infinity });
  let pending = '';
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (pending.length > 1_000_000) throw inputError(`OFAC CSV line ${lineNo}: a quoted cell never closes`);
    const cells = splitCsvLine(pending);
    if (cells === undefined) continue;
    pending = '';
    if (cells.length === 1 && cleanCell(cells[0]).split(EOF_MARK).join('') === '') continue;
    const rec = toOfacRecord(cells, lineNo);
    if (rec !== undefined) yield rec;
  }
}

/** The registry entity of an OFAC record. */
export function ofacToEntity(r: OfacRecord, source: string): Entity {
  const individual = r.type.toLowerCase() === 'individual';
  const name = individual ? reorderName(r.name) : r.name;
  const names = new Set<string>([name]);
  if (individual) names.add(r.name.replace(',', ''));
  for (const a of r.aliases) names.add(individual ? reorderName(a) : a);
  return {
    id: `ofac-${r.entNum}`,
    name,
    type: individual ? 'individual' : 'organisation',
    tier: tierOfPrograms(r.programs),
    designations: [{ list: 'OFAC-SDN', programs: r.programs, ref: r.entNum, source }],
    aliases: [...names].map((text) => ({ text, strength: 'strong' as const })),
    origin: source,
  };
}
