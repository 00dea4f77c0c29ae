/**
 * Posts about designated organisations and individuals (IRGC, Quds Force, Soleimani, Hezbollah,
 * ISIS…), in English, Persian and Arabic, under the labels the policy classifier tells apart:
 * glorification and support (violating), news reporting, condemnation and neutral discussion
 * (allowed). Templates and vocabularies are combined per post, so no fixed handful of sentences.
 */
import type { Rng } from './prng.ts';
import { appendEmoji } from './text-builder.ts';
import type { Lang } from './vocabulary.ts';

export const POLICY_LABELS = [
  'glorification',
  'support',
  'news_reporting',
  'condemnation',
  'neutral',
] as const;
export type PolicyLabel = (typeof POLICY_LABELS)[number];
/** Label codes carried on posts: 0 = none, k = POLICY_LABELS[k - 1]. */
export const POLICY_NONE = 0;

interface PolicyVocabulary {
  people: readonly string[];
  groups: readonly string[];
  templates: Record<PolicyLabel, readonly string[]>;
  /** Hashtags of glorification campaigns. */
  campaignTags: readonly string[];
}

const EN: PolicyVocabulary = {
  people: [
    'Qassem Soleimani',
    'General Soleimani',
    'Hajj Qassem',
    'Abu Mahdi al-Muhandis',
    'Hassan Nasrallah',
    'Abu Bakr al-Baghdadi',
  ],
  groups: [
    'the IRGC',
    'the Quds Force',
    'Hezbollah',
    'ISIS',
    'the Islamic State',
    'Kataib Hezbollah',
    'the Revolutionary Guards',
  ],
  templates: {
    glorification: [
      'Glory to the martyr {person}, hero of the resistance forever',
      '{person} lives on in our hearts, the greatest commander of our time',
      'We will never forget our martyr {person}. His blood will bring victory',
      'The heroes of {group} are the pride of the nation, may God bless them',
      'Salute to {person}, the martyr who humiliated the enemies',
      'Proud of the brave men of {group}, the lions who defend us',
    ],
    support: [
      'Join {group} and defend the homeland, the call is now',
      'Send your donations to support the fighters of {group}',
      'Share the official statement of {group} everywhere, let the world hear it',
      'Young men, enlist with {group} today and follow the path of {person}',
    ],
    news_reporting: [
      '{group} commander {person} killed in a US strike near Baghdad airport, officials say',
      'Report: {group} accused of attacks on shipping in the Gulf',
      'Thousands attend the funeral of {person} in Kerman, state media reports',
      'US designates {group} as a terrorist organisation, sanctions announced',
      'Analysis: what the death of {person} means for {group}',
    ],
    condemnation: [
      '{person} was a war criminal, nobody should mourn him',
      '{group} are terrorists responsible for killing thousands of innocent people',
      'Shame on anyone who praises {person}. Think of the victims in Syria and Iraq',
      'Stop glorifying {group}, they brought only death and misery to the region',
    ],
    neutral: [
      'A documentary about the history of {group} airs tonight, worth watching',
      'Lecture at the university today on the rise of {group} in the region',
      'Reading a new book on {person} and the politics of the Middle East',
      'Interesting thread on how {group} is organised and funded',
    ],
  },
  campaignTags: ['HardRevenge', 'MartyrSoleimani', 'ResistanceLivesOn'],
};

const FA: PolicyVocabulary = {
  people: ['قاسم سلیمانی', 'سردار سلیمانی', 'حاج قاسم', 'ابومهدی المهندس', 'سید حسن نصرالله'],
  groups: ['سپاه پاسداران', 'نیروی قدس', 'حزب‌الله', 'داعش', 'کتائب حزب‌الله'],
  templates: {
    glorification: [
      'درود بر شهید {person}، قهرمان همیشگی مقاومت',
      '{person} همیشه در قلب ماست، بزرگترین فرمانده زمان ما',
      'هرگز شهید {person} را فراموش نمی‌کنیم، خون او پیروزی می‌آورد',
      'قهرمانان {group} افتخار ملت هستند',
      'سلام بر {person}، شهیدی که دشمنان را خوار کرد',
    ],
    support: [
      'به {group} بپیوندید و از وطن دفاع کنید',
      'برای حمایت از رزمندگان {group} کمک مالی بفرستید',
      'بیانیه رسمی {group} را همه جا منتشر کنید',
      'جوانان، امروز به {group} بپیوندید و راه {person} را ادامه دهید',
    ],
    news_reporting: [
      '{person} فرمانده {group} در حمله آمریکا نزدیک فرودگاه بغداد کشته شد',
      'گزارش: {group} به حمله به کشتی‌ها در خلیج فارس متهم شد',
      'هزاران نفر در مراسم تشییع {person} در کرمان شرکت کردند',
      'آمریکا {group} را سازمان تروریستی اعلام کرد',
    ],
    condemnation: [
      '{person} یک جنایتکار جنگی بود و نباید برایش عزاداری کرد',
      '{group} مسئول کشتار هزاران بی‌گناه است',
      'شرم بر کسانی که {person} را ستایش می‌کنند، به قربانیان سوریه فکر کنید',
      'ستایش {group} را متوقف کنید، جز مرگ و ویرانی چیزی نیاوردند',
    ],
    neutral: [
      'امشب مستندی درباره تاریخ {group} پخش می‌شود',
      'امروز در دانشگاه سخنرانی درباره {group} بود',
      'دارم کتابی درباره {person} و سیاست خاورمیانه می‌خوانم',
    ],
  },
  campaignTags: ['انتقام_سخت', 'شهید_سلیمانی', 'مقاومت_زنده_است'],
};

const AR: PolicyVocabulary = {
  people: ['قاسم سليماني', 'الحاج قاسم', 'أبو مهدي المهندس', 'حسن نصر الله', 'أبو بكر البغدادي'],
  groups: ['الحرس الثوري', 'فيلق القدس', 'حزب الله', 'داعش', 'كتائب حزب الله'],
  templates: {
    glorification: [
      'المجد للشهيد {person}، بطل المقاومة إلى الأبد',
      '{person} حي في قلوبنا، أعظم قائد في زماننا',
      'لن ننسى الشهيد {person}، دمه سيصنع النصر',
      'أبطال {group} فخر الأمة، حفظهم الله',
      'تحية إلى {person}، الشهيد الذي أذل الأعداء',
    ],
    support: [
      'انضموا إلى {group} ودافعوا عن الوطن',
      'أرسلوا تبرعاتكم لدعم مقاتلي {group}',
      'انشروا البيان الرسمي لـ{group} في كل مكان',
      'يا شباب، التحقوا اليوم بـ{group} واتبعوا طريق {person}',
    ],
    news_reporting: [
      'مقتل {person} قائد {group} في غارة أمريكية قرب مطار بغداد',
      'تقرير: اتهام {group} بمهاجمة سفن في الخليج',
      'الآلاف يشاركون في تشييع {person}',
      'واشنطن تصنف {group} منظمة إرهابية',
    ],
    condemnation: [
      '{person} مجرم حرب ولا يستحق الرثاء',
      '{group} إرهابيون مسؤولون عن قتل آلاف الأبرياء',
      'عار على من يمجد {person}، تذكروا الضحايا في سوريا والعراق',
      'كفوا عن تمجيد {group}، لم يجلبوا سوى الموت والدمار',
    ],
    neutral: [
      'فيلم وثائقي عن تاريخ {group} يعرض الليلة',
      'محاضرة اليوم في الجامعة عن صعود {group}',
      'أقرأ كتابا عن {person} وسياسة الشرق الأوسط',
    ],
  },
  campaignTags: ['الانتقام_الصعب', 'الشهيد_سليماني', 'المقاومة_حية'],
};

const POLICY_VOCABULARY: Record<Lang, PolicyVocabulary> = { en: EN, fa: FA, ar: AR };

const OPENERS: Record<Lang, readonly string[]> = {
  en: ['', '', 'Today ', 'Honestly, ', 'Never forget: ', 'Remember: '],
  fa: ['', '', 'امروز ', 'یادمان نرود: ', 'واقعا '],
  ar: ['', '', 'اليوم ', 'لا تنسوا: ', 'بصراحة '],
};

/** A post under `label` about a designated organisation or person. */
export function buildPolicyText(rng: Rng, lang: Lang, label: PolicyLabel): string {
  const v = POLICY_VOCABULARY[lang];
  const template = rng.pick(v.templates[label]);
  let s =
    rng.pick(OPENERS[lang]) +
    template.replace('{person}', rng.pick(v.people)).replace('{group}', rng.pick(v.groups));
  if (rng.chance(0.35)) s = appendEmoji(rng, s);
  if ((label === 'glorification' || label === 'support') && rng.chance(0.4))
    s += ' #' + rng.pick(v.campaignTags);
  return s;
}

/** Gives `post` a policy text and label, with the hashtags the text carries. */
export function applyPolicyText(
  rng: Rng,
  post: { text: string; hashtags: string[]; policy: number; lang: Lang | 'und' },
  lang: Lang,
  label: PolicyLabel,
): void {
  post.text = buildPolicyText(rng, lang, label);
  post.policy = toPolicyCode(label);
  for (const m of post.text.matchAll(/#([\p{L}\p{N}_]+)/gu))
    if (m[1] && !post.hashtags.includes(m[1])) post.hashtags.push(m[1]);
}

/** The hashtags of a glorification campaign in `lang`. */
export function policyCampaignTags(lang: Lang): readonly string[] {
  return POLICY_VOCABULARY[lang].campaignTags;
}

/** The label code of a label (1-based; 0 is none). */
export function toPolicyCode(label: PolicyLabel): number {
  return POLICY_LABELS.indexOf(label) + 1;
}

/** An organic post's label: mostly news, condemnation and neutral talk, a little glorification and support. */
export function drawOrganicPolicyLabel(rng: Rng): PolicyLabel {
  const u = rng.next();
  if (u < 0.4) return 'news_reporting';
  if (u < 0.65) return 'condemnation';
  if (u < 0.9) return 'neutral';
  if (u < 0.97) return 'glorification';
  return 'support';
}
