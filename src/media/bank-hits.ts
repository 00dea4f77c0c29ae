/** Bank hits per post image, kept for the review queue (table `media_bank_hits`). */
import type { Store } from '../store/index.ts';
import { BankMatcher } from './bank.ts';
import { PDQ_MATCH_THRESHOLD, PDQ_QUALITY_THRESHOLD } from './pdq.ts';

export interface BankHitsResult {
  images: number;
  /** Images below quality 50, not matched. */
  lowQuality: number;
  hits: number;
  postsHit: number;
}

/**
 * Matches every post image in `media_hashes` (quality ≥ 50) against the banks and replaces the
 * rows of `media_bank_hits` with the result (one row per image and bank hash within `threshold`).
 */
export async function matchMediaAgainstBanks(
  store: Store,
  options: { threshold?: number; banks?: readonly string[]; nowMs?: number } = {},
): Promise<BankHitsResult> {
  const threshold = options.threshold ?? PDQ_MATCH_THRESHOLD;
  const matcher = await BankMatcher.load(store, options.banks ?? []);
  const images = await store.all<{ platform: string; post_id: string; account_id: string; pdq: string; quality: number; path: string }>(
    'SELECT platform, post_id, account_id, pdq, quality, path FROM media_hashes ORDER BY platform, post_id, path',
  );
  const nowMs = options.nowMs ?? Date.now();
  let hits = 0;
  let lowQuality = 0;
  const posts = new Set<string>();
  await store.transaction(async (tx) => {
    await tx.run('DELETE FROM media_bank_hits');
    for (const img of images) {
      if (img.quality < PDQ_QUALITY_THRESHOLD) {
        lowQuality++;
        continue;
      }
      for (const m of matcher.match([img.pdq], threshold)) {
        await tx.run(
          `INSERT INTO media_bank_hits (platform, post_id, account_id, path, pdq, bank, bank_pdq, label, source, distance, matched_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [img.platform, img.post_id, img.account_id, img.path, img.pdq, m.bank, m.pdq, m.label, m.source, m.distance, nowMs],
        );
        hits++;
        posts.add(`${img.platform}\u0000${img.post_id}`);
      }
    }
  });
  return { images: images.length, lowQuality, hits, postsHit: posts.size };
}
