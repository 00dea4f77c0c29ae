/** Entry point of the `takedown` command: runs the program and turns errors into messages. */
import { CommanderError } from 'commander';
import { isTakedownError } from '../model/index.ts';
import { buildProgram } from './program.ts';

// A reader that closes early (`takedown classify … | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has already printed its message (or the help text).
      return e.exitCode;
    }
    if (isTakedownError(e)) {
      process.stderr.write(`takedown: ${e.title}\n`);
      if (e.detail && (verbose || e.code === 'input' || e.code === 'usage')) process.stderr.write(`${e.detail}\n`);
      else if (e.detail && e.code === 'store') {
        // DuckDB's own message (out of memory, disk full, a constraint) is what the operator
        // needs; the statement follows with --verbose.
        process.stderr.write(`${e.detail.split('\n')[0]}\n(run again with --verbose for the statement)\n`);
      }
      if (verbose && e.stack) process.stderr.write(`${e.stack}\n`);
      return e.code === 'usage' ? 2 : 1;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`takedown: internal error: ${err.message}\n`);
    if (verbose) process.stderr.write(`${err.stack ?? ''}\n`);
    else process.stderr.write('(run again with --verbose for details)\n');
    return 70;
  }
}

process.exitCode = await main(process.argv);

// For benchmarks: TAKEDOWN_STATS=1 prints this process's peak memory and CPU time on stderr as JSON.
if (process.env['TAKEDOWN_STATS'] === '1') {
  const u = process.resourceUsage();
  process.stderr.write(
    `TAKEDOWN_STATS ${JSON.stringify({ maxRssBytes: u.maxRSS * 1024, userCpuMs: Math.round(u.userCPUTime / 1000), systemCpuMs: Math.round(u.systemCPUTime / 1000) })}\n`,
  );
}
