/**
 * URL normalisation for co-URL detection: two shares of the same page must give the same key even
 * when one went through http, a `www.`/`m.` host, a trailing slash or tracking parameters (link
 * farms vary exactly these, see issue 2). Follows the safe normalisations of RFC 3986 §6 plus the
 * usual tracking-parameter stripping of link-sharing studies (e.g. CooRnet's URL cleaning).
 * The result has no scheme: `example.com/path?a=1&b=2`. Idempotent; never throws.
 */

/** Longest URL we try to normalise: anything longer is not a link a person shared. */
const MAX_URL_LENGTH = 8192;

/** Query parameters that only track the click, on any host. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'yclid',
  'spm',
  'twclid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
]);

/** Share parameters that only track on some hosts (`s`/`t` mean something elsewhere). */
const HOST_TRACKING_PARAMS: readonly { hosts: readonly string[]; params: readonly string[] }[] = [
  { hosts: ['twitter.com', 'x.com'], params: ['s', 't'] },
  {
    hosts: ['youtube.com', 'youtu.be', 'spotify.com', 'open.spotify.com'],
    params: ['si', 'feature'],
  },
];

/** Host prefixes that name the same site as the bare host. */
const HOST_PREFIXES = ['www.', 'm.', 'mobile.'];

const DEFAULT_PORTS = new Set(['80', '443']);

/** True when `s` holds whitespace or a control character (never part of a shared link). */
function hasSpaceOrControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0xa0 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Strips `www.`/`m.`/`mobile.` until none is left, keeping at least two labels. */
function stripHostPrefixes(host: string): string {
  let h = host;
  for (;;) {
    const prefix = HOST_PREFIXES.find((p) => h.startsWith(p) && h.slice(p.length).includes('.'));
    if (!prefix) return h;
    h = h.slice(prefix.length);
  }
}

function isTracking(name: string, host: string): boolean {
  const key = name.toLowerCase();
  if (key.startsWith('utm_') || TRACKING_PARAMS.has(key)) return true;
  for (const rule of HOST_TRACKING_PARAMS) {
    if (rule.params.includes(key) && rule.hosts.some((h) => host === h || host.endsWith(`.${h}`)))
      return true;
  }
  return false;
}

/**
 * The canonical key of a shared link, or null when `raw` is not an http(s) URL. Scheme, `www.`,
 * `m.`, `mobile.`, credentials, default ports, fragment, trailing slashes and tracking parameters
 * are dropped; host lower-cased; remaining query parameters sorted; the path is kept as is.
 */
export function normaliseUrl(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  if (s === '' || s.length > MAX_URL_LENGTH || hasSpaceOrControl(s)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') {
      // "example.com:8080/x" parses as scheme "example.com": treat a dotted "scheme" as a host.
      if (!name.includes('.')) return null;
      s = `http://${s}`;
    }
  } else {
    s = s.startsWith('//') ? `http:${s}` : `http://${s}`;
  }
  // The host as written must have a dot: the URL parser would read "23678" as the IPv4
  // address 0.0.92.126, turning opaque ids into fake hosts.
  const written = /^[a-z][a-z0-9+.-]*:\/*(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(s)?.[1] ?? '';
  if (!written.includes('.') && !written.startsWith('[') && written.toLowerCase() !== 'localhost')
    return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = stripHostPrefixes(url.hostname.toLowerCase().replace(/\.+$/, ''));
  if (host === '' || (!host.includes('.') && !host.startsWith('[') && host !== 'localhost'))
    return null;
  const port = url.port !== '' && !DEFAULT_PORTS.has(url.port) ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const kept: [string, string][] = [];
  for (const [k, v] of url.searchParams) if (!isTracking(k, host)) kept.push([k, v]);
  kept.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
  );
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/** The host of a normalised URL key (`example.com/a` → `example.com`), or null. */
export function hostOfUrl(raw: string): string | null {
  const n = normaliseUrl(raw);
  if (n === null) return null;
  const end = n.search(/[/?:]/);
  return end < 0 ? n : n.slice(0, end);
}

/**
 * Two-label public suffixes common in our data (a small slice of the Public Suffix List: the
 * country domains where sites register under a second level, e.g. `bbc.co.uk`, `irna.ir` vs
 * `presstv.co.ir`). Unlisted suffixes count as one label.
 */
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'com.au',
  'net.au',
  'org.au',
  'gov.au',
  'edu.au',
  'co.ir',
  'ac.ir',
  'gov.ir',
  'org.ir',
  'net.ir',
  'sch.ir',
  'id.ir',
  'com.tr',
  'org.tr',
  'gov.tr',
  'edu.tr',
  'net.tr',
  'com.sa',
  'gov.sa',
  'org.sa',
  'com.eg',
  'gov.eg',
  'com.lb',
  'gov.lb',
  'com.iq',
  'gov.iq',
  'com.sy',
  'gov.sy',
  'com.pk',
  'gov.pk',
  'co.in',
  'gov.in',
  'co.jp',
  'ne.jp',
  'or.jp',
  'com.br',
  'gov.br',
  'com.cn',
  'gov.cn',
  'com.ru',
  'gov.ru',
  'co.za',
  'co.nz',
  'co.kr',
  'com.mx',
  'com.ar',
  'com.ua',
  'gov.ua',
  'co.il',
  'gov.il',
  'com.qa',
  'gov.qa',
  'com.ye',
]);

/** The registrable domain (eTLD+1) of a URL or host: `news.bbc.co.uk/x` → `bbc.co.uk`; null if none. */
export function registrableDomain(urlOrHost: string): string | null {
  const host = hostOfUrl(urlOrHost);
  if (host === null) return null;
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  const take = TWO_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-take).join('.');
}
