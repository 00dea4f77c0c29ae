import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTextCorpus } from './text-corpus.ts';
import { generateSample } from './sample-generator.ts';
import { readCsvRecords } from './test-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'takedown-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text corpus', () => {
  it('reads {"lang","text","text_en"} lines and mixes them into organic posts', () => {
    const corpusDir = join(dir, 'corpus');
    const out = join(dir, 'out');
    rmSync(corpusDir, { recursive: true, force: true });
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(
      join(corpusDir, 'a.jsonl'),
      [
        JSON.stringify({ lang: 'fa', text: 'جمله‌ای واقعی از یک پیکره برای آزمون مولد نمونه' }),
        'not json',
        JSON.stringify({
          lang: 'ar',
          text: 'جملة حقيقية من مدونة نصية لاختبار المولد',
          text_en: 'A real sentence from a corpus to test the generator',
        }),
      ].join('\n'),
    );
    const corpus = loadTextCorpus(corpusDir);
    expect(corpus.fa).toHaveLength(1);
    expect(corpus.ar).toHaveLength(1);
    expect(corpus.en).toEqual(['A real sentence from a corpus to test the generator']);
    generateSample({ outDir: out, seed: 2, accounts: 400, days: 2, corpus: corpusDir });
    const texts = readCsvRecords(join(out, 'tweets.csv')).records.map((r) => r['tweet_text'] ?? '');
    expect(texts.some((t) => t.includes('A real sentence from a corpus'))).toBe(true);
    expect(texts.some((t) => t.includes('جملة حقيقية'))).toBe(true);
  });

  it('says which folder is wrong when it cannot be read', () => {
    expect(() => loadTextCorpus(join(dir, 'missing'))).toThrow(
      /Cannot read the text corpus folder/,
    );
  });
});
