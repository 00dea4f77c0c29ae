/**
 * Tokenises a post for policy matching on the shared normalisation (`normaliseText`), keeping
 * what that normalisation throws away but the policy needs: sentence boundaries, quotation marks
 * (attributed or scare-quoted words), hashtags (split at '_' and camelCase: #HardRevenge → hard
 * revenge, #انتقام_سخت → انتقام سخت) and emoji cues (🌹 🕊️ 🤮 …). Those are turned into
 * placeholder words before normalisation and into per-token flags after it. Latin tokens with
 * digits or look-alike letters are folded with `foldConfusables` (S0leimani → soleimani); Persian
 * words written with a space instead of a ZWNJ (دل ها, می روم) are joined again.
 */
import { foldConfusables, normaliseText } from '../../text/index.ts';

/** Attacker-controlled text is cut to this many characters before any work. */
export const MAX_TEXT_CHARS = 20_000;

export interface PostTokens {
  tokens: string[];
  /** Sentence number of each token. */
  sentence: Uint16Array;
  /** Clause number of each token: sentences split further at commas, colons and dashes. */
  clause: Uint16Array;
  /** 1 when the token is inside quotation marks. */
  quoted: Uint8Array;
  /** 1 when the token comes from a hashtag. */
  hashtag: Uint8Array;
  /** Sentences that end with a question mark. */
  questions: Set<number>;
  /** Number of sentences. */
  sentences: number;
}

const Q = 'qqxq';
/** A straight single quote: a quote only when a partner follows in the sentence (not the ayn of 'Ali). */
const Q1 = 'qqxs';
const S = 'ssxs';
const SQ = 'ssxq';
const C = 'ccxc';
const H_OPEN = 'hhxo';
const H_CLOSE = 'hhxc';

const EMOJI: Record<string, string> = {
  '🌹': 'eexflower', '🥀': 'eexflower', '💐': 'eexflower', '🌷': 'eexflower', '🌺': 'eexflower',
  '🕊': 'eexdove', '🙏': 'eexpray', '🤲': 'eexpray', '📿': 'eexpray',
  '❤': 'eexheart', '♥': 'eexheart', '💚': 'eexheart', '💛': 'eexheart', '🖤': 'eexheart', '💔': 'eexheart', '😍': 'eexheart', '🥰': 'eexheart', '😢': 'eexheart', '😭': 'eexheart',
  '🦁': 'eexlion', '🫡': 'eexsalute', '✊': 'eexsalute', '👑': 'eexcrown', '💪': 'eexmuscle',
  '🤮': 'eexvomit', '🤢': 'eexvomit', '💩': 'eexpoo', '🖕': 'eexfinger', '👎': 'eexthumbdown', '🤡': 'eexclown', '😂': 'eexlaugh', '🤣': 'eexlaugh', '🙄': 'eexroll',
};

/** Variation selectors, the zero-width joiner and the keycap mark glue emoji sequences together. */
const EMOJI_JOINERS = /\uFE0E|\uFE0F|\u200D|\u20E3/g;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu;
const HASHTAG_RE = /#([\p{L}\p{M}\p{N}_\u200c]+)/gu;
// Straight quotes count only at a word edge, so Kata'ib, Qa'ida and Soleimani's stay words.
// One pass for the marks the policy keeps: double quotes, single quotes at a word edge,
// question marks, clause breaks (comma, Arabic comma, colon, spaced dash), other sentence ends.
// A full stop ends a sentence unless it follows a single capital (U.S., Gen. Q.).
const MARKS_RE =
  /(["“”«»„‟‹›])|((?<![\p{L}\p{N}])['‘’`]|['‘’`](?![\p{L}\p{N}]))|([?؟]+)|([,،:]|\s[-–—]\s)|[!;؛\n…]+|(?<!\b\p{Lu})\.(?=\s|$|["”»'’])/gu;
const LEET_IN_WORD_RE = /(?<=[\p{L}\p{N}])[@$!|](?=[\p{L}\p{N}])/gu;
const LEET: Record<string, string> = { '@': 'a', $: 's', '!': 'i', '|': 'l' };
/** Cheap pre-tests: surrogate pairs or the BMP symbol blocks (emoji), leetspeak symbols. */
const MAYBE_EMOJI_RE = /\uD83C|\uD83D|\uD83E|[\u2600-\u27BF]|\uFE0F/;
const MAYBE_LEET_RE = /[@$!|]/;
const PICTO_RE = /\p{Extended_Pictographic}/gu;
const CAMEL_RE = /(\p{Ll})(\p{Lu})/gu;

const PERSIAN_SUFFIX = new Set(['ها', 'های', 'هایی', 'هایش', 'هایشان', 'هایمان', 'تر', 'ترین']);
const PERSIAN_PREFIX = new Set(['می', 'نمی']);

/** A Latin word with a digit or a non-ASCII letter (S0leimani, Ѕоlеіmаnі mixed with Latin) needs folding. */
function needsFold(w: string): boolean {
  let latin = false;
  let odd = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) latin = true;
    else if ((c >= 48 && c <= 57) || c < 0x0600 || c > 0x06ff) odd = true;
  }
  return latin && odd && !w.startsWith('eex');
}

/** Every character is in the Arabic block (Persian and Arabic letters after unification). */
function isArabicScript(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x0600 || c > 0x06ff) return false;
  }
  return true;
}

/** True when another single quote follows before the sentence ends. */
function hasPartner(words: readonly string[], from: number): boolean {
  for (let j = from + 1; j < words.length; j++) {
    const w = words[j];
    if (w === Q1) return true;
    if (w === S || w === SQ) return false;
  }
  return false;
}

function splitHashtag(body: string): string {
  return body.replace(/[_\u200c]+/g, ' ').replace(CAMEL_RE, '$1 $2');
}

/** Tokens of a post with sentence, quote and hashtag flags. */
export function tokenisePost(raw: string): PostTokens {
  let text = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  // Each pass runs only when its trigger character is present: most posts need few of them.
  if (text.includes('http') || text.includes('www.')) text = text.replace(URL_RE, ' ');
  if (MAYBE_EMOJI_RE.test(text)) text = text.replace(EMOJI_JOINERS, '').replace(PICTO_RE, (c) => ` ${EMOJI[c] ?? ''} `);
  if (text.includes('#')) text = text.replace(HASHTAG_RE, (_m, body: string) => ` ${H_OPEN} ${splitHashtag(body)} ${H_CLOSE} `);
  if (MAYBE_LEET_RE.test(text)) text = text.replace(LEET_IN_WORD_RE, (c) => LEET[c] ?? c);
  text = text.replace(MARKS_RE, (_m, dq?: string, sq?: string, qm?: string, cl?: string) =>
    dq ? ` ${Q} ` : sq ? ` ${Q1} ` : qm ? ` ${SQ} ` : cl ? ` ${C} ` : ` ${S} `,
  );
  // URLs are gone already; mentions are dropped only when there can be one.
  const words = normaliseText(text, { dropUrls: false, dropMentions: text.includes('@') }).split(' ');

  const tokens: string[] = [];
  const sentence: number[] = [];
  const clause: number[] = [];
  let cl = 0;
  const quoted: number[] = [];
  const hashtag: number[] = [];
  let sent = 0;
  let inQuote = false;
  let inHashtag = false;
  let pendingPrefix = '';
  const questions = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    if (w === '') continue;
    if (w === Q) {
      inQuote = !inQuote;
      continue;
    }
    if (w === Q1) {
      if (inQuote || hasPartner(words, i)) inQuote = !inQuote;
      continue;
    }
    if (w === C) {
      cl++;
      continue;
    }
    if (w === S || w === SQ) {
      cl++;
      if (tokens.length > 0 && sentence[sentence.length - 1] === sent) {
        if (w === SQ) questions.add(sent);
        sent++;
      }
      inQuote = false;
      continue;
    }
    if (w === H_OPEN) {
      inHashtag = true;
      continue;
    }
    if (w === H_CLOSE) {
      inHashtag = false;
      continue;
    }
    if (needsFold(w)) w = foldConfusables(w);
    if (PERSIAN_PREFIX.has(w)) {
      pendingPrefix = w;
      continue;
    }
    if (pendingPrefix !== '') {
      if (isArabicScript(w)) w = pendingPrefix + w;
      else pushToken(pendingPrefix);
      pendingPrefix = '';
    }
    // A kunya written as one word (ابومهدی, ابوبکر) is the two words ابو + name.
    if (w.length >= 6 && w.startsWith('ابو') && isArabicScript(w)) {
      pushToken('ابو');
      w = w.slice(3);
    }
    const last = tokens.length - 1;
    if (PERSIAN_SUFFIX.has(w) && last >= 0 && sentence[last] === sent && isArabicScript(tokens[last] ?? '')) {
      tokens[last] += w;
      continue;
    }
    pushToken(w);
  }
  if (pendingPrefix !== '') pushToken(pendingPrefix);

  function pushToken(t: string): void {
    tokens.push(t);
    sentence.push(sent);
    clause.push(cl);
    quoted.push(inQuote ? 1 : 0);
    hashtag.push(inHashtag ? 1 : 0);
  }

  return {
    tokens,
    sentence: Uint16Array.from(sentence, (s) => Math.min(s, 65535)),
    clause: Uint16Array.from(clause, (c) => Math.min(c, 65535)),
    quoted: Uint8Array.from(quoted),
    hashtag: Uint8Array.from(hashtag),
    questions,
    sentences: tokens.length === 0 ? 0 : (sentence[sentence.length - 1] ?? 0) + 1,
  };
}

/** Tokens of a phrase (alias or lexicon entry) in the same form as `tokenisePost` gives. */
export function tokenisePhrase(phrase: string): string[] {
  return tokenisePost(phrase).tokens;
}
