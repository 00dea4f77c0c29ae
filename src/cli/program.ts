/** Builds the `takedown` command line: one file per command, each registering itself here. */
import { Command } from 'commander';
import { registerDbInfo } from './db-info.ts';
import { registerHash } from './hash.ts';
import { registerBank } from './bank.ts';
import { registerImpersonation } from './impersonation.ts';
import { registerStateMedia } from './state-media.ts';
import { registerSynth } from './synth.ts';
import { registerIngest } from './ingest.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('takedown')
    .description(
      'Find state-backed influence operations and terrorist-glorifying content in social-media data,\n' +
        'and carry a takedown from tip-off to public report.',
    )
    .option('--verbose', 'print stack traces and internal details on errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });

  registerDbInfo(program);
  registerHash(program);
  registerBank(program);
  registerImpersonation(program);
  registerStateMedia(program);
  registerSynth(program);
  registerIngest(program);
  return program;
}
