import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateLabelled, formatEvaluation, parseLabelled } from '../rules/evaluate-labelled.ts';
import { PostClassifier } from './post-classifier.ts';

const LABELLED = path.resolve(process.cwd(), 'test/fixtures/policy/labelled.jsonl');
const posts = parseLabelled(readFileSync(LABELLED, 'utf8'), LABELLED);
const classifier = PostClassifier.default();
const evaluation = evaluateLabelled(classifier, posts);

describe('the labelled evaluation set', () => {
  it('has at least 150 posts: 60 English, 45 Persian, 45 Arabic, over every label', () => {
    const by = (lang: string) => posts.filter((p) => p.lang === lang).length;
    expect(posts.length).toBeGreaterThanOrEqual(150);
    expect(by('en')).toBeGreaterThanOrEqual(60);
    expect(by('fa')).toBeGreaterThanOrEqual(45);
    expect(by('ar')).toBeGreaterThanOrEqual(45);
    for (const lang of ['en', 'fa', 'ar']) {
      expect(new Set(posts.filter((p) => p.lang === lang).map((p) => p.label)).size, lang).toBe(7);
    }
  });

  it('keeps precision and recall of `violating` at 0.9 or more in each language', () => {
    const report = formatEvaluation(evaluation);
    for (const lang of ['en', 'fa', 'ar']) {
      const v = evaluation.violatingByLang[lang];
      expect(v, report).toBeDefined();
      expect(v?.precision, `${lang} precision\n${report}`).toBeGreaterThanOrEqual(0.9);
      expect(v?.recall, `${lang} recall\n${report}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('never marks a sentence of a news article about removed glorification as violating', () => {
    const article = posts.filter((p) => p.id.includes('-article-'));
    expect(article.length).toBeGreaterThanOrEqual(5);
    for (const p of article) {
      const v = classifier.classify(p);
      expect(v.violating, `${p.id}: ${p.text}\n${v.reasons.join('\n')}`).toBe(false);
    }
  });

  it('explains every violating verdict with the entity, its designation and the rule', () => {
    for (const p of posts) {
      const v = classifier.classify(p);
      if (!v.violating) continue;
      expect(v.entities.length, p.id).toBeGreaterThan(0);
      expect(v.entities[0]?.designations.join(' '), p.id).toMatch(/OFAC-SDN|UN|team/);
      expect(v.reasons[0], p.id).toMatch(/^rule [a-z-]+ → (glorification|support|representation)/);
    }
  });
});

describe('news article sentences (hand-written, beyond the set)', () => {
  const sentences = [
    'Instagram removed posts glorifying dead Iranian terrorist Qassem Soleimani.',
    'Instagram said it was removing posts that praise Soleimani, the IRGC-Quds Force commander, because US sanctions designate him a terrorist.',
    'Iranian journalists said their accounts were suspended after they posted pictures of General Soleimani with the word martyr.',
    'The company says it must comply with US sanctions on the Islamic Revolutionary Guard Corps.',
    'Critics of the policy say mourning Soleimani is not the same as supporting terrorism.',
  ];
  it.each(sentences)('%s', (s) => {
    expect(classifier.classify({ id: 's', text: s, lang: 'en' }).violating).toBe(false);
  });
});

const TEXT = path.resolve(process.cwd(), '../shared/data/text');
const haveText = existsSync(path.join(TEXT, 'fa_seraji_test_sentences.jsonl')) && existsSync(path.join(TEXT, 'ar_pud_sentences.jsonl'));

describe.skipIf(!haveText)('real sentences from ../shared/data/text, UD Persian Seraji and Arabic PUD with English (skipped when that folder is absent)', () => {
  it('flags none of 2,600 ordinary news and encyclopedia sentences as violating', () => {
    const flagged: string[] = [];
    let n = 0;
    for (const f of ['fa_seraji_test_sentences.jsonl', 'ar_pud_sentences.jsonl']) {
      for (const line of readFileSync(path.join(TEXT, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const o = JSON.parse(line) as { id: string; text: string; text_en?: string };
        for (const text of [o.text, o.text_en]) {
          if (text === undefined) continue;
          n++;
          if (classifier.classify({ id: o.id, text }).violating) flagged.push(`${o.id}: ${text}`);
        }
      }
    }
    expect(n).toBeGreaterThan(2500);
    expect(flagged).toEqual([]);
  });
});
