import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PostClassifier } from '../classify/post-classifier.ts';
import { stripProclitics } from './phrase-trie.ts';
import { tokenisePost } from './post-tokens.ts';

const classifier = PostClassifier.default();
const entityIds = (text: string) => classifier.classify({ id: 't', text }).entities.map((e) => e.id);
const label = (text: string) => classifier.classify({ id: 't', text }).label;

describe('tokenisePost', () => {
  it('splits hashtags at underscores and camel case and flags them', () => {
    const t = tokenisePost('#HardRevenge #انتقام_سخت now');
    expect(t.tokens).toEqual(['hard', 'revenge', 'انتقام', 'سخت', 'now']);
    expect([...t.hashtag]).toEqual([1, 1, 1, 1, 0]);
  });
  it('keeps quotes, sentences and questions as flags, not tokens', () => {
    const t = tokenisePost('State TV called him a "martyr". Was he?');
    expect(t.tokens).toEqual(['state', 'tv', 'called', 'him', 'a', 'martyr', 'was', 'he']);
    expect(t.quoted[5]).toBe(1);
    expect(t.quoted[4]).toBe(0);
    expect(t.sentence[6]).toBe(1);
    expect(t.questions.has(1)).toBe(true);
  });
  it("does not take the apostrophe of Kata'ib or Soleimani's for a quote", () => {
    const t = tokenisePost("Kata'ib Hezbollah and Soleimani's men");
    expect([...t.quoted].every((q) => q === 0)).toBe(true);
  });
  it('folds leetspeak and Cyrillic look-alikes in Latin words', () => {
    expect(tokenisePost('S0leim@ni').tokens).toEqual(['soleimani']);
    expect(tokenisePost('Ѕоlеіmаnі').tokens).toEqual(['soleimani']);
  });
  it('joins Persian words split by a space instead of a ZWNJ, and agrees with ZWNJ and no ZWNJ', () => {
    const a = tokenisePost('سردار دل‌ها').tokens;
    expect(tokenisePost('سردار دلها').tokens).toEqual(a);
    expect(tokenisePost('سردار دل ها').tokens).toEqual(a);
    expect(tokenisePost('می روم').tokens).toEqual(tokenisePost('می‌روم').tokens);
  });
  it('turns praise and condemnation emoji into cue tokens and drops others', () => {
    expect(tokenisePost('🌹🕊️ 🤮 🍕').tokens).toEqual(['eexflower', 'eexdove', 'eexvomit']);
  });
  it('bounds the text it reads', () => {
    expect(tokenisePost('hero '.repeat(10_000)).tokens.length).toBeLessThanOrEqual(4_000);
  });
});

describe('stripProclitics', () => {
  it('removes و ف ل and the article, not bare ب', () => {
    expect(stripProclitics('والشهید')).toContain('الشهید');
    expect(stripProclitics('لحماس')).toContain('حماس');
    expect(stripProclitics('بحماس')).not.toContain('حماس');
  });
});

describe('entity matching', () => {
  it('matches aliases as tokens, never inside another word', () => {
    expect(entityIds('Hamas leaders met in Cairo')).toEqual(['hamas']);
    expect(entityIds('Hamasaki released a new album')).toEqual([]);
    expect(entityIds('the hamas-like tone of the speech')).toEqual(['hamas']);
    expect(entityIds('تحدث اللاعب بحماس عن المباراة')).toEqual([]);
    expect(entityIds('Hizbollahstan is not a word')).toEqual([]);
  });
  it('prefers the longest alias: Kata\'ib Hezbollah is not also Hezbollah', () => {
    expect(entityIds("Kata'ib Hezbollah fired drones")).toEqual(['kataib-hezbollah']);
    expect(entityIds('كتائب حزب الله')).toEqual(['kataib-hezbollah']);
  });
  it('finds Soleimani across spellings and scripts', () => {
    for (const t of ['Qassem Soleimani', 'Qasem Suleimani', 'Ghasem Solaimani', 'Qassim Soleimany', 'Hajj Qassem', 'Sardar Soleimani', 'Sardar-e Delha', 'قاسم سلیمانی', 'حاج قاسم', 'سردار دل‌ها', 'سردار دلها', 'قاسم سليماني', 'الحاج قاسم', 'وقاسم سليماني']) {
      expect(entityIds(t), t).toEqual(['soleimani']);
    }
  });
  it('does not take "Sardar" or "Qassem" alone for Soleimani', () => {
    expect(entityIds('Sardar Patel was a statesman')).toEqual([]);
    expect(entityIds('Naim Qassem gave a speech')).toEqual([]);
  });
  it('takes a bare surname for the entity only with entity context', () => {
    expect(label('Soleimani')).toBe('unrelated');
    expect(label('Soleimani is a legend')).toBe('unrelated');
    expect(label('Soleimani scored twice for his club')).toBe('unrelated');
    expect(entityIds('Soleimani, the Quds Force general')).toContain('soleimani');
    expect(entityIds('#Soleimani')).toEqual(['soleimani']);
  });
  it('reports why a bare surname was not taken', () => {
    const v = classifier.classify({ id: 'x', text: 'Soleimani is a legend' });
    expect(v.reasons.join(' ')).toMatch(/without entity context/);
  });
});

describe('framing and its force', () => {
  it('a mention alone is never a violation', () => {
    for (const t of ['Qassem Soleimani', 'Hezbollah', 'داعش', 'حزب الله', '#Hezbollah', 'ISIS ISIL Daesh']) {
      expect(classifier.classify({ id: 'x', text: t }).violating, t).toBe(false);
    }
  });
  it('praise tied to a designated entity is glorification; praise of anyone else is unrelated', () => {
    expect(label('Qassem Soleimani was a hero')).toBe('glorification');
    expect(label('Grandpa was a hero')).toBe('unrelated');
    expect(label('Salah is a legend')).toBe('unrelated');
  });
  it('negation, quotes, attribution, questions and sarcasm take the force out of praise', () => {
    expect(label('Qassem Soleimani was not a hero')).not.toBe('glorification');
    expect(label('State media called Qassem Soleimani a "martyr"')).toBe('news_reporting');
    expect(label('Was Qassem Soleimani a hero?')).not.toBe('glorification');
    expect(label('Qassem Soleimani a hero lol')).not.toBe('glorification');
    expect(label('سلیمانی قهرمان نبود، یک قاتل بود')).toBe('condemnation');
  });
  it('emoji are praise only next to an entity', () => {
    expect(label('Hajj Qassem 🌹🕊️')).toBe('glorification');
    expect(label('Happy birthday mum 🌹🕊️')).toBe('unrelated');
  });
  it('when praise and condemnation meet, the words nearer the entity decide', () => {
    expect(label('The American terrorists killed our hero, the martyr Qassem Soleimani')).toBe('glorification');
    expect(label('Qassem Soleimani was a terrorist, not the hero his fans imagine')).toBe('condemnation');
  });
  it('classifies any text without throwing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const v = classifier.classify({ id: 'p', text: s });
        return typeof v.violating === 'boolean' && v.reasons.length > 0;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
