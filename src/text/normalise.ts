/**
 * One text normalisation for every stage: co-text and near-duplicate detection, policy matching
 * and impersonation all compare text through these functions, so "the same text" means the same
 * thing everywhere.
 *
 * Persian/Arabic handling follows the usual Hazm / CAMeL Tools normalisers: Arabic yeh and alef
 * maksura to Persian yeh, Arabic kaf to Persian keheh, alef with hamza or madda to bare alef,
 * diacritics (harakat, superscript alef, Quranic marks) and tatweel removed, ZWNJ removed (so
 * "می‌روم" and the ZWNJ-less "میروم" agree), Persian and Arabic-Indic digits to ASCII.
 */

const ARABIC_LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh -> ی Persian yeh
  '\u0649': '\u06CC', // ى alef maksura -> ی
  '\u0626': '\u06CC', // ئ yeh with hamza -> ی
  '\u0643': '\u06A9', // ك Arabic kaf -> ک keheh
  '\u0623': '\u0627', // أ -> ا
  '\u0625': '\u0627', // إ -> ا
  '\u0622': '\u0627', // آ -> ا
  '\u0671': '\u0627', // ٱ alef wasla -> ا
  '\u0624': '\u0648', // ؤ -> و
  '\u0629': '\u0647', // ة teh marbuta -> ه
  '\u06C0': '\u0647', // ۀ heh with yeh above -> ه
  '\u06D5': '\u0647', // ە ae -> ه
};

/** Harakat, superscript alef, Quranic annotation marks, tatweel, hamza above/below marks. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
/** Zero-width and bidi controls: ZWNJ, ZWJ, ZWSP, LRM/RLM, embeddings, isolates, BOM, soft hyphen. */
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const ARABIC_LETTERS = /[\u064A\u0649\u0626\u0643\u0623\u0625\u0622\u0671\u0624\u0629\u06C0\u06D5]/g;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Unifies Persian/Arabic letter variants, drops diacritics, tatweel and invisibles, maps digits to ASCII. */
export function unifyScript(text: string): string {
  return text
    .replace(INVISIBLES, '')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c)
    .replace(EASTERN_DIGITS, (d) => {
      const code = d.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    });
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu;
// Handles of the archive's small accounts are base64 hashes: '+', '/' and '=' belong to them.
const MENTION_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_+/=]{1,64}/gu;
const RT_PREFIX_RE = /^\s*rt\s+@[\p{L}\p{N}_+/=]+:?\s*/iu;
/** Anything that is not a letter, a combining mark or a digit becomes a space (emoji, punctuation, '#'). */
const NON_WORD_RE = /[^\p{L}\p{M}\p{N}]+/gu;

export interface NormaliseOptions {
  /** Remove URLs (default true). */
  dropUrls?: boolean;
  /** Remove @mentions and a leading "RT @x:" (default true). */
  dropMentions?: boolean;
}

/**
 * Canonical form of a post's text for comparison: NFKC, lower case, URLs and mentions removed,
 * script unified, punctuation/emoji/'#' removed, whitespace collapsed. Idempotent.
 */
export function normaliseText(text: string, options: NormaliseOptions = {}): string {
  let s = text.normalize('NFKC');
  if (options.dropMentions !== false) s = s.replace(RT_PREFIX_RE, ' ');
  if (options.dropUrls !== false) s = s.replace(URL_RE, ' ');
  if (options.dropMentions !== false) s = s.replace(MENTION_RE, '$1 ');
  s = unifyScript(s).toLowerCase();
  return s.replace(NON_WORD_RE, ' ').trim();
}

/** Word tokens of the normalised text. */
export function tokenise(text: string, options: NormaliseOptions = {}): string[] {
  const n = normaliseText(text, options);
  return n === '' ? [] : n.split(' ');
}
