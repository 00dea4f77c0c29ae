/**
 * Hashes the images that posts reference when the files are present: the archive's media layout
 * names each file after its post (`<post_id>.jpg`, `<post_id>_1.png`, …). Each image gets a
 * `media_hashes` row and a `post_objects` row of type `media` whose object id is the hex hash, so
 * the co-sharing machinery sees identical images as the same object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { insertMany } from './insert-many.ts';
import { hashImageFile, type PdqFileOptions } from './pdq-file.ts';
import { PDQ_QUALITY_THRESHOLD } from './pdq.ts';

const IMAGE_FILE = /^(.+?)\.(jpe?g|png|gif|webp|tiff?|avif|heic|bmp)$/i;

export interface MediaIngestResult {
  files: number;
  hashed: number;
  /** Already hashed by an earlier run (same path). */
  skipped: number;
  /** Image files whose name matches no post in the store. */
  unmatched: string[];
  /** Hashed but below quality 50: stored, not used for matching. */
  lowQuality: number;
  failed: { path: string; reason: string }[];
}

/** The post ids a file name may stand for: the whole stem, then the stem without `_N`. */
export function postIdCandidates(fileName: string): string[] {
  const m = IMAGE_FILE.exec(fileName);
  if (!m) return [];
  const stem = m[1]!;
  const out = [stem];
  const suffix = /^(.+)_\d+$/.exec(stem);
  if (suffix) out.push(suffix[1]!);
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile() && IMAGE_FILE.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Hashes the image files in `dir` (recursively) that belong to posts in the store. */
export async function ingestMediaDir(store: Store, dir: string, options: PdqFileOptions & { concurrency?: number } = {}): Promise<MediaIngestResult> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw inputError(`The media folder ${dir} does not exist or is not a folder`);
  const files = listFiles(dir);
  const result: MediaIngestResult = { files: files.length, hashed: 0, skipped: 0, unmatched: [], lowQuality: 0, failed: [] };
  const done = new Set((await store.all<{ path: string }>('SELECT DISTINCT path FROM media_hashes')).map((r) => r.path));

  // Resolve the posts of all candidate ids in one query.
  const candidates = new Map<string, string[]>();
  for (const f of files) candidates.set(f, postIdCandidates(path.basename(f)));
  const ids = [...new Set([...candidates.values()].flat())];
  const posts = new Map<string, { platform: string; post_id: string; account_id: string; time_ms: number }>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows = await store.all<{ platform: string; post_id: string; account_id: string; time_ms: number }>(
      'SELECT platform, post_id, account_id, time_ms FROM posts WHERE list_contains(string_split($1, chr(31)), post_id)',
      [chunk.join('\u001f')],
    );
    for (const r of rows) if (!posts.has(r.post_id)) posts.set(r.post_id, r);
  }

  const work: { file: string; post: { platform: string; post_id: string; account_id: string; time_ms: number } }[] = [];
  for (const f of files) {
    const rel = path.relative(dir, f);
    if (done.has(rel)) {
      result.skipped++;
      continue;
    }
    const post = candidates.get(f)!.map((id) => posts.get(id)).find((p) => p !== undefined);
    if (!post) result.unmatched.push(rel);
    else work.push({ file: f, post });
  }

  const width = Math.max(1, options.concurrency ?? 4);
  const rows: { platform: string; post_id: string; account_id: string; time_ms: number; pdq: string; quality: number; path: string }[] = [];
  for (let i = 0; i < work.length; i += width) {
    const batch = work.slice(i, i + width);
    const hashed = await Promise.all(batch.map((w) => hashImageFile(w.file, options).then((r) => r, (e: unknown) => e as Error)));
    hashed.forEach((h, k) => {
      const w = batch[k]!;
      const rel = path.relative(dir, w.file);
      if (h instanceof Error) result.failed.push({ path: rel, reason: h.message });
      else {
        rows.push({ ...w.post, pdq: h.hash, quality: h.quality, path: rel });
        if (h.quality < PDQ_QUALITY_THRESHOLD) result.lowQuality++;
      }
    });
  }
  await store.transaction(async (tx) => {
    await insertMany(
      tx,
      'media_hashes',
      ['platform', 'post_id', 'account_id', 'time_ms', 'pdq', 'quality', 'path'],
      rows.map((r) => [r.platform, r.post_id, r.account_id, r.time_ms, r.pdq, r.quality, r.path]),
    );
    await insertMany(
      tx,
      'post_objects',
      ['platform', 'post_id', 'account_id', 'time_ms', 'object_type', 'object_id', 'raw'],
      rows.map((r) => [r.platform, r.post_id, r.account_id, r.time_ms, 'media', r.pdq, r.path]),
    );
  });
  result.hashed = rows.length;
  return result;
}
