/** `takedown classify`: label posts (JSONL in, JSONL out) or the store's posts in bulk (--db). */
import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { inputError } from '../model/index.ts';
import { EntityRegistry, loadImportedEntities, loadRules, PostClassifier, MAX_TEXT_CHARS, type Verdict } from '../policy/index.ts';
import { withStore, type Store } from '../store/index.ts';
import { createProgress, printJson } from './common.ts';

interface ClassifyOptions {
  db?: string;
  rules?: string;
  explain?: boolean;
}

/** Buffered stdout writer that waits when the pipe is full. */
function createWriter(): { write: (s: string) => boolean; flush: () => Promise<void> } {
  let buf: string[] = [];
  let size = 0;
  const drain = () => new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  async function flush(): Promise<void> {
    if (buf.length === 0) return;
    const chunk = buf.join('');
    buf = [];
    size = 0;
    if (!process.stdout.write(chunk)) await drain();
  }
  return {
    /** Buffers a line; true when the buffer should be flushed. */
    write(s: string) {
      buf.push(s);
      size += s.length;
      return size > 1 << 16;
    },
    flush,
  };
}

function toPublicVerdict(v: Verdict, explain: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: v.id, violating: v.violating, label: v.label, entities: v.entities, reasons: v.reasons };
  if (explain) {
    out.rule = v.rule;
    out.actions = v.actions;
  }
  return out;
}

async function classifyStream(classifier: PostClassifier, input: NodeJS.ReadableStream, explain: boolean): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out = createWriter();
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line.length > MAX_TEXT_CHARS * 4 ? '' : line) as Record<string, unknown>;
    } catch {
      bad++;
      process.stderr.write(`line ${lineNo}: not a JSON object (skipped)\n`);
      continue;
    }
    const id = rec.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof rec.text !== 'string') {
      bad++;
      process.stderr.write(`line ${lineNo}: needs "id" and "text" (skipped)\n`);
      continue;
    }
    const v = classifier.classify({
      id: String(id),
      text: rec.text,
      lang: typeof rec.lang === 'string' ? rec.lang : undefined,
      account: typeof rec.account === 'object' && rec.account !== null ? (rec.account as Record<string, unknown>) : undefined,
      signals: Array.isArray(rec.signals) ? rec.signals.filter((s): s is string => typeof s === 'string') : undefined,
    });
    if (out.write(JSON.stringify(toPublicVerdict(v, explain)) + '\n')) await out.flush();
  }
  await out.flush();
  if (bad > 0) process.stderr.write(`${bad} line(s) skipped\n`);
}

/** Classifies every post of the store into policy_results; returns the summary. */
export async function classifyStore(store: Store, classifier: PostClassifier): Promise<Record<string, unknown>> {
  const started = Date.now();
  const progress = createProgress();
  const byLabel: Record<string, number> = {};
  const byEntity: Record<string, number> = {};
  let n = 0;
  let violating = 0;
  // Posts are read in rowid ranges and results appended after each range: DuckDB's appender and
  // a live result stream on one connection do not mix (a flush ends the stream).
  await store.run('DELETE FROM policy_results');
  const bounds = await store.one<{ n: number; hi: number | null }>('SELECT count(*) AS n, max(rowid) AS hi FROM posts');
  const total = bounds?.n ?? 0;
  const hi = bounds?.hi ?? -1;
  const CHUNK = 50_000;
  for (let lo = 0; lo <= hi; lo += CHUNK) {
    const rows = await store.all<{ platform: string; post_id: string; account_id: string; text: string | null; language: string | null }>(
      'SELECT platform, post_id, account_id, text, language FROM posts WHERE rowid >= $1 AND rowid < $2',
      [lo, lo + CHUNK],
    );
    const app = await store.appender('policy_results');
    const now = BigInt(Date.now());
    for (const r of rows) {
      const v = classifier.classify({ id: r.post_id, text: r.text ?? '', lang: r.language ?? undefined });
      app.appendVarchar(r.platform);
      app.appendVarchar(r.post_id);
      app.appendVarchar(r.account_id);
      app.appendBoolean(v.violating);
      app.appendVarchar(v.label);
      app.appendVarchar(JSON.stringify(v.entities));
      app.appendVarchar(JSON.stringify(v.reasons));
      app.appendBigInt(now);
      app.endRow();
      n++;
      byLabel[v.label] = (byLabel[v.label] ?? 0) + 1;
      if (v.violating) violating++;
      for (const e of v.entities) byEntity[e.id] = (byEntity[e.id] ?? 0) + 1;
    }
    app.flushSync();
    app.closeSync();
    progress.update({ label: 'classify', done: n, total, unit: 'posts' });
  }
  progress.done({ label: 'classify', done: n, total, unit: 'posts' });
  const seconds = (Date.now() - started) / 1000;
  return { db: store.path, posts: n, violating, byLabel, byEntity, seconds, postsPerSecond: Math.round(n / Math.max(seconds, 1e-3)) };
}

/** Builds the classifier: built-in registry plus entities imported into the store (when given). */
export async function buildClassifier(rulesPath: string | undefined, store?: Store): Promise<PostClassifier> {
  const rules = loadRules(rulesPath);
  const imported = store === undefined ? [] : await loadImportedEntities(store);
  return new PostClassifier(imported.length > 0 ? EntityRegistry.withImported(imported) : EntityRegistry.builtin(), rules);
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description(
      'label posts: glorification, support, representation (violating) or news_reporting, condemnation, neutral, unrelated.\n' +
        'Reads {"id","text","lang"?} JSON lines from FILE or stdin and writes {"id","violating","label","entities","reasons"} lines;\n' +
        'with --db and no FILE, labels every post of the store into policy_results and prints a JSON summary.',
    )
    .argument('[file]', "JSONL file of posts, or '-' for stdin")
    .option('--db <path>', 'DuckDB database: its imported entities are used; without FILE its posts are classified')
    .option('--rules <file>', 'rules YAML (default: the shipped default-rules.yaml)')
    .option('--explain', 'add the deciding rule and its actions to each line')
    .action(async (file: string | undefined, opts: ClassifyOptions) => {
      if (opts.db !== undefined && file === undefined) {
        await withStore(opts.db, async (store) => {
          const classifier = await buildClassifier(opts.rules, store);
          printJson(await classifyStore(store, classifier), true);
        });
        return;
      }
      const classifier = opts.db !== undefined ? await withStore(opts.db, (s) => buildClassifier(opts.rules, s)) : await buildClassifier(opts.rules);
      let input: NodeJS.ReadableStream = process.stdin;
      if (file !== undefined && file !== '-') {
        const stream = createReadStream(file);
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', (e) => reject(inputError(`Cannot read ${file}`, e.message, e)));
        });
        input = stream;
      }
      await classifyStream(classifier, input, opts.explain === true);
    });
}
