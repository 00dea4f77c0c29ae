/** Builds the `takedown` command line: one file per command, each registering itself here. */
import { Command } from 'commander';
import { registerDbInfo } from './db-info.ts';
import { registerDemo } from './demo.ts';
import { registerHash } from './hash.ts';
import { registerBank } from './bank.ts';
import { registerImpersonation } from './impersonation.ts';
import { registerStateMedia } from './state-media.ts';
import { registerExport } from './export.ts';
import { registerReport } from './report.ts';
import { registerSynth } from './synth.ts';
import { registerIngest } from './ingest.ts';
import { registerCoShare } from './coshare.ts';
import { registerDetect } from './detect.ts';
import { registerEvaluate } from './evaluate.ts';
import { registerClassify } from './classify.ts';
import { registerRegistry } from './registry.ts';
import { registerRules } from './rules.ts';
import { registerCase } from './case.ts';
import { registerAudit } from './audit.ts';
import { registerServe } from './serve.ts';
import { registerUser } from './user.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('takedown')
    .description(
      'Find state-backed influence operations and terrorist-glorifying content in social-media data, ' +
        'and carry a takedown from tip-off to public report. Start with `takedown demo`.',
    )
    .option('--verbose', 'print stack traces and internal details on errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });

  registerDemo(program);
  registerSynth(program);
  registerIngest(program);
  registerCoShare(program);
  registerDetect(program);
  registerEvaluate(program);
  registerClassify(program);
  registerRegistry(program);
  registerRules(program);
  registerHash(program);
  registerBank(program);
  registerImpersonation(program);
  registerStateMedia(program);
  registerReport(program);
  registerExport(program);
  registerCase(program);
  registerAudit(program);
  registerServe(program);
  registerUser(program);
  registerDbInfo(program);
  return program;
}
