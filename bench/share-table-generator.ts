/**
 * Streams a synthetic CooRTweet share table (object_id, account_id, content_id, timestamp_share)
 * of N rows for benchmarks, with the skew that makes co-share detection expensive on real data:
 * - object popularity is heavy-tailed (Zipf-like: a few objects get thousands of shares, most one
 *   or two), as retweet counts are;
 * - account activity is heavy-tailed (a few hyperactive accounts, many that share once);
 * - each object is born at a random time in a 30-day period and its shares follow after a
 *   Pareto-distributed delay (most within minutes, a long tail over days), so popular objects
 *   come in bursts;
 * - a few planted rings of accounts share the same objects within seconds of each other.
 * Deterministic per seed (a splitmix32 generator); memory stays constant whatever N.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A small seeded PRNG (splitmix32) returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  };
}

export interface ShareTableSummary {
  rows: number;
  accounts: number;
  objects: number;
  plantedAccounts: number;
}

const START = 1_609_459_200; // 2021-01-01T00:00:00Z
const PERIOD = 30 * 86_400;

/** Writes `rows` shares to `path` as CSV (with header), streaming. */
export async function writeShareTable(path: string, rows: number, seed = 1): Promise<ShareTableSummary> {
  const random = createRandom(seed);
  const accounts = Math.max(10, Math.round(rows / 12));
  const objects = Math.max(10, Math.round(rows / 6));
  const births = new Float64Array(Math.min(objects, 5_000_000));
  for (let i = 0; i < births.length; i++) births[i] = START + Math.floor(random() * PERIOD);
  const birthOf = (o: number) => births[o % births.length]!;

  // Planted rings: 10 accounts each, sharing 1 object in 500 within a few seconds of each other.
  const ringSize = 10;
  const rings = Math.max(1, Math.round(rows / 200_000));
  const plantedAccounts = rings * ringSize;

  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let chunk = 'object_id,account_id,content_id,timestamp_share\n';
  let written = 0;
  const push = async (line: string) => {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  };
  while (written < rows) {
    if (random() < 0.002) {
      // A ring action: every member shares one object within ~5 s.
      const ring = Math.floor(random() * rings);
      const object = Math.floor(random() * objects);
      const t = birthOf(object) + Math.floor(random() * 600);
      for (let m = 0; m < ringSize && written < rows; m++) {
        const account = accounts + ring * ringSize + m;
        await push(`o${object},a${account},c${written},${t + Math.floor(random() * 5)}\n`);
        written++;
      }
      continue;
    }
    // Zipf-like popularity and activity by inverse-power sampling.
    const object = Math.floor(objects * Math.pow(random(), 2.2));
    const account = Math.floor(accounts * Math.pow(random(), 1.8));
    // Pareto delay after the object's birth: scale 10 min, shape 1.2 (median ≈ 8 min, long tail).
    const delay = 600 * (Math.pow(1 - random(), -1 / 1.2) - 1);
    const t = Math.floor(birthOf(object) + Math.min(delay, PERIOD));
    await push(`o${object},a${account},c${written},${t}\n`);
    written++;
  }
  if (chunk.length > 0 && !out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { rows, accounts: accounts + plantedAccounts, objects, plantedAccounts };
}
