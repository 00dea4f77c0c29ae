import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = path.resolve(process.cwd(), 'bin/takedown.js');

describe('takedown coshare (command line)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'takedown-coshare-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the pairs CSV and a JSON summary; names missing columns with exit code 1', async () => {
    const input = path.join(dir, 'shares.csv');
    writeFileSync(
      input,
      'url,user,post,time\nu1,a,p1,100\nu1,b,p2,104\nu2,a,p3,200\nu2,b,p4,230\nu2,c,p5,231\n',
    );
    const out = path.join(dir, 'pairs.csv');
    const { stdout } = await run(process.execPath, [
      CLI, 'coshare', '--input', input, '--object-column', 'url', '--account-column', 'user',
      '--content-column', 'post', '--time-column', 'time', '--window', '5', '--min-participation', '1', '--out', out,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ rows: 5, shares: 5, pairs: 2, accounts: 3 });
    expect(readFileSync(out, 'utf8')).toBe(
      'object_id,content_id,content_id_y,time_delta,account_id,account_id_y\nu1,p1,p2,4,a,b\nu2,p4,p5,1,b,c\n',
    );
    const failed = await run(process.execPath, [CLI, 'coshare', '--input', input, '--out', out]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/object_id, account_id, content_id, timestamp_share are missing/);
  });
});
