/**
 * Throughput of `takedown classify` (the classifier itself, one core): posts per second over a
 * mix of real Persian and Arabic sentences (../shared/data/text, when present: UD Seraji and PUD)
 * and the labelled policy set (every post names or nearly names a designated entity, the slow
 * path). Run: `npx tsx bench/classify.ts [N]` (default 200,000 posts). Prints one JSON line with
 * posts per wall-clock second and per CPU second (the fair figure on a shared, loaded machine).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PostClassifier } from '../src/policy/index.ts';

const n = Number(process.argv[2] ?? 200_000);
const texts: string[] = [];
const labelled = path.resolve(process.cwd(), 'test/fixtures/policy/labelled.jsonl');
for (const line of readFileSync(labelled, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
const shared = path.resolve(process.cwd(), '../shared/data/text');
for (const f of ['fa_seraji_test_sentences.jsonl', 'ar_pud_sentences.jsonl']) {
  const p = path.join(shared, f);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { text: string; text_en?: string };
    texts.push(o.text);
    if (o.text_en) texts.push(o.text_en);
  }
}
const classifier = PostClassifier.default();
// Warm-up so the JIT has compiled the hot paths.
for (let i = 0; i < 5_000; i++) classifier.classify({ id: String(i), text: texts[i % texts.length] as string });
let violating = 0;
let chars = 0;
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
for (let i = 0; i < n; i++) {
  const text = texts[i % texts.length] as string;
  chars += text.length;
  if (classifier.classify({ id: String(i), text }).violating) violating++;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    bench: 'classify',
    posts: n,
    distinctTexts: texts.length,
    meanChars: Math.round(chars / n),
    seconds: Number(secs.toFixed(3)),
    postsPerSecond: Math.round(n / secs),
    // On a shared machine wall time includes waiting for the CPU; CPU time does not.
    cpuSeconds: Number(cpuSecs.toFixed(3)),
    postsPerCpuSecond: Math.round(n / cpuSecs),
    violating,
    node: process.version,
  }),
);
