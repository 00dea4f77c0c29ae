/**
 * Named framing lexicons in English, Persian and Arabic. Each entry is a phrase matched as a token
 * sequence after the shared normalisation (so Arabic ي/ك and Persian ی/ک, diacritics and ZWNJ need
 * no separate entries; Arabic clitics و ف ل ال are stripped by the matcher). The categories follow
 * Meta's Dangerous Organizations & Individuals policy (glorification: praise, martyrdom, heroism,
 * eternal life, revenge, alignment; support: recruitment, funding, arming; representation: speaking
 * as the organisation) and the allowed discourse (attribution, news, condemnation), plus the cues
 * that change a hit's force: negation, sarcasm. Emoji are mapped by the tokeniser to `eex…` tokens.
 *
 * Entries were written from the policy definitions and general knowledge of how supporters,
 * reporters and critics write, before the evaluation set was written.
 */

export interface Lexicon {
  en: string[];
  fa: string[];
  ar: string[];
  /** Language-neutral tokens (emoji placeholders). */
  any?: string[];
}

export const LEXICONS: Record<string, Lexicon> = {
  praise: {
    en: [
      'hero', 'heroes', 'our hero', 'legend', 'legendary', 'great man', 'great commander', 'brave', 'bravest', 'lion', 'lionheart', 'beloved', 'our beloved',
      'rest in peace', 'rip', 'r i p', 'rest in power', 'god bless', 'may god bless', 'may allah have mercy', 'may god have mercy', 'allah yerhamo', 'salute', 'we salute',
      'proud of', 'our pride', 'pride of', 'honour', 'honor', 'glory to', 'long live', 'love you', 'we love', 'i love', 'miss you', 'we miss', 'true leader',
      'noble', 'courageous', 'fearless', 'icon', 'role model', 'inspiration', 'inspired', 'greatest', 'champion of', 'defender of', 'protector',
      'never forget', 'we will never forget', 'thank you', 'blessed', 'holy warrior', 'saint', 'god bless his soul', 'salute to',
    ],
    fa: [
      'قهرمان', 'قهرمان ما', 'قهرمانان', 'اسطوره', 'افتخار', 'افتخار ما', 'مایه افتخار', 'عزیز', 'عزیزم', 'سردار عزیز', 'دلاور', 'شجاع', 'بزرگمرد', 'مرد بزرگ',
      'روحش شاد', 'روحت شاد', 'یادش گرامی', 'یادت گرامی', 'راهش پر رهرو', 'راهت پر رهرو', 'درود بر', 'سلام بر', 'دوستت داریم', 'دوستت دارم', 'عاشقتیم', 'فدایت', 'فدایت شوم',
      'جانم فدای', 'سرور', 'مولا', 'الگو', 'پرافتخار', 'فراموش نمیکنیم', 'هرگز فراموش', 'ممنون', 'خدا رحمتش کند', 'خدا رحمت کند', 'رحمت الله علیه', 'دلتنگ', 'دلتنگتیم', 'دلمان تنگ',
      'عزت', 'غیرت', 'افتخار ایران', 'سربلند', 'مدافع حرم', 'مدافعان حرم', 'ناجی',
    ],
    ar: [
      'بطل', 'البطل', 'ابطال', 'الابطال', 'اسطوره', 'الاسطوره', 'فخر', 'فخرنا', 'عزیز', 'العزیز', 'الشجاع', 'شجاع', 'المغوار', 'الهمام', 'القاید الکبیر', 'الرجل العظیم', 'عظیم',
      'رحمه الله', 'رحمک الله', 'الله یرحمه', 'رحم الله', 'طیب الله ثراه', 'قدس سره', 'سلام علیه', 'السلام علیک', 'نحبک', 'نحن نحبک', 'تحیه', 'تحیه الی', 'المجد', 'المجد لـ',
      'لن ننساک', 'لن ننسی', 'شکرا', 'سیدی', 'مولای', 'قدوه', 'رمز المقاومه', 'تاج راسنا', 'حامی',
    ],
    any: ['eexflower', 'eexdove', 'eexpray', 'eexheart', 'eexlion', 'eexsalute', 'eexcrown', 'eexmuscle'],
  },
  martyrdom: {
    en: ['martyr', 'martyrs', 'martyred', 'martyrdom', 'shaheed', 'shahid', 'the martyr', 'martyr of', 'great martyr', 'martyr commander', 'became a martyr', 'attained martyrdom'],
    fa: ['شهید', 'شهدا', 'شهیدان', 'شهادت', 'شهادتش', 'سید الشهدا', 'شهید سلیمانی', 'شهید حاج قاسم', 'شهید والامقام', 'شهید بزرگوار', 'شهید مقاومت', 'به شهادت رسید', 'شهادت طلب', 'سردار شهید'],
    ar: ['شهید', 'الشهید', 'شهدا', 'الشهدا', 'شهداء', 'الشهداء', 'الشهاده', 'استشهاد', 'استشهد', 'الشهید القاید', 'القاید الشهید', 'شهید القدس', 'سید شهداء', 'ارتقی شهیدا', 'نال الشهاده'],
  },
  eternal_life: {
    en: ['immortal', 'eternal', 'lives forever', 'live forever', 'lives on', 'will live', 'never die', 'never dies', 'forever in our hearts', 'in our hearts', 'alive in', 'his path continues', 'path continues'],
    fa: ['جاودانه', 'جاوید', 'همیشه زنده', 'زنده است', 'زنده هستی', 'در قلب ما', 'در قلبها', 'نمیمیرد', 'راهش ادامه دارد', 'ماندگار', 'جاودان'],
    ar: ['الخالد', 'خالدا', 'حی فینا', 'باق', 'باقیه', 'لا یموت', 'فی قلوبنا', 'الی الابد', 'خلود', 'مسیرته مستمره'],
  },
  revenge: {
    en: ['revenge', 'avenge', 'avenged', 'vengeance', 'retaliation', 'blood will be avenged', 'death to america', 'death to israel', 'we will avenge', 'pay the price', 'harsh revenge', 'hard revenge'],
    fa: ['انتقام', 'انتقام سخت', 'انتقام خون', 'خونخواهی', 'مرگ بر آمریکا', 'مرگ بر امریکا', 'مرگ بر اسراییل', 'تقاص', 'انتقام میگیریم', 'انتقامش'],
    ar: ['انتقام', 'الانتقام', 'ثار', 'الثار', 'الثار لـ', 'سننتقم', 'الموت لامریکا', 'الموت لاسراییل', 'دمه لن یذهب', 'الرد قادم', 'لن یذهب هدرا', 'ثارنا'],
  },
  allegiance: {
    en: ['i stand with', 'we stand with', 'stand with', 'follow his path', 'soldier of', 'soldiers of', 'i wish i could join', 'loyal to', 'labbaik', 'labbayk', 'at your service'],
    fa: ['لبیک', 'لبیک یا', 'سرباز', 'سربازان', 'سرباز راه', 'ادامه دهنده راه', 'پیرو راه', 'همه سلیمانی', 'ما ادامه میدهیم', 'پای راهش', 'بیعت', 'حامی', 'حمایت میکنیم', 'کاش من هم'],
    ar: ['لبیک', 'لبیک یا', 'نحن معک', 'علی العهد', 'علی نهجه', 'نهجه', 'جنود', 'جندی', 'نبایع', 'مع المقاومه', 'الوفاء', 'نسیر علی دربه', 'علی دربه'],
  },
  imperative_call: {
    en: ['join', 'donate', 'fund', 'support', 'enlist', 'back', 'help', 'send'],
    fa: [],
    ar: [],
  },
  recruitment: {
    en: ['join the ranks', 'join the resistance', 'join the mujahideen', 'join the caliphate', 'join the jihad', 'come and join', 'join now', 'join today', 'join us', 'enlist', 'sign up', 'volunteers needed', 'answer the call', 'hijrah', 'make hijrah', 'take up arms'],
    fa: ['بپیوندید', 'بپیوند', 'ثبت نام', 'ثبتنام', 'داوطلب', 'اعزام به', 'به ما بپیوندید', 'عضو شوید', 'نیرو میگیرد', 'به صف'],
    ar: ['انضموا', 'التحقوا', 'انفروا', 'النفیر', 'هاجروا', 'الهجره الی', 'تطوعوا', 'سجلوا', 'کن معنا', 'انضموا الی'],
  },
  funding: {
    en: ['donate to', 'send money', 'financial support', 'bitcoin', 'crypto wallet', 'paypal', 'wallet address', 'give zakat', 'sponsor a fighter'],
    fa: ['کمک مالی', 'کمکهای مالی', 'اهدا', 'اهدای', 'واریز', 'شماره حساب', 'شماره کارت', 'حمایت مالی', 'پول بفرستید', 'کمک کنید', 'بیت کوین'],
    ar: ['تبرعوا', 'التبرع', 'ادعموا', 'الدعم المالی', 'ارسلوا', 'رقم الحساب', 'جهزوا', 'تجهیز', 'تجهیز غاز', 'انفقوا', 'زکاه', 'بیتکوین', 'محفظه'],
  },
  arming: {
    en: ['send weapons', 'arm them', 'arm the', 'weapons for', 'rockets for', 'supply arms', 'build bombs', 'how to make'],
    fa: ['سلاح بفرستید', 'مسلح کنید'],
    ar: ['سلحوا'],
  },
  first_person_org: {
    en: [
      'we the soldiers of', 'we the soldiers', 'we soldiers of', 'we the mujahideen', 'we the fighters', 'our fighters', 'our brigades', 'our mujahideen', 'our operation', 'our operations',
      'we claim responsibility', 'we announce', 'we declare', 'we hereby', 'official statement', 'statement from', 'statement by', 'our commander', 'our organisation', 'our organization', 'our movement', 'our men', 'our forces',
      'we will strike', 'we warn', 'our response',
    ],
    fa: ['ما سربازان', 'ما رزمندگان', 'رزمندگان ما', 'نیروهای ما', 'عملیات ما', 'اعلام میکنیم', 'هشدار میدهیم', 'بیانیه', 'اطلاعیه', 'بر عهده میگیریم', 'ما فرزندان'],
    ar: ['نحن جنود', 'نحن المجاهدون', 'مجاهدونا', 'مقاتلونا', 'ابطالنا', 'عملیتنا', 'نعلن', 'نتبنی', 'تتبنی', 'بیان صادر عن', 'بیان رسمی', 'بلاغ عسکری', 'نحذر', 'قواتنا'],
  },
  condemnation: {
    en: [
      'terrorist', 'terrorists', 'terror', 'terrorism', 'murderer', 'murderers', 'butcher', 'killer', 'mass murderer', 'war criminal', 'criminal', 'criminals', 'thug', 'evil',
      'good riddance', 'justice served', 'jihad is not', 'the killing of civilians', 'justice was served', 'justice has been served', 'rot in hell', 'burn in hell', 'in hell', 'blood on his hands', 'monster', 'tyrant', 'deserved it',
      'glad he is dead', 'glad he s dead', 'world is better', 'world is safer', 'no tears', 'shed no tears', 'barbaric', 'brutal', 'atrocities', 'oppressor',
      'not a hero', 'no hero', 'was no hero', 'is no hero', 'not a martyr', 'no martyr', 'victims', 'his victims', 'slaughter', 'slaughtered', 'killed thousands',
    ],
    fa: [
      'تروریست', 'تروریستها', 'تروریستی', 'جنایتکار', 'جنایتکاران', 'جنایات', 'قاتل', 'قاتلان', 'جلاد', 'آدمکش', 'ادمکش', 'کشتار', 'سرکوبگر', 'به درک', 'درک واصل', 'به سزای اعمالش', 'سزای اعمالش', 'عدالت اجرا شد',
      'دستش به خون', 'خون مردم', 'قاتل مردم', 'قصاب', 'خوشحالیم', 'خوشحالم', 'جهنم', 'به جهنم', 'اشک نمیریزیم', 'قهرمان نیست', 'قهرمان نبود', 'شهید نیست', 'شهید نبود',
      'تبهکار', 'مزدور', 'قربانیان',
    ],
    ar: [
      'ارهابی', 'الارهابی', 'ارهابیه', 'الارهاب', 'ارهاب', 'مجرم', 'المجرم', 'مجرمین', 'قاتل', 'القاتل', 'سفاح', 'السفاح', 'جزار', 'الجزار', 'الی جهنم', 'الی الجحیم', 'العداله تحققت', 'تحققت العداله', 'جهنم', 'الجحیم',
      'نال جزاءه', 'لقی جزاءه', 'جرایمه', 'المیلیشیات', 'مرتزقه', 'ضحایا', 'ضحایاه', 'طاغیه', 'لیس بطلا', 'لیس شهیدا', 'لا نترحم',
    ],
    any: ['eexvomit', 'eexpoo', 'eexfinger', 'eexthumbdown', 'eexclown', 'eexlaugh'],
  },
  attribution: {
    en: [
      'said', 'says', 'say', 'called', 'calls', 'call him', 'called him', 'described', 'describes', 'according to', 'claimed', 'claims', 'chanted', 'chanting', 'hailed', 'hails', 'dubbed', 'labelled', 'labeled',
      'referred to', 'refer to', 'as his supporters', 'his supporters', 'supporters', 'mourners', 'state tv', 'state media', 'state television', 'official media', 'iranian media', 'regime media', 'propaganda',
      'quoted', 'quoting', 'calling him', 'calling her', 'calling them', 'calling it', 'designated', 'designates', 'listed', 'blacklisted', 'branded', 'wrote', 'posted', 'tweeted', 'told', 'reported', 'reports', 'spokesman', 'spokesperson', 'officials', 'they call',
    ],
    fa: [
      'گفت', 'گفته', 'میگوید', 'میگویند', 'به گفته', 'خواند', 'خواندند', 'نامید', 'نامیدند', 'توصیف', 'توصیف کرد', 'اعلام کرد', 'رسانه های دولتی', 'رسانههای دولتی', 'تلویزیون دولتی', 'صدا و سیما', 'حامیان', 'هواداران',
      'عزاداران', 'به نقل از', 'فهرست', 'در فهرست', 'گزارش', 'گزارش داد', 'نوشت', 'ادعا', 'ادعا کرد', 'سر دادند', 'شعار دادند', 'سخنگو', 'مقامات', 'تبلیغات',
    ],
    ar: [
      'قال', 'قالت', 'یقول', 'یقولون', 'وصف', 'وصفت', 'وصفه', 'وصفوه', 'وفقا', 'صنفت', 'صنف', 'تصنیف', 'ادرجت', 'وفقا لـ', 'بحسب', 'حسب', 'نقلت', 'نقلا عن', 'ذکرت', 'ذکر', 'زعم', 'زعمت', 'اعلنت', 'اعلن', 'انصاره', 'مناصروه', 'المشیعون', 'المشیعین',
      'الاعلام الرسمی', 'التلفزیون الرسمی', 'وسایل الاعلام', 'الاعلام الایرانی', 'هتف', 'هتفوا', 'هتافات', 'متحدث', 'المتحدث', 'مسوولون', 'دعایه', 'یسمیه', 'یسمونه', 'اطلق علیه', 'اطلقوا علیه',
    ],
  },
  news: {
    en: [
      'killed', 'was killed', 'killed in', 'drone strike', 'airstrike', 'air strike', 'funeral', 'funerals', 'attended', 'thousands', 'crowds', 'procession', 'stampede', 'reported', 'announced', 'reuters', 'associated press', 'bbc', 'news',
      'according to', 'officials', 'pentagon', 'sanctions', 'sanctioned', 'designated', 'designation', 'analysts', 'analysis', 'anniversary', 'ceremony', 'buried', 'burial', 'held', 'vote', 'parliament', 'report', 'investigation', 'court',
      'tensions', 'escalation', 'ministry', 'statement said', 'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'historian', 'biography', 'born', 'documentary', 'study', 'researchers',
    ],
    fa: [
      'کشته شد', 'کشته', 'حمله پهپادی', 'پهپاد', 'تشییع', 'تشییع جنازه', 'مراسم', 'مراسم تشییع', 'هزاران', 'جمعیت', 'ازدحام', 'گزارش', 'خبرگزاری', 'اعلام شد', 'مقامات', 'تحریم', 'تحریمها', 'سالگرد', 'دفن', 'به خاک سپرده',
      'برگزار شد', 'برگزار', 'پنتاگون', 'روز دوشنبه', 'روز سهشنبه', 'روز چهارشنبه', 'روز پنجشنبه', 'روز جمعه', 'روز شنبه', 'روز یکشنبه', 'به گزارش', 'تحلیلگران', 'بیبیسی', 'رویترز', 'مجلس', 'دادگاه', 'متولد', 'مستند',
    ],
    ar: [
      'قتل', 'مقتل', 'اغتیال', 'غاره', 'غاره جویه', 'طایره مسیره', 'تشییع', 'جنازه', 'مراسم', 'الالاف', 'آلاف', 'حشود', 'افادت', 'وکاله', 'وکالات', 'مسوولون', 'عقوبات', 'ذکری', 'الذکری', 'دفن', 'اقیمت', 'البنتاغون', 'یوم الاثنین',
      'یوم الثلاثاء', 'یوم الاربعاء', 'یوم الخمیس', 'یوم الجمعه', 'یوم السبت', 'یوم الاحد', 'رویترز', 'تقریر', 'محللون', 'البرلمان', 'المحکمه', 'ولد', 'وثایقی', 'دراسه',
    ],
  },
  meta_discourse: {
    en: ['glorifying', 'glorify', 'glorification', 'glorified', 'praising', 'praise of', 'posts', 'removed', 'removes', 'takedown', 'taken down', 'instagram', 'facebook', 'twitter', 'platform', 'platforms', 'content', 'moderation', 'community standards', 'policy', 'accounts', 'banned', 'censorship', 'censored', 'deleted', 'propaganda'],
    fa: ['ستایش', 'تمجید', 'پستها', 'پست', 'حذف', 'حذف کرد', 'اینستاگرام', 'فیسبوک', 'توییتر', 'سانسور', 'محتوا', 'حسابها', 'پلتفرم', 'بستن حساب', 'مسدود'],
    ar: ['تمجید', 'تمجد', 'الاشاده', 'منشورات', 'المنشورات', 'حذف', 'حذفت', 'انستغرام', 'انستجرام', 'فیسبوک', 'تویتر', 'المحتوی', 'حسابات', 'الرقابه', 'حظر', 'المنصه', 'المنصات'],
  },
  negation: {
    en: ['not', 'no', 'never', 'isn t', 'wasn t', 'aren t', 'weren t', 'isnt', 'wasnt', 'nothing', 'nor', 'neither', 'hardly', 'don t', 'doesn t', 'didn t', 'dont', 'doesnt', 'didnt', 'nobody', 'far from'],
    fa: ['نه', 'نیست', 'نبود', 'نیستند', 'نبودند', 'نیستی', 'هرگز', 'هیچ', 'نمی', 'نخواهد', 'نبوده', 'نیست و'],
    ar: ['لیس', 'لیست', 'لم', 'لن', 'لا', 'غیر', 'لست', 'لسنا', 'لیسوا', 'ابدا', 'لیس بـ'],
  },
  sarcasm: {
    en: ['so called', 'so-called', 'yeah right', 'lol', 'lmao', 'what a hero', 'some hero', 'hero my', 'hero lol', 'real hero huh', 'great martyr huh', 'huh', 'apparently', 'supposedly', 'air quotes'],
    fa: ['به اصطلاح', 'مثلا', 'مثلاً', 'خنده دار', 'جالبه', 'عجب قهرمانی', 'چه قهرمانی', 'ههه', 'خخخ'],
    ar: ['ما یسمی', 'المزعوم', 'المزعومه', 'یا سلام', 'ههه', 'هههه', 'بطل ورق', 'بطل من ورق', 'ای بطل'],
    any: ['eexroll'],
  },
  entity_domain: {
    en: ['syria', 'syrian', 'iraq', 'iraqi', 'lebanon', 'yemen', 'gaza', 'war', 'militia', 'militias', 'military', 'strike', 'killing', 'killed', 'funeral', 'regime', 'sanctions', 'iran', 'iranian', 'tehran', 'israel', 'america', 'resistance', 'axis of resistance', 'proxy', 'proxies', 'jihad', 'attack', 'attacks'],
    fa: ['سوریه', 'عراق', 'لبنان', 'یمن', 'غزه', 'جنگ', 'نظامی', 'کشته', 'تشییع', 'جنازه', 'رژیم', 'تحریم', 'ایران', 'آمریکا', 'امریکا', 'اسراییل', 'مقاومت', 'محور مقاومت', 'نیابتی', 'حمله'],
    ar: ['سوریا', 'السوریین', 'العراق', 'لبنان', 'الیمن', 'غزه', 'الحرب', 'عسکری', 'مقتل', 'اغتیال', 'تشییع', 'جنازه', 'النظام', 'عقوبات', 'طهران', 'ایران', 'امریکا', 'اسراییل', 'المقاومه', 'محور المقاومه', 'المیلیشیات', 'هجوم'],
  },
  sports_entertainment: {
    en: ['football', 'footballer', 'goal', 'goals', 'scored', 'scores', 'match', 'club', 'league', 'player', 'midfielder', 'striker', 'coach', 'film', 'actor', 'actress', 'movie', 'cinema', 'series', 'singer', 'album', 'song', 'season', 'team', 'stadium', 'fc', 'transfer', 'wrestler', 'volleyball', 'chess', 'novel', 'painter', 'professor', 'dr', 'doctor', 'my neighbour', 'my neighbor', 'my teacher', 'my friend', 'classmate'],
    fa: ['فوتبال', 'فوتبالیست', 'بازیکن', 'باشگاه', 'فیلم', 'بازیگر', 'سریال', 'لیگ', 'خواننده', 'مربی', 'تیم', 'ورزشگاه', 'استقلال', 'پرسپولیس', 'کشتی', 'والیبال', 'آلبوم', 'آهنگ', 'دکتر', 'استاد', 'همسایه', 'معلم', 'دوستم', 'همکلاسی', 'رمان', 'نقاش', 'کارگردان'],
    ar: ['کره القدم', 'لاعب', 'اللاعب', 'هدف', 'الهدف', 'نادی', 'النادی', 'الدوری', 'مباراه', 'المباراه', 'فیلم', 'ممثل', 'الممثل', 'مسلسل', 'مطرب', 'المدرب', 'فریق', 'الفریق الریاضی', 'الملعب', 'اغنیه', 'الدکتور', 'استاذ', 'جاری', 'صدیقی', 'روایه', 'مخرج'],
  },
};
