/** Where the shared real data lives for tests (../shared/data from the project root), or null when absent. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findSharedData(...parts: string[]): string | null {
  const p = path.resolve(process.cwd(), '../shared/data', ...parts);
  return existsSync(p) ? p : null;
}
