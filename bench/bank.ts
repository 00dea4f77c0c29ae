/**
 * Hash-bank index at scale: 1,000,000 random PDQ hashes, 1,000 queries (three in four are an
 * indexed hash with 0–40 bits flipped, one in four random), radius 31. Checks that the
 * multi-index-hashing search returns exactly what a brute-force scan returns for every query,
 * and prints build time and query latency (mean, p50, p99). Seeded: the same hashes every run.
 * Run: `npx tsx bench/bank.ts [--hashes 1000000] [--queries 1000] [--radius 31]`.
 */
import { PdqIndex } from '../src/media/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const N = arg('hashes', 1_000_000);
const Q = arg('queries', 1_000);
const RADIUS = arg('radius', 31);

let state = 0x9e3779b9;
function next(): number {
  // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

const words = new Uint32Array(N * 8);
for (let i = 0; i < words.length; i++) words[i] = next();

const queries: Uint32Array[] = [];
for (let q = 0; q < Q; q++) {
  if (q % 4 === 3) {
    queries.push(Uint32Array.from({ length: 8 }, () => next()));
    continue;
  }
  const id = next() % N;
  const h = words.slice(id * 8, id * 8 + 8);
  const flips = q % 41;
  const chosen = new Set<number>();
  while (chosen.size < flips) chosen.add(next() & 255);
  for (const b of chosen) h[b >>> 5]! ^= 1 << (b & 31);
  queries.push(h);
}

let t0 = performance.now();
const index = PdqIndex.fromWords(words);
const buildMs = performance.now() - t0;

const latencies: number[] = [];
const fastResults: number[][] = [];
for (const q of queries) {
  t0 = performance.now();
  const hits = index.search(q, RADIUS);
  latencies.push(performance.now() - t0);
  fastResults.push(hits.map((h) => h.id).sort((a, b) => a - b));
}

t0 = performance.now();
let mismatches = 0;
let truePairs = 0;
for (let k = 0; k < queries.length; k++) {
  const brute = index.scan(queries[k]!, RADIUS).map((h) => h.id).sort((a, b) => a - b);
  truePairs += brute.length;
  if (JSON.stringify(brute) !== JSON.stringify(fastResults[k])) mismatches++;
}
const bruteMs = (performance.now() - t0) / queries.length;

latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
console.log(
  JSON.stringify({
    bench: 'bank-index',
    hashes: N,
    queries: Q,
    radius: RADIUS,
    buildSeconds: Number((buildMs / 1000).toFixed(2)),
    queryMsMean: Number((latencies.reduce((a, b) => a + b, 0) / latencies.length).toFixed(3)),
    queryMsP50: Number(pct(0.5).toFixed(3)),
    queryMsP99: Number(pct(0.99).toFixed(3)),
    bruteForceMsPerQuery: Number(bruteMs.toFixed(1)),
    neighboursFound: truePairs,
    queriesDifferingFromBruteForce: mismatches,
    heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
if (mismatches > 0) process.exitCode = 1;
