import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldConfusables, normaliseText, tokenise, unifyScript } from './index.ts';

describe('normaliseText', () => {
  it('drops case, punctuation, emoji, URLs, mentions and extra space', () => {
    expect(normaliseText('RT @bob: BREAKING!!  Read https://t.co/x?y=1 now 🔥🔥 @alice #News')).toBe('breaking read now news');
  });

  it('unifies Arabic and Persian letter variants, diacritics, tatweel and digits', () => {
    // Arabic yeh/kaf vs Persian yeh/keheh
    expect(normaliseText('كتاب علي')).toBe(normaliseText('کتاب علی'));
    // diacritics and tatweel
    expect(normaliseText('شَهِيـــد')).toBe(normaliseText('شهید'));
    // Persian and Arabic-Indic digits
    expect(normaliseText('۱۴۰۲ و ١٤٠٢')).toBe('1402 و 1402');
    // ZWNJ present or missing
    expect(normaliseText('می‌روم')).toBe(normaliseText('میروم'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
    );
  });

  it('tokenises to words', () => {
    expect(tokenise('  Hello,   world! ')).toEqual(['hello', 'world']);
    expect(tokenise('!!!')).toEqual([]);
  });

  it('unifyScript leaves Latin text alone', () => {
    expect(unifyScript('Hello 123')).toBe('Hello 123');
  });
});

describe('foldConfusables', () => {
  it('folds leetspeak, Cyrillic look-alikes and fullwidth forms', () => {
    expect(foldConfusables('S0leimani')).toBe('soleimani');
    expect(foldConfusables('Ѕоlеіmаnі')).toBe('soleimani');
    expect(foldConfusables('ｓｏｌｅｉｍａｎｉ')).toBe('soleimani');
    expect(foldConfusables('Solé')).toBe('sole');
  });

  it('keeps digits when leet is off', () => {
    expect(foldConfusables('bob_1984', { leet: false })).toBe('bob_1984');
  });
});

describe('hashed handles', () => {
  it('drops a whole base64-hashed handle in RT prefixes and mentions', () => {
    expect(normaliseText('RT @ab+c/D=: hello @x/y+z= world')).toBe('hello world');
  });
});
