/** Builds post texts from the vocabularies: templates, emoji, script variants and small edits. */
import type { Rng } from './prng.ts';
import { buildFreeSentence } from './free-sentence.ts';
import { fillTemplate } from './template.ts';
import { EMOJI, VOCABULARY, type Lang } from './vocabulary.ts';

/** An everyday organic sentence (a template or a compositional one), sometimes with emoji. */
export function buildChatter(rng: Rng, lang: Lang): string {
  let s = rng.chance(0.25)
    ? fillTemplate(rng, lang, rng.pick(VOCABULARY[lang].chatter))
    : buildFreeSentence(rng, lang);
  if (rng.chance(0.3)) s = appendEmoji(rng, s);
  if (rng.chance(0.15)) s = buildFreeSentence(rng, lang) + '. ' + s;
  return lang === 'en' ? maybeCapitalise(rng, s) : s;
}

const HEADLINE_PREFIX: Record<Lang, readonly string[]> = {
  en: ['BREAKING: ', 'Update: ', 'Report: ', 'JUST IN: ', 'Watch: ', 'Opinion: '],
  fa: ['فوری: ', 'گزارش: ', 'ویدیو: ', 'خبر: ', 'یادداشت: '],
  ar: ['عاجل: ', 'تقرير: ', 'فيديو: ', 'خبر: ', 'رأي: '],
};
const HEADLINE_SUFFIX: Record<Lang, readonly string[]> = {
  en: [
    ' - developing',
    ' (video)',
    ' - more soon',
    ', sources say',
    ' according to {count} witnesses',
    ' on {day}',
  ],
  fa: [' - در حال تکمیل', ' (ویدیو)', ' به گفته منابع', ' در روز {day}'],
  ar: [' - يتبع', ' (فيديو)', ' بحسب مصادر', ' يوم {day}'],
};

/** A news-style headline, with the prefixes and suffixes outlets and people add. */
export function buildHeadline(rng: Rng, lang: Lang): string {
  let s = fillTemplate(rng, lang, rng.pick(VOCABULARY[lang].news));
  if (rng.chance(0.35)) s = rng.pick(HEADLINE_PREFIX[lang]) + s;
  if (rng.chance(0.35)) s += fillTemplate(rng, lang, rng.pick(HEADLINE_SUFFIX[lang]));
  return s;
}

/** A reply: a short reaction, often followed by a sentence of one's own. */
export function buildReply(rng: Rng, lang: Lang): string {
  let s = rng.pick(VOCABULARY[lang].replies);
  if (rng.chance(0.6)) s += (lang === 'en' ? ', ' : '، ') + buildFreeSentence(rng, lang);
  if (rng.chance(0.4)) s = appendEmoji(rng, s);
  return s;
}

const CALLS: Record<Lang, readonly string[]> = {
  en: [
    'share this before they delete it',
    'the world must know what is happening',
    'do not believe the lies of the media',
    'wake up people, this is only the beginning',
  ],
  fa: [
    'این را قبل از حذف شدن منتشر کنید',
    'دنیا باید بداند چه اتفاقی می‌افتد',
    'دروغ رسانه‌ها را باور نکنید',
    'مردم بیدار شوید این تازه شروع ماجراست',
  ],
  ar: [
    'انشروا هذا قبل أن يحذف',
    'يجب أن يعرف العالم ما يحدث',
    'لا تصدقوا أكاذيب الإعلام',
    'استيقظوا هذه مجرد البداية',
  ],
};

/** A ~20-word campaign message: a headline and a call to action (the seed of copy-paste posts). */
export function buildCampaignMessage(rng: Rng, lang: Lang): string {
  return `${buildHeadline(rng, lang)}. ${rng.pick(CALLS[lang])}`;
}

/** Adds one or two emoji at the end. */
export function appendEmoji(rng: Rng, s: string): string {
  return `${s} ${rng.pick(EMOJI)}${rng.chance(0.3) ? rng.pick(EMOJI) : ''}`;
}

function maybeCapitalise(rng: Rng, s: string): string {
  return rng.chance(0.6) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * Persian/Arabic letter variants as keyboards and copy-paste produce them: Arabic yeh/kaf in
 * Persian text, a ZWNJ dropped or a tatweel added, Persian digits in Arabic text.
 */
export function applyScriptVariant(rng: Rng, lang: Lang, s: string): string {
  if (lang === 'fa') {
    const r = rng.int(4);
    if (r === 0) return s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    if (r === 1) return s.replace(/\u200c/g, ' ');
    if (r === 2) return s.replace(/ی/g, 'ى');
    return s.replace(/(\p{Script=Arabic})(\p{Script=Arabic})/u, '$1\u0640$2');
  }
  if (lang === 'ar') {
    const r = rng.int(3);
    if (r === 0) return s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
    if (r === 1) return s.replace(/[أإ]/g, 'ا').replace(/ة(\s|$)/g, 'ه$1');
    return s.replace(/(\p{Script=Arabic})(\s)/u, '$1\u064E$2');
  }
  return s;
}

/**
 * A copy-paste variant of a message: one or two small edits (a word swapped for a synonym,
 * added or dropped; punctuation; emoji; letter variants), as operators do to dodge exact matching.
 */
export function editMessage(rng: Rng, lang: Lang, message: string): string {
  let s = message;
  const edits = rng.chance(0.6) ? 1 : 2;
  for (let e = 0; e < edits; e++) {
    const r = rng.int(6);
    if (r === 0) {
      const pairs = VOCABULARY[lang].synonyms.filter(([a, b]) => s.includes(a) || s.includes(b));
      if (pairs.length > 0) {
        const [a, b] = rng.pick(pairs);
        s = s.includes(a) ? s.replace(a, b) : s.replace(b, a);
        continue;
      }
    }
    if (r <= 1) {
      const words = s.split(' ');
      const at = 1 + rng.int(Math.max(1, words.length - 1));
      words.splice(at, 0, rng.pick(FILLER_WORDS[lang]));
      s = words.join(' ');
    } else if (r === 2) {
      const words = s.split(' ');
      if (words.length > 8) words.splice(1 + rng.int(words.length - 2), 1);
      s = words.join(' ');
    } else if (r === 3) {
      s =
        s.replace(/\.\s/, rng.pick([' - ', '! ', '؛ ', ', ', '... '])) +
        rng.pick(['', '!', '!!', '.', ' ‼️']);
    } else if (r === 4) {
      s = appendEmoji(rng, s);
    } else {
      s = applyScriptVariant(rng, lang, s);
      if (lang === 'en')
        s = s.toUpperCase() === s ? s.toLowerCase() : s.charAt(0).toUpperCase() + s.slice(1);
    }
  }
  return s;
}

const FILLER_WORDS: Record<Lang, readonly string[]> = {
  en: ['really', 'now', 'again', 'officially', 'finally', 'just', 'today'],
  fa: ['واقعا', 'الان', 'دوباره', 'رسما', 'بالاخره', 'امروز'],
  ar: ['فعلا', 'الآن', 'مجددا', 'رسميا', 'أخيرا', 'اليوم'],
};
