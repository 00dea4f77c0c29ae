/**
 * Built-in state-affiliated media registry: the outlets of the Iranian seed cases and the large
 * foreign-facing state broadcasters, with domains, mirror domains and main handles.
 *
 * Sources (facts only, no files copied):
 * - ASD-at-GMF State Media Matrix (github.com/ASD-at-GMF/state-media-profiles, MIT): IRIB and
 *   its Press TV, Pars Today; IRNA; Fars; Mehr; Tasnim; Tehran Times; RT; Sputnik; CGTN;
 *   Xinhua; Global Times; and the typology codes (SC = state-controlled).
 * - Not in that matrix, written here from the outlets' own sites and their Wikipedia articles:
 *   HispanTV (IRIB's Spanish-language channel: hispantv.com, later hispantv.ir), Al-Alam (IRIB's
 *   Arabic news channel: alalam.ir, formerly alalamtv.net) and Al-Mayadeen (Beirut-based
 *   channel widely described as aligned with Iran and Hezbollah; not formally state-owned,
 *   hence typology 'aligned').
 * - Mirror domains presstv.com and alalamtv.net: the US Department of Justice seized them in
 *   June 2021 together with other Iranian Islamic Radio and Television Union sites; the outlets
 *   moved to their .ir domains. Old links in archives still point at them.
 * Handles are the outlets' main accounts as listed by the matrix (Press TV's and HispanTV's from
 * their sites). A bare "RT" is not a disclosure alias: bios say "RTs are not endorsements".
 */

export interface BuiltinOutlet {
  id: string;
  name: string;
  country: string;
  typology: string;
  parent?: string;
  domains: string[];
  handles: { platform: string; handle: string }[];
  /** Names a disclosing bio would use, in any script ("Press TV", "پرس تی وی"). */
  aliases: string[];
  source: string;
}

const GMF = 'ASD-at-GMF State Media Matrix';
const OWN = 'outlet website and Wikipedia article (not in the ASD/GMF matrix)';

export const BUILTIN_OUTLETS: readonly BuiltinOutlet[] = [
  { id: 'ir-irib', name: 'Islamic Republic of Iran Broadcasting (IRIB)', country: 'Iran', typology: 'SC', domains: ['irib.ir', 'iribnews.ir'], handles: [], aliases: ['IRIB', 'صدا و سیما', 'صداوسیما', 'رسانه ملی'], source: GMF },
  { id: 'ir-presstv', name: 'Press TV', country: 'Iran', typology: 'SC', parent: 'ir-irib', domains: ['presstv.ir', 'presstv.com'], handles: [{ platform: 'twitter', handle: 'presstv' }], aliases: ['Press TV', 'PressTV', 'پرس تی وی', 'پرس‌تی‌وی', 'برس تي في'], source: `${GMF}; presstv.com: US DOJ seizure, June 2021` },
  { id: 'ir-hispantv', name: 'HispanTV', country: 'Iran', typology: 'SC', parent: 'ir-irib', domains: ['hispantv.com', 'hispantv.ir'], handles: [{ platform: 'twitter', handle: 'hispantv' }], aliases: ['HispanTV', 'Hispan TV', 'هیسپان تی وی'], source: OWN },
  { id: 'ir-alalam', name: 'Al-Alam News Network', country: 'Iran', typology: 'SC', parent: 'ir-irib', domains: ['alalam.ir', 'alalamtv.net'], handles: [], aliases: ['Al-Alam', 'Al Alam', 'Alalam', 'قناة العالم', 'العالم الإخبارية', 'شبکه العالم'], source: `${OWN}; alalamtv.net: US DOJ seizure, June 2021` },
  { id: 'lb-almayadeen', name: 'Al Mayadeen', country: 'Lebanon', typology: 'aligned', domains: ['almayadeen.net'], handles: [], aliases: ['Al Mayadeen', 'Al-Mayadeen', 'Almayadeen', 'الميادين', 'قناة الميادين'], source: OWN },
  { id: 'ir-parstoday', name: 'Pars Today', country: 'Iran', typology: 'SC', parent: 'ir-irib', domains: ['parstoday.ir'], handles: [], aliases: ['Pars Today', 'ParsToday', 'پارس تودی'], source: GMF },
  { id: 'ir-irna', name: 'Islamic Republic News Agency (IRNA)', country: 'Iran', typology: 'SC', domains: ['irna.ir'], handles: [{ platform: 'twitter', handle: 'irna_1313' }, { platform: 'instagram', handle: 'irnaenglish' }], aliases: ['IRNA', 'ایرنا', 'خبرگزاری جمهوری اسلامی', 'إرنا'], source: GMF },
  { id: 'ir-fars', name: 'Fars News Agency', country: 'Iran', typology: 'SC', domains: ['farsnews.ir'], handles: [], aliases: ['Fars News', 'FarsNews', 'خبرگزاری فارس', 'وكالة فارس'], source: GMF },
  { id: 'ir-mehr', name: 'Mehr News Agency', country: 'Iran', typology: 'SC', domains: ['mehrnews.com'], handles: [{ platform: 'twitter', handle: 'mehrnewscom' }], aliases: ['Mehr News', 'MehrNews', 'خبرگزاری مهر', 'وكالة مهر'], source: GMF },
  { id: 'ir-tasnim', name: 'Tasnim News Agency', country: 'Iran', typology: 'SC', domains: ['tasnimnews.com'], handles: [{ platform: 'twitter', handle: 'tasnimnews_agency' }, { platform: 'instagram', handle: 'tasnimnews_en' }], aliases: ['Tasnim', 'TasnimNews', 'تسنیم', 'خبرگزاری تسنیم', 'وكالة تسنيم'], source: GMF },
  { id: 'ir-tehrantimes', name: 'Tehran Times', country: 'Iran', typology: 'SC', domains: ['tehrantimes.com'], handles: [], aliases: ['Tehran Times', 'تهران تایمز'], source: GMF },
  { id: 'ru-rt', name: 'RT', country: 'Russia', typology: 'SC', domains: ['rt.com', 'rtde.world', 'rtde.tech', 'rtde.website', 'rtde.life'], handles: [{ platform: 'twitter', handle: 'rt' }, { platform: 'twitter', handle: 'rtarabic_ru' }, { platform: 'twitter', handle: 'actualidadrt' }], aliases: ['Russia Today', 'rt.com', 'RT Español', 'RT France', 'RT Deutsch', 'RT Arabic', 'RT International', 'روسيا اليوم', 'آر تی'], source: GMF },
  { id: 'ru-sputnik', name: 'Sputnik', country: 'Russia', typology: 'SC', domains: ['sputniknews.com', 'sputnikglobe.com', 'sputniknews.ir', 'sputniknews.in', 'sputniknews.ru'], handles: [], aliases: ['Sputnik', 'سبوتنيك', 'اسپوتنیک'], source: GMF },
  { id: 'cn-cgtn', name: 'China Global Television Network (CGTN)', country: 'China', typology: 'SC', domains: ['cgtn.com'], handles: [{ platform: 'twitter', handle: 'cgtn' }], aliases: ['CGTN'], source: GMF },
  { id: 'cn-xinhua', name: 'Xinhua', country: 'China', typology: 'SC', domains: ['xinhuanet.com', 'news.cn'], handles: [{ platform: 'twitter', handle: 'chinaxinhuanews' }], aliases: ['Xinhua', 'شينخوا', 'شین هوا'], source: GMF },
  { id: 'cn-globaltimes', name: 'Global Times', country: 'China', typology: 'SC', domains: ['globaltimes.cn'], handles: [], aliases: ['Global Times'], source: GMF },
];

/** Words by which a profile says it speaks for state media in general (three languages). */
export const GENERIC_DISCLOSURES: readonly string[] = [
  'state media', 'state-affiliated', 'state affiliated', 'state-run', 'state run', 'state broadcaster', 'state tv', 'state television', 'government media',
  'رسانه دولتی', 'رسانه ملی', 'صدا و سیما', 'تلویزیون دولتی',
  'الإعلام الرسمي', 'وسائل الإعلام الحكومية', 'التلفزيون الرسمي', 'إعلام حكومي', 'قناة رسمية',
];
