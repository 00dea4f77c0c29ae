#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than any file under web/src
// (run by `npm install`/`npm ci` through the prepare script, and by the test suite's global setup).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = join(root, 'web');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when web/dist/index.html is missing or older than the sources. */
export function isWebStale() {
  const built = join(web, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newest(join(web, 'src')),
    statSync(join(web, 'index.html')).mtimeMs,
    statSync(join(web, 'vite.config.ts')).mtimeMs,
  );
  return sources > statSync(built).mtimeMs;
}

/** Runs vite build; throws when it fails. */
export function buildWeb() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    // e.g. `npm ci --omit=dev`: the app cannot be built here; takedown serve says so on its page.
    process.stderr.write('takedown: vite is not installed; skipping the web app build\n');
    return false;
  }
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') || isWebStale()) buildWeb();
}
