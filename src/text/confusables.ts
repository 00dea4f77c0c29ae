/**
 * Folding of look-alike characters, in the spirit of the Unicode confusables skeleton (UTS #39):
 * NFKD without marks, then Cyrillic/Greek/other letters that look Latin mapped to Latin, and
 * (optionally) leetspeak digits and symbols to letters. Used to match "S0leimani", "Ѕоlеіmаnі"
 * (Cyrillic) and "ｓｏｌｅｉｍａｎｉ" (fullwidth, via NFKD) to "soleimani".
 */

const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o',
  р: 'p', ѕ: 's', т: 't', у: 'y', х: 'x', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', г: 'r', п: 'n', л: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  ω: 'w', μ: 'u', ς: 's', σ: 'o',
  // Latin look-alikes
  ı: 'i', ɩ: 'i', ʟ: 'l', ɡ: 'g', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ħ: 'h', ŀ: 'l',
};

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't', '€': 'e', '£': 'l',
};

export interface FoldOptions {
  /** Also map leetspeak digits and symbols (default true). Off for handles, whose digits matter. */
  leet?: boolean;
}

/** Lower-cased skeleton of `text` with confusable letters folded to Latin (and leetspeak undone). */
export function foldConfusables(text: string, options: FoldOptions = {}): string {
  const decomposed = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of decomposed) {
    const c = CONFUSABLE[ch];
    if (c !== undefined) out += c;
    else if (options.leet !== false && LEET[ch] !== undefined) out += LEET[ch];
    else out += ch;
  }
  return out;
}
