/**
 * Compositional everyday sentences: a time, a verb, an object, a place and a tail drawn from
 * lists per language, with numbers and names, so that organic posts rarely repeat each other —
 * as real chatter rarely does. (Templates alone give a crowd that posts the same ten sentences,
 * and near-duplicate text would then tie half the organic accounts together.)
 */
import type { Rng } from './prng.ts';
import { fillTemplate } from './template.ts';
import { VOCABULARY, type Lang } from './vocabulary.ts';

interface Parts {
  times: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  places: readonly string[];
  tails: readonly string[];
  /** Assembles the parts in the language's word order. */
  join: (time: string, verb: string, object: string, place: string, tail: string) => string;
}

const PARTS: Record<Lang, Parts> = {
  en: {
    times: [
      'today',
      'this morning',
      'last night',
      'yesterday',
      'finally',
      'again',
      'after {n} hours',
      'at {n}am',
      'on {day}',
      'after {n} tries',
      'just now',
      'this week',
    ],
    verbs: [
      'I tried',
      'we watched',
      'I cooked',
      'my {relative} bought',
      'I lost',
      'we talked about',
      'I fixed',
      'I can not stop thinking about',
      'I finally found',
      'I forgot',
      'my {relative} hates',
      'we argued about',
      'I ordered',
      'I read about',
      'I waited for',
      'I loved',
    ],
    objects: [
      '{food}',
      'the new {thing}',
      '{show}',
      '{topic}',
      'the match',
      'my old {thing}',
      'a book about {topic}',
      'the {food} from that place',
      'tickets for {team}',
      'a gift for my {relative}',
      'the bill',
      'my keys',
      'the last bus',
      'a tiny kitten',
      'the neighbours party',
    ],
    places: [
      '',
      '',
      'in {city}',
      'at work',
      'at home',
      'downtown',
      'at the airport',
      'near the station',
      'with {name}',
      'at {name}s place',
    ],
    tails: [
      '',
      '',
      '',
      'and it was {feeling}',
      'lol',
      'not again',
      'send help',
      'what a day',
      'no regrets',
      'thanks {name}',
      'cannot wait for {day}',
      'and the weather is {weather}',
      '{n}/10 would do it again',
    ],
    join: (t, v, o, p, tail) => `${t} ${v} ${o} ${p} ${tail}`,
  },
  fa: {
    times: [
      'امروز',
      'دیشب',
      'دیروز',
      'بالاخره',
      'دوباره',
      'بعد از {n} ساعت',
      'ساعت {n} صبح',
      'این هفته',
      'همین الان',
      '{day}',
    ],
    verbs: [
      'امتحان کردم',
      'دیدم',
      'خریدم',
      'درست کردم',
      'گم کردم',
      'پیدا کردم',
      'یادم رفت',
      'سفارش دادم',
      'تموم کردم',
      'منتظر موندم',
    ],
    objects: [
      '{food}',
      '{thing} جدید',
      'یه کتاب درباره {topic}',
      'بلیت بازی {team}',
      'کادوی {relative}',
      'کلیدهام',
      'اتوبوس آخر',
      'یه فیلم قدیمی',
      'قبض برق',
      'یه گربه کوچولو',
      'عکس‌های قدیمی',
    ],
    places: ['', '', 'توی {city}', 'سر کار', 'خونه', 'با {name}', 'خونه {name}', 'نزدیک مترو'],
    tails: [
      '',
      '',
      '',
      'خیلی {feeling} بود',
      'باورم نمیشه',
      'چه روزی بود',
      'دیگه هیچ‌وقت',
      'مرسی {name}',
      'هوا هم {weather} بود',
      'نمره {n} از ۱۰',
    ],
    join: (t, v, o, p, tail) => `${t} ${p} ${o} رو ${v} ${tail}`,
  },
  ar: {
    times: [
      'اليوم',
      'البارحة',
      'أمس',
      'أخيرا',
      'مرة أخرى',
      'بعد {n} ساعات',
      'الساعة {n} صباحا',
      'هذا الأسبوع',
      'الآن',
      'يوم {day}',
    ],
    verbs: ['جربت', 'شاهدت', 'اشتريت', 'طبخت', 'أضعت', 'وجدت', 'نسيت', 'طلبت', 'أنهيت', 'انتظرت'],
    objects: [
      '{food}',
      '{thing} الجديد',
      'كتابا عن {topic}',
      'تذاكر مباراة {team}',
      'هدية {relative}',
      'مفاتيحي',
      'الحافلة الأخيرة',
      'فيلما قديما',
      'فاتورة الكهرباء',
      'قطة صغيرة',
      'صورا قديمة',
    ],
    places: ['', '', 'في {city}', 'في العمل', 'في البيت', 'مع {name}', 'عند {name}', 'قرب المحطة'],
    tails: [
      '',
      '',
      '',
      'وكان {feeling}',
      'لا أصدق',
      'يا له من يوم',
      'لن أكررها',
      'شكرا {name}',
      'والجو {weather}',
      '{n} من ١٠',
    ],
    join: (t, v, o, p, tail) => `${t} ${v} ${o} ${p} ${tail}`,
  },
};

/** A fresh everyday sentence; two in a row sometimes. */
export function buildFreeSentence(rng: Rng, lang: Lang): string {
  let s = composeSentence(rng, lang);
  if (rng.chance(0.25)) s += rng.pick(['. ', '، ', ' - ', '! ']) + composeSentence(rng, lang);
  return s;
}

function composeSentence(rng: Rng, lang: Lang): string {
  const p = PARTS[lang];
  const raw = p.join(
    rng.pick(p.times),
    rng.pick(p.verbs),
    rng.pick(p.objects),
    rng.pick(p.places),
    rng.pick(p.tails),
  );
  const names = VOCABULARY[lang].firstNames;
  const filled = fillTemplate(
    rng,
    lang,
    raw
      .replace(/\{n\}/g, () => String(rng.range(2, 12)))
      .replace(/\{name\}/g, () => rng.pick(names)),
  );
  return filled.replace(/\s+/g, ' ').trim();
}
