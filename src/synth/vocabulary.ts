/**
 * The generator's own small vocabularies and sentence templates in English, Persian and Arabic.
 * Embedded so that a fresh clone generates without any outside data. Slots are written {name}.
 */

export type Lang = 'en' | 'fa' | 'ar';
export const LANGS: readonly Lang[] = ['en', 'fa', 'ar'];

export interface LangVocabulary {
  /** Everyday chatter templates (organic originals). */
  chatter: readonly string[];
  /** News-style templates (personas, operations, news sharing). */
  news: readonly string[];
  /** Short reply templates. */
  replies: readonly string[];
  slots: Record<string, readonly string[]>;
  /** Trending-topic style hashtags, without '#'. */
  hashtags: readonly string[];
  /** Words an editor swaps in copy-paste variants (pairs of near-synonyms). */
  synonyms: readonly (readonly [string, string])[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Latin transliterations used for handles, parallel to firstNames/lastNames. */
  firstLatin: readonly string[];
  lastLatin: readonly string[];
  bios: readonly string[];
  locations: readonly string[];
}

const EN: LangVocabulary = {
  chatter: [
    'just had the best {food} in {city}, honestly {feeling}',
    'why is {thing} always broken when I need it most',
    'can not believe {team} {result} tonight, {feeling}',
    'morning walk in {city}, the weather is {weather} today',
    'anyone else watching {show}? the last episode was {feeling}',
    'reading a book about {topic} and it is {feeling}',
    'my {relative} just told me about {topic}, what do you think',
    'traffic in {city} is {weather} again, I am late for work',
    'new phone, who dis. {thing} works great so far',
    'coffee first, then {topic}. that is the plan for {day}',
    'happy birthday to my {relative}, love you so much',
    'the {food} at my {relative}s place is unbeatable',
    'studying for exams all {day}, send {food} please',
    'what a game! {team} {result} and the crowd went wild',
    'it is {weather} in {city} and I forgot my umbrella',
    'thinking about moving to {city} next year, any advice?',
    'that moment when {thing} finally works after three hours',
    'listening to old songs and feeling {feeling} tonight',
  ],
  news: [
    '{official} says talks with {country} on {topic} will resume next week',
    'breaking: {count} people injured after {event} in {city}, officials say',
    'report: {country} plans new sanctions over {topic}',
    'protesters gather in {city} demanding answers on {topic}',
    '{official} warns of {event} as tensions with {country} rise',
    'analysis: what the {topic} deal means for {country} and the region',
    'prices of {food} jump in {city} as {topic} crisis deepens',
    'exclusive: leaked documents show {country} knew about {event} in {city}',
    'elections in {country}: {count} candidates approved to run, {official} says',
    'the truth about {topic} that the media in {country} will not tell you',
  ],
  replies: [
    'totally agree', 'this is so true', 'no way!', 'thanks for sharing', 'source?',
    'I do not think so', 'exactly what I said yesterday', 'haha same', 'well said', 'so sad to hear this',
  ],
  slots: {
    food: ['pizza', 'kebab', 'falafel', 'rice', 'pasta', 'cake', 'soup', 'tea', 'coffee'],
    city: ['London', 'Toronto', 'Berlin', 'Dubai', 'Istanbul', 'New York', 'Paris', 'Los Angeles', 'Sydney'],
    feeling: ['amazing', 'terrible', 'so good', 'heartbreaking', 'unreal', 'hilarious', 'boring', 'wild'],
    thing: ['the wifi', 'my laptop', 'the printer', 'the bus', 'the elevator', 'my car', 'the app'],
    team: ['Chelsea', 'Barcelona', 'Liverpool', 'Real Madrid', 'the Lakers', 'Juventus', 'Bayern'],
    result: ['won', 'lost', 'drew', 'came back', 'collapsed'],
    weather: ['sunny', 'awful', 'freezing', 'rainy', 'perfect', 'crazy'],
    show: ['the new series', 'the documentary', 'the final', 'that cooking show'],
    topic: ['climate change', 'the economy', 'history', 'football', 'space', 'the elections', 'oil prices', 'nuclear talks'],
    relative: ['mom', 'dad', 'sister', 'brother', 'cousin', 'grandma', 'best friend'],
    day: ['Monday', 'the weekend', 'today', 'tomorrow', 'Friday'],
    official: ['the foreign minister', 'the president', 'a senior official', 'the spokesman', 'the UN envoy'],
    country: ['Iran', 'Iraq', 'Saudi Arabia', 'the US', 'Israel', 'Syria', 'Lebanon', 'Yemen', 'Russia', 'the UK'],
    event: ['an explosion', 'a protest', 'a blackout', 'a strike', 'an attack', 'floods', 'an earthquake'],
    count: ['12', '25', 'dozens of', 'hundreds of', '3', '40'],
  },
  hashtags: ['news', 'breaking', 'football', 'weather', 'music', 'travel', 'food', 'tech', 'economy', 'Monday', 'photography', 'love'],
  synonyms: [
    ['says', 'claims'], ['people', 'civilians'], ['new', 'fresh'], ['warns', 'cautions'], ['plans', 'prepares'],
    ['demanding', 'seeking'], ['truth', 'reality'], ['leaked', 'secret'], ['rise', 'grow'], ['jump', 'soar'],
  ],
  firstNames: ['James', 'Sarah', 'Michael', 'Emily', 'David', 'Olivia', 'Daniel', 'Sophie', 'Chris', 'Laura', 'Ryan', 'Anna', 'Mark', 'Julia', 'Tom', 'Kate'],
  lastNames: ['Smith', 'Brown', 'Wilson', 'Taylor', 'Clark', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Miller', 'Evans'],
  firstLatin: [],
  lastLatin: [],
  bios: [
    'Coffee lover. Dog person. Opinions are my own.',
    'Engineer | runner | dad',
    'Journalist covering the Middle East. RT ≠ endorsement.',
    'Student of life 🌍',
    'Football, films and food.',
    'Nurse, mother, gardener.',
    'Writing about politics, tech and everything in between.',
    'Photographer 📷 based in {city}',
  ],
  locations: ['London, England', 'Toronto, Canada', 'New York, USA', 'California', 'Berlin', 'Sydney', 'Texas, USA', 'Dublin', 'Earth'],
};

const FA: LangVocabulary = {
  chatter: [
    'امروز هوای {city} {weather} بود و کلی پیاده‌روی کردم',
    'یکی از بهترین {food}‌های عمرم رو توی {city} خوردم',
    'چرا {thing} همیشه وقتی لازمش دارم خراب میشه',
    'بازی امشب {team} واقعا {feeling} بود',
    'دارم یه کتاب درباره {topic} می‌خونم، خیلی {feeling} است',
    'صبح بخیر دوستان، امروز {day} است و باید کار کنم',
    'تولد {relative} عزیزم مبارک، همیشه شاد باشی',
    'ترافیک {city} امروز دیوانه‌کننده بود',
    'کسی سریال جدید رو دیده؟ قسمت آخرش {feeling} بود',
    'دلم برای {food} مامان تنگ شده',
    'امشب با {relative} رفتیم بیرون، خیلی خوش گذشت',
    'نظرتون درباره {topic} چیه؟',
  ],
  news: [
    '{official} گفت مذاکرات با {country} درباره {topic} هفته آینده ادامه می‌یابد',
    'فوری: {count} نفر در پی {event} در {city} زخمی شدند',
    'گزارش: {country} تحریم‌های تازه‌ای درباره {topic} در نظر دارد',
    'تجمع مردم در {city} برای اعتراض به {topic}',
    '{official} درباره {event} و افزایش تنش با {country} هشدار داد',
    'قیمت {food} در {city} با بحران {topic} دوباره بالا رفت',
    'حقیقت {topic} که رسانه‌های {country} به شما نمی‌گویند',
    'اسناد تازه نشان می‌دهد {country} از {event} در {city} خبر داشت',
  ],
  replies: ['کاملا موافقم', 'دقیقا', 'واقعا؟', 'ممنون از اشتراک', 'منبع؟', 'خیلی ناراحت‌کننده است', 'حرف دل ما', 'عالی بود'],
  slots: {
    food: ['قورمه‌سبزی', 'کباب', 'چای', 'آش', 'پیتزا', 'قهوه', 'زرشک‌پلو'],
    city: ['تهران', 'اصفهان', 'شیراز', 'مشهد', 'تبریز', 'کرج', 'اهواز'],
    weather: ['آفتابی', 'سرد', 'بارانی', 'آلوده', 'عالی', 'گرم'],
    feeling: ['عالی', 'افتضاح', 'غم‌انگیز', 'خنده‌دار', 'باورنکردنی', 'کسل‌کننده'],
    thing: ['اینترنت', 'لپ‌تاپ', 'ماشین', 'گوشی', 'آسانسور'],
    team: ['پرسپولیس', 'استقلال', 'سپاهان', 'تیم ملی', 'تراکتور'],
    topic: ['اقتصاد', 'تاریخ', 'فوتبال', 'انتخابات', 'قیمت دلار', 'برجام', 'محیط زیست'],
    day: ['شنبه', 'جمعه', 'امروز', 'فردا'],
    relative: ['مامان', 'بابا', 'خواهرم', 'برادرم', 'دوستم'],
    official: ['وزیر خارجه', 'رئیس‌جمهور', 'سخنگوی دولت', 'یک مقام ارشد'],
    country: ['ایران', 'عراق', 'عربستان', 'آمریکا', 'اسرائیل', 'سوریه', 'لبنان'],
    event: ['انفجار', 'اعتراضات', 'قطعی برق', 'اعتصاب', 'حمله', 'سیل', 'زلزله'],
    count: ['۱۲', '۲۵', 'ده‌ها', 'صدها', '۳', '۴۰'],
  },
  hashtags: ['ایران', 'تهران', 'فوتبال', 'خبر_فوری', 'اقتصاد', 'دلار', 'سینما', 'موسیقی', 'پرسپولیس', 'استقلال'],
  synonyms: [['گفت', 'اعلام کرد'], ['تازه', 'جدید'], ['مردم', 'شهروندان'], ['هشدار داد', 'اخطار داد'], ['حقیقت', 'واقعیت'], ['اسناد', 'مدارک'], ['افزایش', 'بالا رفتن']],
  firstNames: ['علی', 'مریم', 'رضا', 'زهرا', 'محمد', 'سارا', 'حسین', 'نگار', 'امیر', 'فاطمه', 'مهدی', 'لیلا'],
  lastNames: ['محمدی', 'حسینی', 'احمدی', 'رضایی', 'کریمی', 'موسوی', 'جعفری', 'صادقی', 'رحیمی', 'نوری'],
  firstLatin: ['ali', 'maryam', 'reza', 'zahra', 'mohammad', 'sara', 'hossein', 'negar', 'amir', 'fatemeh', 'mahdi', 'leila'],
  lastLatin: ['mohammadi', 'hosseini', 'ahmadi', 'rezaei', 'karimi', 'mousavi', 'jafari', 'sadeghi', 'rahimi', 'nouri'],
  bios: ['عاشق کتاب و چای', 'دانشجوی مهندسی', 'خبرنگار', 'معلم و مادر', 'فوتبال، سینما، زندگی', 'عکاس 📷', 'اینجا فقط نظر شخصی من است'],
  locations: ['تهران', 'Tehran, Iran', 'اصفهان', 'Shiraz', 'مشهد', 'Iran', 'Toronto', ''],
};

const AR: LangVocabulary = {
  chatter: [
    'الجو اليوم في {city} {weather} جدا',
    'أكلت أطيب {food} في {city} اليوم',
    'لماذا {thing} يتعطل دائما عندما أحتاجه',
    'مباراة {team} الليلة كانت {feeling}',
    'أقرأ كتابا عن {topic} وهو {feeling}',
    'صباح الخير يا أصدقاء، يوم {day} جديد',
    'كل عام وأنت بخير يا {relative}',
    'الزحمة في {city} اليوم لا تطاق',
    'هل شاهد أحدكم المسلسل الجديد؟ الحلقة الأخيرة {feeling}',
    'ما رأيكم في {topic}؟',
    'اشتقت إلى {food} أمي',
  ],
  news: [
    '{official} يقول إن المحادثات مع {country} حول {topic} ستستأنف الأسبوع المقبل',
    'عاجل: إصابة {count} أشخاص إثر {event} في {city}',
    'تقرير: {country} تدرس عقوبات جديدة بسبب {topic}',
    'متظاهرون يتجمعون في {city} احتجاجا على {topic}',
    '{official} يحذر من {event} مع تصاعد التوتر مع {country}',
    'ارتفاع أسعار {food} في {city} مع تفاقم أزمة {topic}',
    'الحقيقة عن {topic} التي لا يخبرك بها إعلام {country}',
    'وثائق مسربة تكشف أن {country} كانت تعلم بـ{event} في {city}',
  ],
  replies: ['أتفق تماما', 'صحيح', 'معقول؟', 'شكرا على المشاركة', 'المصدر؟', 'خبر محزن', 'كلام جميل', 'بالضبط'],
  slots: {
    food: ['الكبسة', 'الفلافل', 'الشاي', 'القهوة', 'المنسف', 'الحمص', 'الشاورما'],
    city: ['بغداد', 'بيروت', 'الرياض', 'دمشق', 'القاهرة', 'دبي', 'عمان'],
    weather: ['مشمس', 'بارد', 'ممطر', 'حار', 'جميل'],
    feeling: ['رائعة', 'سيئة', 'حزينة', 'مضحكة', 'مذهلة', 'مملة'],
    thing: ['الإنترنت', 'الحاسوب', 'السيارة', 'الهاتف', 'المصعد'],
    team: ['الهلال', 'الأهلي', 'الزمالك', 'النصر', 'المنتخب'],
    topic: ['الاقتصاد', 'التاريخ', 'كرة القدم', 'الانتخابات', 'أسعار النفط', 'الاتفاق النووي'],
    day: ['الجمعة', 'السبت', 'اليوم', 'الغد'],
    relative: ['أمي', 'أبي', 'أختي', 'أخي', 'صديقي'],
    official: ['وزير الخارجية', 'الرئيس', 'المتحدث الرسمي', 'مسؤول كبير'],
    country: ['إيران', 'العراق', 'السعودية', 'أمريكا', 'إسرائيل', 'سوريا', 'لبنان', 'اليمن'],
    event: ['انفجار', 'احتجاجات', 'انقطاع الكهرباء', 'إضراب', 'هجوم', 'فيضانات', 'زلزال'],
    count: ['١٢', '٢٥', 'عشرات', 'مئات', '٣', '٤٠'],
  },
  hashtags: ['عاجل', 'العراق', 'لبنان', 'السعودية', 'كرة_القدم', 'اقتصاد', 'أخبار', 'بغداد', 'بيروت', 'رمضان'],
  synonyms: [['يقول', 'يؤكد'], ['جديدة', 'حديثة'], ['أشخاص', 'مواطنين'], ['يحذر', 'ينبه'], ['الحقيقة', 'الواقع'], ['وثائق', 'مستندات'], ['ارتفاع', 'صعود']],
  firstNames: ['محمد', 'أحمد', 'فاطمة', 'علي', 'نور', 'حسن', 'مريم', 'عمر', 'سارة', 'يوسف', 'ليلى', 'خالد'],
  lastNames: ['العلي', 'الحسيني', 'الخطيب', 'منصور', 'حداد', 'الساعدي', 'الجبوري', 'سليمان', 'ناصر', 'الموسوي'],
  firstLatin: ['mohammed', 'ahmed', 'fatima', 'ali', 'nour', 'hassan', 'mariam', 'omar', 'sara', 'youssef', 'layla', 'khaled'],
  lastLatin: ['alali', 'alhusseini', 'alkhatib', 'mansour', 'haddad', 'alsaadi', 'aljubouri', 'suleiman', 'nasser', 'almousawi'],
  bios: ['محب للقراءة والقهوة', 'طالب جامعي', 'صحفي', 'مهندس وأب', 'كرة القدم حياتي ⚽', 'مصور 📷', 'الآراء شخصية'],
  locations: ['بغداد', 'Baghdad, Iraq', 'بيروت', 'Riyadh', 'الرياض', 'Beirut', 'Dubai', ''],
};

export const VOCABULARY: Record<Lang, LangVocabulary> = { en: EN, fa: FA, ar: AR };

/** Everyday emoji sprinkled on organic and operation posts. */
export const EMOJI: readonly string[] = ['😂', '❤️', '🔥', '👏', '🙏', '😢', '😡', '👍', '💯', '🇮🇷', '✌️', '🤔', '😍', '⚽'];

/** Widely shared, well-known news domains (organic link sharing; co-URL traps). */
export const NEWS_DOMAINS: readonly string[] = [
  'www.bbc.com', 'www.reuters.com', 'www.aljazeera.com', 'www.nytimes.com', 'www.theguardian.com', 'apnews.com',
  'www.irna.ir', 'www.isna.ir', 'www.alarabiya.net', 'www.iranintl.com', 'www.radiofarda.com', 'www.youtube.com',
];

/** Words the obscure operation domains are built from. */
export const DOMAIN_WORDS: readonly string[] = [
  'truth', 'voice', 'daily', 'nation', 'free', 'press', 'world', 'insight', 'report', 'mirror', 'herald', 'watch',
  'pulse', 'front', 'view', 'line', 'post', 'wire', 'east', 'west', 'gulf', 'persian', 'arab', 'global',
];
export const DOMAIN_SUFFIXES: readonly string[] = ['.com', '.net', '.info', '.org', '.news', '.online', '.press'];

/** Tracking parameters link farms add to make URLs look different. */
export const TRACKING_PARAMS: readonly string[] = [
  'utm_source=twitter', 'utm_medium=social', 'utm_campaign=share', 'fbclid=IwAR0x', 'utm_source=tw&utm_medium=social', 'ref=tw',
];

/** Clients and their organic shares (the archive's tweet_client_name). */
export const CLIENTS: readonly (readonly [string, number])[] = [
  ['Twitter for iPhone', 0.36],
  ['Twitter for Android', 0.34],
  ['Twitter Web App', 0.18],
  ['Twitter Web Client', 0.04],
  ['Twitter for iPad', 0.03],
  ['TweetDeck', 0.03],
  ['Hootsuite Inc.', 0.01],
  ['IFTTT', 0.005],
  ['dlvr.it', 0.005],
];

/** Real outlets and journalists: organic celebrities, and the identities impersonators copy. */
export const OUTLETS: readonly { name: string; handle: string; lang: Lang }[] = [
  { name: 'BBC News فارسی', handle: 'bbcpersian', lang: 'fa' },
  { name: 'Iran International', handle: 'IranIntl', lang: 'fa' },
  { name: 'رادیو فردا', handle: 'RadioFarda_', lang: 'fa' },
  { name: 'Reuters', handle: 'Reuters', lang: 'en' },
  { name: 'The Associated Press', handle: 'AP', lang: 'en' },
  { name: 'Al Arabiya', handle: 'AlArabiya', lang: 'ar' },
  { name: 'الجزيرة', handle: 'AJArabic', lang: 'ar' },
  { name: 'Sara Hosseini', handle: 'sarahosseini_journo', lang: 'en' },
  { name: 'Omar Haddad', handle: 'omarhaddad_news', lang: 'ar' },
  { name: 'Negar Karimi', handle: 'negarkarimi', lang: 'fa' },
];
