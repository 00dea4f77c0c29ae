/**
 * Optional real sentences (JSON lines `{"lang", "text", "text_en"?}`, e.g. Universal Dependencies
 * treebank sentences) mixed into organic posts, so that text detectors meet real Persian and
 * Arabic rather than only the generator's templates. Without a corpus the embedded templates are
 * used alone; with the same corpus the output stays deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../model/index.ts';
import type { Lang } from './vocabulary.ts';

export type TextCorpus = Record<Lang, string[]>;

/** Longest sentence kept: posts stay within the 280-character limit. */
const MAX_CHARS = 280;

/** Reads every *.jsonl file of `dir` (sorted by name, so the result does not depend on the file system). */
export function loadTextCorpus(dir: string): TextCorpus {
  const corpus: TextCorpus = { en: [], fa: [], ar: [] };
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch (e) {
    throw inputError(
      `Cannot read the text corpus folder ${dir}`,
      'Give a folder holding .jsonl files of {"lang", "text"} lines.',
      e,
    );
  }
  if (files.length === 0) throw inputError(`The text corpus folder ${dir} holds no .jsonl file`);
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let row: { lang?: unknown; text?: unknown; text_en?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        continue;
      }
      addSentence(corpus, row.lang, row.text);
      addSentence(corpus, 'en', row.text_en);
    }
  }
  return corpus;
}

function addSentence(corpus: TextCorpus, lang: unknown, text: unknown): void {
  if ((lang !== 'en' && lang !== 'fa' && lang !== 'ar') || typeof text !== 'string') return;
  const t = text.trim();
  if (t.length > 0 && t.length <= MAX_CHARS) corpus[lang].push(t);
}
