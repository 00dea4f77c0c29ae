/**
 * Scores a classifier on a labelled set (`{"id","text","lang","label"}` lines): the confusion
 * matrix over the seven labels, precision and recall per label, and precision and recall of
 * `violating` per language — the figures the acceptance criteria are stated in.
 */
import { POLICY_LABELS, VIOLATING_LABELS, inputError, type PolicyLabel } from '../../model/index.ts';
import type { PostClassifier, Verdict } from '../classify/post-classifier.ts';

export interface LabelledPost {
  id: string;
  text: string;
  lang: string;
  label: PolicyLabel;
}

export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  /** matrix[expected][predicted] */
  matrix: Record<PolicyLabel, Record<PolicyLabel, number>>;
  perLabel: Record<PolicyLabel, PrecisionRecall>;
  violatingByLang: Record<string, PrecisionRecall & { n: number }>;
  errors: { id: string; lang: string; expected: PolicyLabel; got: PolicyLabel; text: string; reasons: string[] }[];
}

/** Parses labelled JSONL; errors name the line. */
export function parseLabelled(text: string, origin: string): LabelledPost[] {
  const out: LabelledPost[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw inputError(`${origin} line ${i + 1} is not JSON`);
    }
    const o = v as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.label !== 'string' || !(POLICY_LABELS as readonly string[]).includes(o.label)) {
      throw inputError(`${origin} line ${i + 1} needs string id and text and a label among ${POLICY_LABELS.join(', ')}`);
    }
    out.push({ id: o.id, text: o.text, lang: typeof o.lang === 'string' ? o.lang : 'und', label: o.label as PolicyLabel });
  });
  return out;
}

function computePrecisionRecall(tp: number, fp: number, fn: number): PrecisionRecall {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Runs the classifier over the set and scores it. */
export function evaluateLabelled(classifier: PostClassifier, posts: readonly LabelledPost[]): Evaluation {
  const matrix = Object.fromEntries(POLICY_LABELS.map((a) => [a, Object.fromEntries(POLICY_LABELS.map((b) => [b, 0]))])) as Evaluation['matrix'];
  const langs = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
  const errors: Evaluation['errors'] = [];
  let correct = 0;
  for (const p of posts) {
    const v: Verdict = classifier.classify({ id: p.id, text: p.text, lang: p.lang });
    matrix[p.label][v.label]++;
    if (v.label === p.label) correct++;
    else errors.push({ id: p.id, lang: p.lang, expected: p.label, got: v.label, text: p.text, reasons: v.reasons });
    const l = langs.get(p.lang) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
    const want = VIOLATING_LABELS.has(p.label);
    l.n++;
    if (want && v.violating) l.tp++;
    else if (!want && v.violating) l.fp++;
    else if (want && !v.violating) l.fn++;
    langs.set(p.lang, l);
  }
  const perLabel = Object.fromEntries(
    POLICY_LABELS.map((lab) => {
      const tp = matrix[lab][lab];
      const fp = POLICY_LABELS.reduce((s, o) => s + (o === lab ? 0 : matrix[o][lab]), 0);
      const fn = POLICY_LABELS.reduce((s, o) => s + (o === lab ? 0 : matrix[lab][o]), 0);
      return [lab, computePrecisionRecall(tp, fp, fn)];
    }),
  ) as Evaluation['perLabel'];
  const violatingByLang: Evaluation['violatingByLang'] = {};
  for (const [lang, l] of [...langs].sort()) violatingByLang[lang] = { ...computePrecisionRecall(l.tp, l.fp, l.fn), n: l.n };
  return { total: posts.length, accuracy: posts.length === 0 ? 1 : correct / posts.length, matrix, perLabel, violatingByLang, errors };
}

const SHORT: Record<PolicyLabel, string> = {
  glorification: 'glor',
  support: 'supp',
  representation: 'repr',
  news_reporting: 'news',
  condemnation: 'cond',
  neutral: 'neut',
  unrelated: 'unrel',
};

/** A plain-text report: confusion matrix (rows expected, columns predicted), per-label and per-language figures. */
export function formatEvaluation(e: Evaluation): string {
  const f = (x: number) => x.toFixed(3);
  const lines: string[] = [];
  lines.push(`${e.total} posts, accuracy ${f(e.accuracy)}`, '', 'confusion matrix (rows: expected, columns: predicted)');
  lines.push(['expected'.padEnd(15), ...POLICY_LABELS.map((l) => SHORT[l].padStart(6))].join(''));
  for (const a of POLICY_LABELS) lines.push([a.padEnd(15), ...POLICY_LABELS.map((b) => String(e.matrix[a][b]).padStart(6))].join(''));
  lines.push('', 'per label'.padEnd(17) + 'precision  recall  support');
  for (const l of POLICY_LABELS) {
    const p = e.perLabel[l];
    lines.push(`  ${l.padEnd(15)}${f(p.precision).padStart(9)}${f(p.recall).padStart(8)}${String(p.tp + p.fn).padStart(9)}`);
  }
  lines.push('', 'violating per language'.padEnd(17) + '  precision  recall  (tp/fp/fn of n)');
  for (const [lang, p] of Object.entries(e.violatingByLang)) {
    lines.push(`  ${lang.padEnd(15)}${f(p.precision).padStart(11)}${f(p.recall).padStart(8)}  (${p.tp}/${p.fp}/${p.fn} of ${p.n})`);
  }
  return lines.join('\n');
}
