import type { Command } from 'commander';
import { dihedralHashes, hashImageFile, type PdqResize } from '../media/index.ts';
import { inputError, isTakedownError, usageError } from '../model/index.ts';

const RESIZES: readonly PdqResize[] = ['none', 'thumbnail', 'cpp'];

/** `takedown hash IMAGE...`: PDQ hash, quality and path per image, one line each. */
export function registerHash(program: Command): void {
  program
    .command('hash')
    .description('print the PDQ perceptual hash of images: HEX64 QUALITY PATH per image')
    .argument('<images...>', 'image files (JPEG, PNG, WebP, GIF, TIFF, AVIF)')
    .option('--resize <mode>', "reduction of large images: none (full resolution, default), thumbnail (like the Python reference), cpp (512×512 squash of the C++ CLI)", 'none')
    .option('--dihedral', 'also print the hashes of the 7 rotations and flips, derived from the DCT (name=HEX after the path)')
    .action(async (images: string[], opts: { resize: string; dihedral?: boolean }) => {
      if (!RESIZES.includes(opts.resize as PdqResize)) throw usageError(`--resize must be one of ${RESIZES.join(', ')}, got '${opts.resize}'`);
      const resize = opts.resize as PdqResize;
      let failed = 0;
      // A few images in flight keep libvips' threads busy; output stays in argument order.
      const width = 4;
      const pending = images.map((p) => ({ path: p, result: undefined as Promise<unknown> | undefined }));
      const start = (i: number): void => {
        const item = pending[i];
        if (item) item.result = hashImageFile(item.path, { resize }).then((r) => r, (e: unknown) => e);
      };
      for (let i = 0; i < Math.min(width, pending.length); i++) start(i);
      for (let i = 0; i < pending.length; i++) {
        const item = pending[i]!;
        const r = await item.result;
        start(i + width);
        if (r instanceof Error || isTakedownError(r)) {
          failed++;
          process.stderr.write(`takedown hash: ${isTakedownError(r) ? r.title : (r as Error).message}\n`);
          continue;
        }
        const res = r as Awaited<ReturnType<typeof hashImageFile>>;
        let line = `${res.hash} ${res.quality} ${item.path}`;
        if (opts.dihedral) {
          const d = dihedralHashes(res.dct);
          line += ' ' + Object.entries(d).filter(([k]) => k !== 'original').map(([k, v]) => `${k}=${v}`).join(' ');
        }
        process.stdout.write(line + '\n');
      }
      if (failed > 0) throw inputError(`${failed} of ${images.length} images could not be hashed (see the messages above)`);
    });
}
