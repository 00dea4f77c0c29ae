/**
 * The built-in registry of designated entities. Every designation names its source: the OFAC
 * SDN list (legacy CSV of 2024-05-03, by ent_num) and the UN Security Council consolidated list
 * (XML of 2018-10-29, by reference number), both read from `../shared/data/sanctions`. Aliases
 * are the spellings found in those lists plus common transliterations and the Persian and Arabic
 * forms used on social media; they are matched as token sequences after the shared
 * normalisation, so Arabic/Persian letter variants, diacritics and ZWNJ need no extra entries.
 */
import type { Alias, Designation, Entity } from './entity.ts';

const OFAC = 'OFAC SDN CSV 2024-05-03';
const UN = 'UN SC consolidated list XML 2018-10-29';

function ofac(ref: string, ...programs: string[]): Designation {
  return { list: 'OFAC-SDN', programs, ref, source: OFAC };
}
function un(ref: string, regime: string): Designation {
  return { list: 'UN', programs: [regime], ref, source: UN };
}
function strong(...texts: string[]): Alias[] {
  return texts.map((text) => ({ text, strength: 'strong' as const }));
}
function weak(...texts: string[]): Alias[] {
  return texts.map((text) => ({ text, strength: 'weak' as const }));
}
function slogan(framing: string, ...texts: string[]): Alias[] {
  return texts.map((text) => ({ text, strength: 'strong' as const, kind: 'slogan' as const, framing }));
}
/** Every first-name × surname spelling. */
function cross(firsts: string[], lasts: string[]): string[] {
  return firsts.flatMap((f) => lasts.map((l) => `${f} ${l}`));
}

const SOLEIMANI_LAST = ['soleimani', 'suleimani', 'solaimani', 'soleimany', 'sulaimani', 'sulaymani', 'soleymani', 'suleymani', 'solaymani', 'sulemani'];
const SOLEIMANI_FIRST = ['qassem', 'qasem', 'ghasem', 'ghassem', 'qassim', 'qasim', 'kasim', 'kassem', 'qaseem'];

export const BUILTIN_ENTITIES: readonly Entity[] = [
  {
    id: 'irgc',
    name: 'Islamic Revolutionary Guard Corps',
    type: 'organisation',
    tier: 1,
    designations: [ofac('10391', 'FTO', 'SDGT', 'NPWMD', 'IRGC', 'IFSR', 'IRAN-HR', 'HRIT-IR', 'ELECTION-EO13848')],
    aliases: [
      ...strong('irgc', 'islamic revolutionary guard corps', 'islamic revolutionary guards corps', 'revolutionary guards', 'revolutionary guard corps', 'pasdaran'),
      ...strong('سپاه پاسداران', 'سپاه پاسداران انقلاب اسلامی', 'پاسداران انقلاب'),
      ...strong('الحرس الثوری', 'الحرس الثوری الایرانی', 'حرس الثوره'),
      ...weak('sepah', 'سپاه', 'revolutionary guard'),
    ],
    related: ['irgc-qf', 'soleimani'],
    context: ['iran', 'iranian', 'tehran', 'khamenei', 'ایران', 'خامنه ای', 'پاسدار', 'بسیج', 'ایران', 'طهران', 'ایرانی'],
    origin: 'builtin',
  },
  {
    id: 'irgc-qf',
    name: 'IRGC-Qods Force',
    type: 'organisation',
    tier: 1,
    designations: [ofac('10465', 'FTO', 'SDGT', 'SYRIA', 'IRGC', 'IFSR', 'IRAN-HR', 'ELECTION-EO13848')],
    aliases: [
      ...strong('quds force', 'qods force', 'irgc qf', 'irgc quds force', 'irgc qods force', 'sepah e quds'),
      ...strong('نیروی قدس', 'سپاه قدس', 'نیروی قدس سپاه', 'فیلق القدس'),
    ],
    related: ['irgc', 'soleimani'],
    origin: 'builtin',
  },
  {
    id: 'soleimani',
    name: 'Qassem Soleimani',
    type: 'individual',
    tier: 1,
    designations: [ofac('10481', 'SDGT', 'SYRIA', 'NPWMD', 'IRGC', 'IFSR'), un('IRi.039', 'Iran')],
    aliases: [
      ...strong(...cross(SOLEIMANI_FIRST, SOLEIMANI_LAST)),
      ...strong(...cross(['haj', 'hajj', 'haji', 'hajji', 'al haj', 'al hajj'], ['qassem', 'qasem', 'ghasem', 'qasim', 'qassim'])),
      ...strong(...cross(['general', 'sardar', 'commander', 'major general', 'lieutenant general', 'gen'], SOLEIMANI_LAST)),
      ...strong('sardar e delha', 'sardare delha', 'sardar delha', 'commander of hearts', 'commander of the hearts'),
      ...strong('قاسم سلیمانی', 'حاج قاسم', 'حاج قاسم سلیمانی', 'سردار سلیمانی', 'سردار دلها', 'سردار قاسم سلیمانی', 'سپهبد سلیمانی', 'سپهبد قاسم سلیمانی', 'حاجی قاسم'),
      ...strong('الحاج قاسم', 'اللواء قاسم سلیمانی', 'اللواء سلیمانی', 'الفریق سلیمانی', 'الفریق قاسم سلیمانی', 'الجنرال سلیمانی', 'الجنرال قاسم سلیمانی', 'قائد القلوب'),
      ...weak(...SOLEIMANI_LAST, 'سلیمانی'),
      ...slogan('revenge', 'hard revenge', 'harsh revenge', 'severe revenge', 'انتقام سخت', 'الانتقام القاسی', 'الثار للشهید سلیمانی'),
      ...slogan('allegiance', 'we are all soleimani', 'i am soleimani', 'ما همه سلیمانی هستیم', 'من سلیمانی هستم', 'کلنا سلیمانی'),
    ],
    related: ['irgc-qf', 'irgc', 'muhandis'],
    context: [
      'general', 'commander', 'quds', 'qods', 'irgc', 'iran', 'iranian', 'sardar', 'haj', 'hajj', 'martyr', 'martyrdom', 'baghdad', 'drone', 'assassination', 'assassinated', 'muhandis', 'trump', 'kerman', 'revenge', 'terrorist', 'murderer', 'butcher', 'war criminal',
      'سردار', 'حاج', 'شهید', 'سپاه', 'قدس', 'فرمانده', 'سپهبد', 'ترور', 'انتقام', 'بغداد', 'مقاومت', 'کرمان', 'ایران', 'شهادت', 'تروریست', 'قاتل', 'جلاد', 'جنایتکار',
      'الشهید', 'شهید', 'القاید', 'قاید', 'اللواء', 'فیلق', 'القدس', 'الحرس', 'الثوری', 'اغتیال', 'المهندس', 'بغداد', 'المقاومه', 'الحاج', 'ایران', 'الایرانی', 'الارهابی', 'ارهابی', 'السفاح', 'المجرم',
    ],
    origin: 'builtin',
  },
  {
    id: 'hezbollah',
    name: 'Hizballah',
    type: 'organisation',
    tier: 1,
    designations: [ofac('4697', 'FTO', 'SDGT', 'SYRIA')],
    aliases: [
      ...strong('hezbollah', 'hizbollah', 'hizballah', 'hizbullah', 'hezbolla', 'hizbolla', 'hezballah', 'lebanese hezbollah'),
      ...strong('حزب الله', 'حزبالله', 'حزب الله لبنان', 'المقاومه الاسلامیه فی لبنان'),
    ],
    related: ['nasrallah'],
    origin: 'builtin',
  },
  {
    id: 'kataib-hezbollah',
    name: "Kata'ib Hizballah",
    type: 'organisation',
    tier: 1,
    designations: [ofac('11462', 'FTO', 'SDGT', 'IRAQ3')],
    aliases: [
      ...strong(...cross(['kataib', 'kata ib', 'kataeb', 'kataib'], ['hezbollah', 'hizballah', 'hizbollah', 'hizbullah'])),
      ...strong('hezbollah brigades', 'islamic resistance in iraq'),
      ...strong('کتایب حزب الله', 'کتایب حزبالله', 'المقاومه الاسلامیه فی العراق'),
    ],
    related: ['muhandis'],
    origin: 'builtin',
  },
  {
    id: 'isis',
    name: 'Islamic State of Iraq and the Levant',
    type: 'organisation',
    tier: 1,
    designations: [ofac('8759', 'FTO', 'SDGT'), un('QDe.115', 'Al-Qaida')],
    aliases: [
      ...strong('isis', 'isil', 'daesh', 'daish', 'islamic state', 'islamic state of iraq and the levant', 'islamic state of iraq and syria', 'islamic state of iraq and al sham', 'the caliphate', 'al qaida in iraq'),
      ...strong('داعش', 'الدوله الاسلامیه', 'دوله الخلافه', 'دولت اسلامی', 'تنظیم الدوله', 'الدوله الاسلامیه فی العراق والشام'),
    ],
    related: ['baghdadi'],
    origin: 'builtin',
  },
  {
    id: 'al-qaida',
    name: "Al-Qa'ida",
    type: 'organisation',
    tier: 1,
    designations: [ofac('6366', 'FTO', 'SDGT'), un('QDe.004', 'Al-Qaida')],
    aliases: [
      ...strong('al qaeda', 'al qaida', 'al qa ida', 'alqaeda', 'alqaida', 'al quaeda', 'qaeda', 'qaida'),
      ...strong('تنظیم القاعده'),
      ...weak('القاعده'),
    ],
    related: ['bin-laden', 'zawahiri'],
    context: ['تنظیم', 'جهاد', 'الجهاد', 'مجاهدین', 'المجاهدین', 'ارهاب', 'الارهاب', 'تروریستی', 'شبکه', 'طالبان', 'بن لادن', 'الظواهری', 'افغانستان'],
    origin: 'builtin',
  },
  {
    id: 'hamas',
    name: 'HAMAS',
    type: 'organisation',
    tier: 1,
    designations: [ofac('4695', 'FTO', 'SDGT')],
    aliases: [
      ...strong('hamas', 'harakat al muqawama al islamiya', 'qassam brigades', 'al qassam brigades', 'izz ad din al qassam brigades'),
      ...strong('حماس', 'حرکه حماس', 'کتایب القسام', 'کتایب عز الدین القسام'),
    ],
    related: ['haniyeh', 'sinwar'],
    origin: 'builtin',
  },
  {
    id: 'ansarallah',
    name: 'Ansarallah (Houthis)',
    type: 'organisation',
    tier: 1,
    designations: [ofac('47664', 'SDGT')],
    aliases: [
      ...strong('ansarallah', 'ansar allah', 'houthis', 'houthi movement', 'houthi group', 'houthi rebels', 'partisans of god'),
      ...strong('انصار الله', 'انصارالله', 'الحوثیین', 'الحوثیون', 'جماعه الحوثی', 'حوثیها', 'حوثی ها'),
      ...weak('houthi', 'الحوثی', 'حوثی'),
    ],
    context: ['yemen', 'sanaa', 'red sea', 'یمن', 'الیمن', 'صنعاء'],
    origin: 'builtin',
  },
  {
    id: 'nasrallah',
    name: 'Hassan Nasrallah',
    type: 'individual',
    tier: 1,
    designations: [ofac('2686', 'SDGT', 'SYRIA')],
    aliases: [
      ...strong('hassan nasrallah', 'hasan nasrallah', 'hassan nasrullah', 'sayyed hassan nasrallah', 'sayyid hassan nasrallah', 'nasrallah', 'nasrullah'),
      ...strong('حسن نصرالله', 'سید حسن نصرالله', 'نصرالله', 'حسن نصر الله', 'السید حسن نصر الله', 'سماحه السید حسن'),
      ...weak('نصر الله', 'السید حسن', 'سید حسن'),
    ],
    related: ['hezbollah'],
    context: ['lebanon', 'hezbollah', 'لبنان', 'المقاومه', 'مقاومت', 'الامین العام', 'دبیرکل'],
    origin: 'builtin',
  },
  {
    id: 'muhandis',
    name: 'Abu Mahdi al-Muhandis',
    type: 'individual',
    tier: 1,
    designations: [
      ofac('11461', 'IRAQ3'),
      { list: 'team', programs: ['leader-of-designated-organisation'], source: "founder and leader of Kata'ib Hizballah (OFAC 11462, FTO)" },
    ],
    aliases: [
      ...strong('abu mahdi al muhandis', 'abu mahdi al mohandes', 'abu mahdi muhandis', 'abu mahdi', 'al muhandis', 'muhandis', 'mohandes'),
      ...strong('ابو مهدی المهندس', 'ابومهدی المهندس', 'ابو مهدی مهندس', 'ابومهدی مهندس', 'ابو مهدی'),
      ...weak('المهندس'),
    ],
    related: ['kataib-hezbollah', 'soleimani'],
    context: ['الشهید', 'شهید', 'القاید', 'الحشد', 'سلیمانی', 'حشد'],
    origin: 'builtin',
  },
  {
    id: 'baghdadi',
    name: 'Abu Bakr al-Baghdadi',
    type: 'individual',
    tier: 1,
    designations: [ofac('12926', 'SDGT'), un('QDi.299', 'Al-Qaida')],
    aliases: [
      ...strong('abu bakr al baghdadi', 'abu bakr baghdadi', 'abubakr al baghdadi', 'ibrahim awwad ibrahim ali al badri', 'abu du a'),
      ...strong('ابو بکر البغدادی', 'ابوبکر البغدادی', 'ابوبکر بغدادی', 'ابو بکر بغدادی', 'الخلیفه البغدادی'),
      ...weak('baghdadi', 'al baghdadi', 'البغدادی', 'بغدادی'),
    ],
    related: ['isis'],
    context: ['caliph', 'isis', 'daesh', 'خلیفه', 'الخلیفه', 'داعش'],
    origin: 'builtin',
  },
  {
    id: 'bin-laden',
    name: 'Usama bin Laden',
    type: 'individual',
    tier: 1,
    designations: [ofac('6365', 'SDGT')],
    aliases: [
      ...strong('osama bin laden', 'usama bin laden', 'osama bin ladin', 'usama bin ladin', 'bin laden', 'bin ladin', 'binladen', 'osama binladen'),
      ...strong('اسامه بن لادن', 'بن لادن', 'الشیخ اسامه'),
    ],
    related: ['al-qaida'],
    origin: 'builtin',
  },
  {
    id: 'zawahiri',
    name: 'Ayman al-Zawahiri',
    type: 'individual',
    tier: 1,
    designations: [ofac('2676', 'SDGT'), un('QDi.006', 'Al-Qaida')],
    aliases: [
      ...strong('ayman al zawahiri', 'ayman zawahiri', 'aiman al zawahiri', 'zawahiri', 'al zawahiri', 'zawahri'),
      ...strong('ایمن الظواهری', 'الظواهری', 'ظواهری', 'ایمن ظواهری'),
    ],
    related: ['al-qaida'],
    origin: 'builtin',
  },
  {
    id: 'haniyeh',
    name: 'Ismail Haniyeh',
    type: 'individual',
    tier: 1,
    designations: [ofac('23627', 'SDGT')],
    aliases: [...strong('ismail haniyeh', 'ismail haniya', 'haniyeh', 'haniyah', 'اسماعیل هنیه', 'هنیه')],
    related: ['hamas'],
    origin: 'builtin',
  },
  {
    id: 'sinwar',
    name: 'Yahya Sinwar',
    type: 'individual',
    tier: 1,
    designations: [ofac('18528', 'SDGT')],
    aliases: [...strong('yahya sinwar', 'yahya al sinwar', 'sinwar', 'یحیی السنوار', 'السنوار', 'یحیی سنوار', 'سنوار')],
    related: ['hamas'],
    origin: 'builtin',
  },
];
