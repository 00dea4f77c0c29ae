/**
 * Reader of the UN Security Council consolidated sanctions list XML
 * (https://scsanctions.un.org/resources/xml/en/consolidated.xml, schema sc-sanctions.xsd):
 * `<INDIVIDUAL>` and `<ENTITY>` records with FIRST_NAME…FOURTH_NAME, UN_LIST_TYPE,
 * REFERENCE_NUMBER, NAME_ORIGINAL_SCRIPT and `<…_ALIAS><QUALITY/><ALIAS_NAME/>` (several names may
 * share one ALIAS_NAME, separated by ';'). The file is well formed and flat, so a streaming scan
 * for whole records plus a small element regex is enough; no XML library is needed.
 */
import { createReadStream } from 'node:fs';
import { inputError } from '../../model/index.ts';
import type { Entity } from './entity.ts';
import { tierOfPrograms } from './tiers.ts';

export interface UnRecord {
  kind: 'individual' | 'entity';
  dataId: string;
  reference: string;
  listType: string;
  name: string;
  originalScript: string;
  aliases: { name: string; quality: string }[];
}

const RECORD_RE = /<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g;
const MAX_RECORD_CHARS = 200_000;

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function readField(body: string, tag: string): string {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body);
  return m === null ? '' : decodeXml(m[1] ?? '').replace(/\s+/g, ' ').trim();
}

/** Parses the inside of one `<INDIVIDUAL>` or `<ENTITY>` element. */
export function parseUnRecord(kind: 'individual' | 'entity', body: string): UnRecord {
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((t) => readField(body, t))
    .filter((p) => p !== '')
    .join(' ');
  const aliases: { name: string; quality: string }[] = [];
  const aliasRe = /<(?:INDIVIDUAL|ENTITY)_ALIAS>([\s\S]*?)<\/(?:INDIVIDUAL|ENTITY)_ALIAS>/g;
  for (const m of body.matchAll(aliasRe)) {
    const inner = m[1] ?? '';
    const quality = readField(inner, 'QUALITY');
    for (const part of readField(inner, 'ALIAS_NAME').split(';')) {
      const n = part.trim();
      if (n !== '') aliases.push({ name: n, quality });
    }
  }
  return {
    kind,
    dataId: readField(body, 'DATAID'),
    reference: readField(body, 'REFERENCE_NUMBER'),
    listType: readField(body, 'UN_LIST_TYPE'),
    name,
    originalScript: readField(body, 'NAME_ORIGINAL_SCRIPT'),
    aliases,
  };
}

/** Streams the records of a UN consolidated list XML file. */
export async function* readUnXml(path: string): AsyncGenerator<UnRecord> {
  let buffer = '';
  let sawRoot = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    buffer += chunk as string;
    if (!sawRoot && buffer.length > 4096 && !buffer.includes('<CONSOLIDATED_LIST')) break;
    if (buffer.includes('<CONSOLIDATED_LIST')) sawRoot = true;
    let last = 0;
    RECORD_RE.lastIndex = 0;
    for (let m = RECORD_RE.exec(buffer); m !== null; m = RECORD_RE.exec(buffer)) {
      yield parseUnRecord(m[1] === 'INDIVIDUAL' ? 'individual' : 'entity', m[2] ?? '');
      last = RECORD_RE.lastIndex;
    }
    buffer = buffer.slice(last);
    if (buffer.length > MAX_RECORD_CHARS * 4) buffer = buffer.slice(-MAX_RECORD_CHARS);
  }
  if (!sawRoot && !buffer.includes('<CONSOLIDATED_LIST')) {
    throw inputError(`${path} is not a UN Security Council consolidated list: no <CONSOLIDATED_LIST> element`);
  }
}

/** The registry entity of a UN record. Low-quality aliases are kept as weak ones. */
export function unToEntity(r: UnRecord, source: string): Entity {
  const aliases = new Map<string, 'strong' | 'weak'>();
  aliases.set(r.name, 'strong');
  if (r.originalScript !== '') aliases.set(r.originalScript, 'strong');
  for (const a of r.aliases) if (!aliases.has(a.name)) aliases.set(a.name, a.quality.toLowerCase() === 'low' ? 'weak' : 'strong');
  return {
    id: `un-${r.reference || r.dataId}`,
    name: r.name,
    type: r.kind === 'individual' ? 'individual' : 'organisation',
    tier: tierOfPrograms([r.listType]),
    designations: [{ list: 'UN', programs: [r.listType], ref: r.reference, source }],
    aliases: [...aliases].map(([text, strength]) => ({ text, strength })),
    origin: source,
  };
}
