/**
 * PDQ throughput: hashes N one-megapixel JPEGs (generated with sharp in a temp dir: smooth
 * gradients plus blurred noise, quality 85, like photos) on W worker threads, and prints
 * images/s. Run: `npx tsx bench/pdq.ts [--images 200] [--workers 2] [--resize none|thumbnail|cpp]`.
 * Also prints the distances to the reference hashes when ../shared/data/pdq is present.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { hashImageFile, hexDistance, type PdqResize } from '../src/media/index.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const N = Number(arg('images', '200'));
const WORKERS = Number(arg('workers', '2'));
const RESIZE = arg('resize', 'none') as PdqResize;
const W = 1200;
const H = 834; // 1.0 megapixel

async function makeImages(dir: string, n: number): Promise<string[]> {
  const files: string[] = [];
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const distinct = Math.min(n, 20);
  for (let k = 0; k < distinct; k++) {
    const px = Buffer.alloc(W * H * 3);
    const fx = 1 + rnd() * 6;
    const fy = 1 + rnd() * 6;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const o = (y * W + x) * 3;
        const base = 128 + 80 * Math.sin((x / W) * fx * Math.PI) * Math.cos((y / H) * fy * Math.PI);
        px[o] = Math.max(0, Math.min(255, base + (rnd() - 0.5) * 60));
        px[o + 1] = Math.max(0, Math.min(255, base * 0.8 + (rnd() - 0.5) * 60));
        px[o + 2] = Math.max(0, Math.min(255, 255 - base + (rnd() - 0.5) * 60));
      }
    }
    const file = path.join(dir, `img-${k}.jpg`);
    await sharp(px, { raw: { width: W, height: H, channels: 3 } }).blur(1.2).jpeg({ quality: 85 }).toFile(file);
    files.push(file);
  }
  // Copies under other names: the hasher reads each file anew, so this measures decode + hash.
  for (let k = distinct; k < n; k++) {
    const file = path.join(dir, `img-${k}.jpg`);
    fs.copyFileSync(files[k % distinct]!, file);
    files.push(file);
  }
  return files;
}

// Each worker loads the hasher, hashes one image to warm up, says 'ready', waits for 'go',
// then hashes its share: the timed part is the steady state, not module loading.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  const m = await import(workerData.module);
  await m.hashImageFile(workerData.warmup, { resize: workerData.resize });
  parentPort.once('message', async () => {
    let done = 0;
    for (const f of workerData.files) { await m.hashImageFile(f, { resize: workerData.resize }); done++; }
    parentPort.postMessage(done);
  });
  parentPort.postMessage('ready');
})();
`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'takedown-pdq-bench-'));
  try {
    const files = await makeImages(dir, N);
    sharp.concurrency(1); // one libvips thread per worker: the workers are the parallelism
    const chunks: string[][] = Array.from({ length: WORKERS }, () => []);
    files.forEach((f, i) => chunks[i % WORKERS]!.push(f));
    const tsx = import.meta.resolve('tsx/esm/api');
    const module = import.meta.resolve('../src/media/index.ts');
    const workers = chunks.map((c) => new Worker(WORKER_CODE, { eval: true, workerData: { files: c, warmup: files[0], tsx, module, resize: RESIZE } }));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
      ),
    );
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const counts = await Promise.all(
      workers.map(
        (w) =>
          new Promise<number>((resolve, reject) => {
            w.once('message', (n: number) => resolve(n));
            w.once('error', reject);
            w.postMessage('go');
          }),
      ),
    );
    for (const w of workers) void w.terminate();
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    const total = counts.reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        bench: 'pdq',
        images: total,
        megapixels: (W * H) / 1e6,
        workers: WORKERS,
        resize: RESIZE,
        cpus: os.cpus().length,
        seconds: Number(secs.toFixed(2)),
        imagesPerSecond: Number((total / secs).toFixed(1)),
        cpuMsPerImage: Number(((1000 * cpuSecs) / total).toFixed(1)),
        // What the workers would reach with the cores to themselves (the machine may be shared).
        imagesPerSecondIfCoresIdle: Number(((WORKERS * total) / cpuSecs).toFixed(1)),
        loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
        note: 'steady state: timed after each worker has loaded the hasher and hashed one image',
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const pdqDir = path.resolve(process.cwd(), '../shared/data/pdq');
  const csv = path.join(pdqDir, 'EXPECTED_HASHES.csv');
  if (fs.existsSync(csv)) {
    let worst = 0;
    for (const line of fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1)) {
      const [image = '', hash = '', , impl = ''] = line.split(',');
      const ours = await hashImageFile(path.join(pdqDir, image), { resize: impl.includes('python') ? 'thumbnail' : 'none' });
      const d = hexDistance(ours.hash, hash);
      worst = Math.max(worst, d);
      console.log(`${String(d).padStart(3)}  ${image}  (${impl})`);
    }
    console.log(`worst distance to the reference hashes: ${worst}`);
  }
}

await main();
