/**
 * The state-media registry in the store (`state_media_outlets`, `state_media_identifiers`): the
 * built-in outlets (builtin.ts) plus lists imported from the ASD/GMF State Media Matrix CSV.
 * Domains are kept as registrable domains (`arabic.rt.com` → `rt.com`), except on shared
 * platforms (youtube.com, t.me, blogspot.com …) where the full host is kept; a link matches an
 * outlet when its host is the domain or a subdomain of it.
 */
import { insertMany, parseCsv } from '../../media/index.ts';
import { inputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { hostOfUrl, registrableDomain } from '../../text/index.ts';
import { BUILTIN_OUTLETS, GENERIC_DISCLOSURES } from './builtin.ts';

export interface StateMediaOutlet {
  outletId: string;
  name: string;
  country: string | null;
  typology: string | null;
  parent: string | null;
  source: string;
}

export interface StateMediaRegistry {
  outlets: Map<string, StateMediaOutlet>;
  /** domain → outlet id */
  domains: Map<string, string>;
  /** `platform:handle` (lower case) → outlet id */
  handles: Map<string, string>;
  /** Phrases whose presence in a name or bio discloses a state-media tie. */
  disclosures: string[];
}

const SHARED_HOSTS = new Set([
  'youtube.com', 'youtu.be', 'facebook.com', 'instagram.com', 'twitter.com', 'x.com', 't.me', 'telegram.me', 'vk.com', 'ok.ru', 'tiktok.com',
  'blogspot.com', 'wordpress.com', 'medium.com', 'tumblr.com', 'google.com', 'linkedin.com', 'rutube.ru', 'github.io', 'substack.com',
]);

/** The registry key of an outlet's URL or host (see the file header); null when not a web address. */
export function domainKey(urlOrHost: string): string | null {
  const host = hostOfUrl(urlOrHost.trim());
  if (host === null) return null;
  const reg = registrableDomain(host);
  if (reg === null) return null;
  return SHARED_HOSTS.has(reg) ? host : reg;
}

/** The outlet of a link's host, checking the host and each parent domain. */
export function outletOfHost(registry: StateMediaRegistry, host: string): { outletId: string; domain: string } | null {
  let h = host.toLowerCase().replace(/^www\./, '');
  for (;;) {
    const id = registry.domains.get(h);
    if (id !== undefined) return { outletId: id, domain: h };
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

const PLATFORM_OF_HOST: [RegExp, string][] = [
  [/(^|\.)(twitter|x)\.com$/, 'twitter'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)youtube\.com$/, 'youtube'],
  [/(^|\.)(t|telegram)\.me$/, 'telegram'],
  [/(^|\.)vk\.com$/, 'vk'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)ok\.ru$/, 'ok'],
  [/(^|\.)rutube\.ru$/, 'rutube'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
];

/** `{platform, handle}` of a social-profile link (twitter.com/x, t.me/x, youtube.com/channel/ID …). */
export function handleOfProfileUrl(url: string): { platform: string; handle: string } | null {
  const host = hostOfUrl(url.trim());
  if (host === null) return null;
  const platform = PLATFORM_OF_HOST.find(([re]) => re.test(host))?.[1];
  if (!platform) return null;
  let path: string;
  try {
    path = new URL(/^https?:/i.test(url.trim()) ? url.trim() : `https://${url.trim()}`).pathname;
  } catch {
    return null;
  }
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return null;
  let h = parts[0]!;
  if (['channel', 'c', 'user', 'company', 'in', 'pages', 'video'].includes(h) && parts[1]) h = parts[1];
  h = decodeURIComponent(h).replace(/^@/, '').toLowerCase();
  return h === '' ? null : { platform, handle: h };
}

type Cell = string | number | null;

interface OutletRows {
  outlets: Cell[][];
  identifiers: Cell[][];
}

function outletRows(
  into: OutletRows,
  o: StateMediaOutlet,
  domains: readonly string[],
  handles: readonly { platform: string; handle: string }[],
  aliases: readonly string[],
): void {
  into.outlets.push([o.outletId, o.name, o.country, o.typology, o.parent, o.source]);
  for (const d of new Set(domains)) into.identifiers.push([o.outletId, 'domain', null, d, o.source]);
  const seen = new Set<string>();
  for (const h of handles) {
    const key = `${h.platform}:${h.handle.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    into.identifiers.push([o.outletId, 'handle', h.platform, h.handle.toLowerCase(), o.source]);
  }
  for (const a of new Set(aliases)) into.identifiers.push([o.outletId, 'alias', null, a, o.source]);
}

async function writeRows(store: Store, rows: OutletRows): Promise<void> {
  await insertMany(store, 'state_media_outlets', ['outlet_id', 'name', 'country', 'typology', 'parent', 'source'], rows.outlets);
  await insertMany(store, 'state_media_identifiers', ['outlet_id', 'kind', 'platform', 'value', 'source'], rows.identifiers);
}

/** Writes the built-in outlets into the store unless they are there already; returns how many were added. */
export async function ensureBuiltinRegistry(store: Store): Promise<number> {
  const have = new Set((await store.all<{ outlet_id: string }>('SELECT DISTINCT outlet_id FROM state_media_outlets')).map((r) => r.outlet_id));
  const rows: OutletRows = { outlets: [], identifiers: [] };
  for (const b of BUILTIN_OUTLETS) {
    if (have.has(b.id)) continue;
    outletRows(rows, { outletId: b.id, name: b.name, country: b.country, typology: b.typology, parent: b.parent ?? null, source: `builtin: ${b.source}` }, b.domains, b.handles, [b.name, ...b.aliases]);
  }
  if (rows.outlets.length > 0) await store.transaction((tx) => writeRows(tx, rows));
  return rows.outlets.length;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export interface MatrixImportResult {
  rows: number;
  outlets: number;
  domains: number;
  handles: number;
}

const SOCIAL_COLUMNS = ['instagram link', 'twitter link', 'facebook link', 'youtube link', 'telegram link', 'vk link', 'linkedin link', 'ok.ru link', 'tiktok link', 'rutube link'];

/**
 * Imports the ASD/GMF State Media Matrix CSV (columns Region, Country, Media company, Main assets,
 * URL, Typology, …, Instagram/Twitter/Facebook/Youtube/Telegram/VK/… Link). One outlet per
 * (country, company, asset); rows of the same asset add domains and handles. Replaces an earlier
 * import of the same source; built-in outlets are kept.
 */
export async function importStateMediaMatrix(store: Store, text: string, source = 'ASD-at-GMF State Media Matrix'): Promise<MatrixImportResult> {
  const [header, ...rows] = parseCsv(text);
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string): number => cols.indexOf(name);
  for (const need of ['country', 'media company', 'main assets', 'url']) {
    if (col(need) < 0) throw inputError(`This file is not the ASD/GMF State Media Matrix: column '${need}' is missing`, `Columns found: ${cols.join(', ')}`);
  }
  const outlets = new Map<string, { o: StateMediaOutlet; domains: string[]; handles: { platform: string; handle: string }[]; aliases: string[] }>();
  for (const r of rows) {
    const cell = (name: string): string => (r[col(name)] ?? '').trim();
    const company = cell('media company').replace(/\*+$/, '').trim();
    const asset = cell('main assets') || company;
    if (!company && !asset) continue;
    const id = `gmf-${slug(cell('country'))}-${slug(company)}-${slug(asset)}`.slice(0, 120);
    let entry = outlets.get(id);
    if (!entry) {
      entry = {
        o: { outletId: id, name: asset.replace(/^(News agency|Television|Print media|Print|Online|Radio):\s*/i, ''), country: cell('country') || null, typology: cell('typology') || null, parent: company || null, source },
        domains: [],
        handles: [],
        aliases: [],
      };
      outlets.set(id, entry);
    }
    const d = cell('url') ? domainKey(cell('url')) : null;
    if (d) entry.domains.push(d);
    for (const c of SOCIAL_COLUMNS) {
      const v = col(c) >= 0 ? cell(c) : '';
      if (!v) continue;
      const h = handleOfProfileUrl(v);
      if (h) entry.handles.push(h);
    }
    const name = entry.o.name;
    if (name.length >= 5 && !entry.aliases.includes(name)) entry.aliases.push(name);
  }
  // An asset called like a country ("Iran", the IRNA newspaper) would make every bio that names
  // the country a disclosure: such names are not used as disclosure aliases.
  const countries = new Set(rows.map((r) => (r[col('country')] ?? '').trim().toLowerCase()));
  for (const e of outlets.values()) e.aliases = e.aliases.filter((a) => !countries.has(a.toLowerCase()));
  let domains = 0;
  let handles = 0;
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM state_media_identifiers WHERE outlet_id IN (SELECT outlet_id FROM state_media_outlets WHERE source = $1)', [source]);
    await tx.run('DELETE FROM state_media_outlets WHERE source = $1', [source]);
    const out: OutletRows = { outlets: [], identifiers: [] };
    for (const e of outlets.values()) {
      outletRows(out, e.o, e.domains, e.handles, e.aliases);
      domains += new Set(e.domains).size;
      handles += new Set(e.handles.map((h) => `${h.platform}:${h.handle}`)).size;
    }
    await writeRows(tx, out);
  });
  return { rows: rows.length, outlets: outlets.size, domains, handles };
}

/** Reads the registry (after making sure the built-in outlets are there). */
export async function loadStateMediaRegistry(store: Store): Promise<StateMediaRegistry> {
  await ensureBuiltinRegistry(store);
  const outlets = new Map<string, StateMediaOutlet>();
  for (const r of await store.all<{ outlet_id: string; name: string; country: string | null; typology: string | null; parent: string | null; source: string }>(
    'SELECT outlet_id, name, country, typology, parent, source FROM state_media_outlets ORDER BY outlet_id',
  )) {
    outlets.set(r.outlet_id, { outletId: r.outlet_id, name: r.name, country: r.country, typology: r.typology, parent: r.parent, source: r.source });
  }
  const registry: StateMediaRegistry = { outlets, domains: new Map(), handles: new Map(), disclosures: [...GENERIC_DISCLOSURES] };
  // Built-in outlets first, so a domain in both keeps the curated id.
  for (const r of await store.all<{ outlet_id: string; kind: string; platform: string | null; value: string; source: string }>(
    "SELECT outlet_id, kind, platform, value, source FROM state_media_identifiers ORDER BY (source LIKE 'builtin:%') DESC, source, outlet_id, value",
  )) {
    if (r.kind === 'domain' && !registry.domains.has(r.value)) registry.domains.set(r.value, r.outlet_id);
    else if (r.kind === 'handle' && !registry.handles.has(`${r.platform}:${r.value}`)) registry.handles.set(`${r.platform}:${r.value}`, r.outlet_id);
    else if (r.kind === 'alias') registry.disclosures.push(r.value);
  }
  return registry;
}
