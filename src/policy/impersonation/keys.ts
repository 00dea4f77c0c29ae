/**
 * Comparison keys for names, handles and bios. Names: NFKC, Persian/Arabic letter unification
 * (shared `unifyScript`), then the UTS #39-style confusable skeleton with leetspeak undone
 * (shared `foldConfusables`), then letters only. Handles: the same skeleton plus the visual
 * confusions of handles (I/l/1 → l, 0 → o, rn → m, vv → w), with separators removed and the
 * added digits and vanity affixes (real-, -official, -news …) peeled off and recorded, so a
 * reason can say what was changed.
 */
import { foldConfusables, unifyScript } from '../../text/index.ts';

const NON_LETTER = /[^\p{L}\p{N}]+/gu;

/** Normalised words of a name or bio: script unified, confusables folded, leetspeak undone. */
export function nameTokens(text: string, leet = true): string[] {
  const s = foldConfusables(unifyScript(text.normalize('NFKC')), { leet }).replace(NON_LETTER, ' ').trim();
  return s === '' ? [] : s.split(/\s+/);
}

/** Titles and vanity words that impostors add to a real name ("Dr.", "MP", "Official"). */
const NAME_NOISE = new Set([
  'dr', 'mr', 'mrs', 'ms', 'rep', 'sen', 'hon', 'prof', 'official', 'real', 'the', 'mp', 'news', 'tv', 'account', 'page',
  'congressman', 'congresswoman', 'senator', 'journalist', 'reporter', 'candidate', 'minister', 'ambassador', 'for', 'congress',
  'دکتر', 'مهندس', 'حاج', 'سید', 'رسمی', 'صفحه', 'حساب', 'خبرنگار', 'نماینده', 'وزیر',
  'الدکتور', 'دکتور', 'د', 'الرسمی', 'الحساب', 'الصفحه', 'الرسمیه', 'النایب', 'الوزیر', 'الصحفی', 'الاعلامی', 'الشیخ',
].map((w) => nameTokens(w).join(' ')));

/** Name tokens without titles and vanity words (the person's name proper). */
export function coreNameTokens(text: string): string[] {
  return nameTokens(text).filter((t) => !NAME_NOISE.has(t) && !/^\d+$/.test(t));
}

// Visual confusions inside handles: applied after lower-casing, so capital I and small l agree.
const HANDLE_VISUAL: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/[1i|!]/g, 'l'],
  [/0/g, 'o'],
  [/3/g, 'e'],
  [/4|@/g, 'a'],
  [/5|\$/g, 's'],
  [/7/g, 't'],
  [/8/g, 'b'],
];

const HANDLE_PREFIXES = ['real', 'official', 'the', 'its', 'iam', 'im', 'mr', 'dr', 'rep', 'sen', 'hon'];
const HANDLE_SUFFIXES = ['official', 'offical', 'real', 'news', 'tv', 'hq', 'team', 'office', 'online', 'media', 'live', 'updates', 'org', 'fa', 'ar', 'en', 'persian', 'arabic', 'mp', 'gov'];

/** A handle reduced to its look-alike skeleton, with what was peeled off. */
export interface HandleKey {
  raw: string;
  /** Lower case, '@' dropped. */
  lower: string;
  /** Visual skeleton of the whole handle without separators (digits inside kept as letters). */
  skeleton: string;
  /** Skeleton with added digits and vanity affixes removed. */
  core: string;
  addedDigits: boolean;
  separators: boolean;
  affixes: string[];
}

function visual(s: string): string {
  let v = foldConfusables(s, { leet: false });
  for (const [re, to] of HANDLE_VISUAL) v = v.replace(re, to);
  return v;
}

/** The comparison key of a handle (see the file header). */
export function handleKey(handle: string): HandleKey {
  const lower = handle.normalize('NFKC').replace(/^@/, '').toLowerCase();
  const separators = /[_.-]/.test(lower);
  const plain = lower.replace(/[_.-]+/g, '');
  // Digits at the ends are "added digits" (john_smith2024), not leetspeak (j0hnsmith).
  const trimmed = plain.replace(/^\d+|\d+$/g, '');
  const addedDigits = trimmed !== plain && trimmed.length > 0;
  let core = visual(trimmed.length > 0 ? trimmed : plain);
  const affixes: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of HANDLE_PREFIXES) {
      const vp = visual(p);
      if (core.startsWith(vp) && core.length - vp.length >= 4) {
        core = core.slice(vp.length);
        affixes.push(p);
        changed = true;
      }
    }
    for (const sfx of HANDLE_SUFFIXES) {
      const vs = visual(sfx);
      if (core.endsWith(vs) && core.length - vs.length >= 4) {
        core = core.slice(0, core.length - vs.length);
        affixes.push(sfx);
        changed = true;
      }
    }
  }
  return { raw: handle, lower, skeleton: visual(plain), core, addedDigits, separators, affixes };
}

/** The skeleton of a name as a handle would spell it ("Hassan Rouhani" → "hassanrouhani"), visual-folded. */
export function nameAsHandle(tokens: readonly string[]): string {
  return visual(tokens.join(''));
}

function phrases(list: string[]): string[][] {
  return list.map((p) => nameTokens(p, false));
}

/** True when the token sequence `needle` occurs in `hay`. */
export function containsPhrase(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Declarations that an account is not the person: parody, fan, commentary, satire, unofficial,
 * not affiliated — in English, Persian and Arabic (platform parody policies ask for these words).
 */
export const DECLARATIONS = phrases([
  'parody', 'parody account', 'satire', 'satirical', 'fan account', 'fan page', 'fanpage', 'fan club', 'fans', 'fan', 'a fan of', 'commentary',
  'commentary account', 'not affiliated', 'unaffiliated', 'unofficial', 'not official', 'not the real', 'no affiliation', 'tribute', 'fake account', 'impersonation',
  'طنز', 'پارودی', 'هوادار', 'هواداران', 'هواداری', 'فن پیج', 'فنپیج', 'غیر رسمی', 'غیررسمی', 'وابسته نیست', 'ارتباطی ندارد', 'هیچ ارتباطی', 'نقد و طنز', 'صفحه هواداران',
  'ساخر', 'ساخره', 'سخریه', 'محاکاه ساخره', 'معجب', 'معجبین', 'محبی', 'صفحه معجبین', 'غیر رسمی', 'لا یمثل', 'غیر تابع', 'لیس الحساب الرسمی', 'حساب ساخر', 'نقد ساخر',
]);

/** Role words per role family, in the three languages (after normalisation). */
export const ROLE_CLAIMS: Record<string, string[][]> = {
  journalist: phrases([
    'journalist', 'reporter', 'correspondent', 'editor', 'anchor', 'columnist', 'presenter', 'broadcaster',
    'خبرنگار', 'روزنامه نگار', 'روزنامهنگار', 'گزارشگر', 'سردبیر', 'مجری', 'دبیر',
    'صحفی', 'صحفیه', 'مراسل', 'مراسله', 'اعلامی', 'اعلامیه', 'محرر', 'مذیع', 'مذیعه', 'کاتب',
  ]),
  politician: phrases([
    'candidate', 'congressman', 'congresswoman', 'representative', 'senator', 'mp', 'member of parliament', 'running for', 'campaign',
    'district', 'councillor', 'councilman', 'mayor', 'governor', 'minister', 'president', 'vote', 'elect',
    'نماینده', 'نامزد', 'کاندیدا', 'کاندید', 'مجلس', 'سناتور', 'وزیر', 'رئیس جمهور', 'رییس جمهور', 'شهردار', 'استاندار', 'انتخابات',
    'مرشح', 'مرشحه', 'نایب', 'نایبه', 'عضو البرلمان', 'البرلمان', 'مجلس النواب', 'وزیر', 'وزیره', 'محافظ', 'رییس', 'انتخابات', 'سیناتور',
  ]),
  official: phrases([
    'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'ambassador', 'official', 'ministry', 'government', 'governor', 'envoy', 'embassy',
    'وزیر', 'سخنگو', 'سفیر', 'سفارت', 'وزارت', 'دولت', 'استاندار', 'معاون',
    'وزیر', 'متحدث', 'المتحدث', 'سفیر', 'السفیر', 'سفاره', 'وزاره', 'الحکومه', 'محافظ',
  ]),
  outlet: phrases([
    'news', 'breaking', 'agency', 'media', 'tv', 'channel', 'network', 'newspaper', 'broadcast',
    'خبرگزاری', 'خبر', 'اخبار', 'رسانه', 'شبکه', 'روزنامه', 'فوری',
    'وکاله', 'قناه', 'اخبار', 'الاخباریه', 'عاجل', 'صحیفه', 'شبکه',
  ]),
};

/** Claims of being the official or verified account, for any role. */
export const OFFICIAL_CLAIMS = phrases([
  'official account', 'official page', 'official twitter', 'verified', 'the real', 'the official', 'personal account', 'my official',
  'حساب رسمی', 'صفحه رسمی', 'اکانت رسمی', 'صفحه شخصی', 'حساب شخصی',
  'الحساب الرسمی', 'الصفحه الرسمیه', 'الحساب الشخصی', 'حساب رسمی',
]);

/** Which role family an identity's role belongs to (candidate → politician, etc.). */
export function roleFamily(role: string): string {
  const r = role.toLowerCase();
  if (/journalist|reporter|correspondent|editor|anchor|columnist|presenter/.test(r)) return 'journalist';
  if (/candidate|politician|mp|congress|senator|representative|mayor|member/.test(r)) return 'politician';
  if (/official|minister|ambassador|spokes|government|diplomat/.test(r)) return 'official';
  if (/outlet|media|news|agency|broadcaster|channel|newspaper/.test(r)) return 'outlet';
  return r;
}
