/**
 * The accounts of a sample, held column-wise in typed arrays (one slot per account) so that a
 * million accounts cost a few tens of MB. Strings that every tweet row repeats (the 10 account
 * columns) are formatted once per account.
 */
import { HASH_FOLLOWER_THRESHOLD, hashAccountId } from './account-hash.ts';
import { toCsvCell, formatCount, formatDay } from './csv-format.ts';
import type { Rng } from './prng.ts';
import { CLIENTS, LANGS, VOCABULARY, type Lang } from './vocabulary.ts';

export const ROLE_ORGANIC = 0;
export const ROLE_CELEBRITY = 1;
export const ROLE_OPERATION = 2;
export const ROLE_PERSONA = 3;

const DAY_MS = 86_400_000;

/** Time-zone offsets (hours) per language, with their shares: Iranians at home and abroad, etc. */
const TIME_ZONES: Record<Lang, readonly (readonly [number, number])[]> = {
  en: [
    [-5, 0.4],
    [-8, 0.2],
    [0, 0.25],
    [1, 0.1],
    [10, 0.05],
  ],
  fa: [
    [3.5, 0.8],
    [-5, 0.1],
    [1, 0.1],
  ],
  ar: [
    [3, 0.6],
    [2, 0.25],
    [4, 0.15],
  ],
};

export interface AccountProfile {
  displayName: string;
  screenName: string;
  location: string;
  description: string;
  profileUrl: string;
}

export class Population {
  readonly size: number;
  readonly followers: Uint32Array;
  readonly following: Uint32Array;
  /** Creation day (days since 1970-01-01). */
  readonly createdDay: Int32Array;
  /** Index into LANGS. */
  readonly lang: Uint8Array;
  /** UTC offset in hours. */
  readonly tz: Float32Array;
  /** Relative posting rate (heavy-tailed). */
  readonly activity: Float64Array;
  /** Main client (index into CLIENTS) and the share of posts made with it. */
  readonly client: Uint8Array;
  readonly clientLoyalty: Float32Array;
  readonly role: Uint8Array;
  /** Operation index, or -1 for organic accounts. */
  readonly operation: Int16Array;
  /** Names and profile texts while planning; released by finalise() (rowPrefix holds them then). */
  readonly profiles: AccountProfile[];
  /** The userid as written (a hash for small accounts); filled by finalise(). */
  readonly userid: string[];
  /** The handle as it appears in texts (`RT @handle:`), hashed like the userid for small accounts. */
  readonly textHandle: string[];
  /** The 10 account columns of a tweet row, CSV-escaped and joined. */
  readonly rowPrefix: string[];

  constructor(size: number) {
    this.size = size;
    this.followers = new Uint32Array(size);
    this.following = new Uint32Array(size);
    this.createdDay = new Int32Array(size);
    this.lang = new Uint8Array(size);
    this.tz = new Float32Array(size);
    this.activity = new Float64Array(size);
    this.client = new Uint8Array(size);
    this.clientLoyalty = new Float32Array(size);
    this.role = new Uint8Array(size);
    this.operation = new Int16Array(size).fill(-1);
    this.profiles = new Array<AccountProfile>(size);
    this.userid = new Array<string>(size);
    this.textHandle = new Array<string>(size);
    this.rowPrefix = new Array<string>(size);
  }

  langOf(i: number): Lang {
    return LANGS[this.lang[i] as number] as Lang;
  }

  /** Formats the written columns of every account; call once all attributes are final. */
  finalise(rng: Rng, seed: number): void {
    const used = new Set<string>();
    for (let i = 0; i < this.size; i++) {
      const p = this.profiles[i] as AccountProfile;
      const followers = this.followers[i] as number;
      // Ids are unique like Twitter's: redraw on the rare clash of two accounts created the same day.
      let numericId = drawNumericUserId(rng, this.createdDay[i] as number);
      while (used.has(numericId)) numericId = drawNumericUserId(rng, this.createdDay[i] as number);
      used.add(numericId);
      let id: string;
      let display: string;
      let handle: string;
      if (followers < HASH_FOLLOWER_THRESHOLD) {
        id = hashAccountId(seed, numericId);
        display = id;
        handle = id;
      } else {
        id = numericId;
        display = p.displayName;
        handle = p.screenName;
      }
      this.userid[i] = id;
      this.textHandle[i] = handle;
      // pandas writes integer columns holding a missing value as floats: some accounts show 12.0.
      const asFloat = rng.chance(0.2);
      this.rowPrefix[i] = [
        toCsvCell(id),
        toCsvCell(display),
        toCsvCell(handle),
        toCsvCell(p.location),
        toCsvCell(p.description),
        toCsvCell(p.profileUrl),
        formatCount(followers, asFloat),
        formatCount(this.following[i] as number, asFloat),
        formatDay(this.createdDay[i] as number),
        this.langOf(i),
      ].join(',');
    }
    // Large samples: the formatted rows are all that is needed from here on.
    this.profiles.length = 0;
  }
}

/**
 * A realistic numeric user id for an account created on `day`: sequential ids before 2016 (rough
 * anchors of Twitter's id growth), snowflakes after.
 */
function drawNumericUserId(rng: Rng, day: number): string {
  const ms = day * DAY_MS + rng.int(DAY_MS);
  const year = new Date(ms).getUTCFullYear() + new Date(ms).getUTCMonth() / 12;
  if (year >= 2016.4) {
    const id = ((BigInt(ms) - 1288834974657n) << 22n) | BigInt(rng.int(4194304));
    return id.toString();
  }
  const anchors: readonly (readonly [number, number])[] = [
    [2006, 1e4],
    [2008, 1e7],
    [2009, 4e7],
    [2010, 1e8],
    [2011, 3e8],
    [2012, 6e8],
    [2013, 1.1e9],
    [2014, 2.3e9],
    [2015, 2.9e9],
    [2016.4, 4.3e9],
  ];
  let lo = anchors[0] as readonly [number, number];
  let hi = anchors[anchors.length - 1] as readonly [number, number];
  for (let k = 1; k < anchors.length; k++) {
    const a = anchors[k] as readonly [number, number];
    if (a[0] >= year) {
      hi = a;
      lo = anchors[k - 1] as readonly [number, number];
      break;
    }
  }
  const f = Math.min(1, Math.max(0, (year - lo[0]) / (hi[0] - lo[0])));
  return String(Math.floor(lo[1] + f * (hi[1] - lo[1]) + rng.int(100_000)));
}

/** Draws a client index from the organic client shares. */
export function drawClient(rng: Rng): number {
  let u = rng.next();
  for (let c = 0; c < CLIENTS.length; c++) {
    u -= (CLIENTS[c] as readonly [string, number])[1];
    if (u < 0) return c;
  }
  return 0;
}

/** Draws a time-zone offset for an account writing in `lang`. */
export function drawTimeZone(rng: Rng, lang: Lang): number {
  let u = rng.next();
  for (const [tz, share] of TIME_ZONES[lang]) {
    u -= share;
    if (u < 0) return tz;
  }
  return (TIME_ZONES[lang][0] as readonly [number, number])[0];
}

/** A person's display name and handle in the style of their language; digits sometimes. */
export function drawPersonName(
  rng: Rng,
  lang: Lang,
  longDigits: boolean,
): { displayName: string; screenName: string } {
  const v = VOCABULARY[lang];
  const fi = rng.int(v.firstNames.length);
  const li = rng.int(v.lastNames.length);
  const first = v.firstNames[fi] as string;
  const last = v.lastNames[li] as string;
  const firstLatin = lang === 'en' ? first.toLowerCase() : (v.firstLatin[fi] as string);
  const lastLatin = lang === 'en' ? last.toLowerCase() : (v.lastLatin[li] as string);
  let handle: string;
  if (longDigits)
    handle = `${firstLatin}${lastLatin}${rng.range(10_000_000, 99_999_999)}`.slice(0, 15);
  else {
    const r = rng.int(6);
    if (r === 0) handle = `${firstLatin}_${lastLatin}`;
    else if (r === 1) handle = `${firstLatin}${lastLatin}`;
    else if (r === 2) handle = `${firstLatin}${rng.range(70, 99)}`;
    else if (r === 3) handle = `${firstLatin.charAt(0)}${lastLatin}`;
    else if (r === 4) handle = `${lastLatin}_${firstLatin}${rng.range(1, 9)}`;
    else handle = `the${firstLatin}${lastLatin.charAt(0)}`;
    handle = handle.slice(0, 15);
  }
  const displayName = rng.chance(0.15)
    ? `${first} ${last} ${rng.pick(['🌹', '🇮🇷', '✌️', '🕊️', '|'])}`.trim()
    : `${first} ${last}`;
  return { displayName, screenName: handle };
}

/** An organic profile: most fields filled, some empty, descriptions varied. */
export function drawOrganicProfile(rng: Rng, lang: Lang, longDigits: boolean): AccountProfile {
  const v = VOCABULARY[lang];
  const name = drawPersonName(rng, lang, longDigits);
  const description = rng.chance(0.25) ? '' : fillBio(rng, lang, rng.pick(v.bios));
  return {
    ...name,
    location: rng.chance(0.35) ? '' : rng.pick(v.locations),
    description,
    profileUrl: rng.chance(0.8) ? '' : `https://t.co/${randomToken(rng, 10)}`,
  };
}

function fillBio(rng: Rng, lang: Lang, bio: string): string {
  const cities = VOCABULARY[lang].slots['city'] ?? [''];
  let s = bio.replace('{city}', rng.pick(cities));
  // Real bios carry line breaks, quotes and commas: good stress for CSV readers.
  if (rng.chance(0.08)) s = `${s}\n"${rng.pick(VOCABULARY[lang].replies)}"`;
  return s;
}

const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random alphanumerics, as in t.co links. */
export function randomToken(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += TOKEN_CHARS.charAt(rng.int(TOKEN_CHARS.length));
  return s;
}
