import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluateFindings, parseTruth, type Findings } from '../coordination/index.ts';
import { inputError } from '../model/index.ts';
import { printJson } from './common.ts';

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw inputError(`Cannot read ${what} ${path} as JSON`, cause instanceof Error ? cause.message : undefined, cause);
  }
}

/** `takedown evaluate`: scores findings.json against a synth truth.json. */
export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score detect findings against the truth.json of a synthetic sample')
    .requiredOption('--truth <file>', 'truth.json written by takedown synth')
    .requiredOption('--findings <file>', 'findings.json written by takedown detect --out')
    .action((opts: { truth: string; findings: string }) => {
      const truth = parseTruth(readJson(opts.truth, 'the truth file'));
      const findings = readJson(opts.findings, 'the findings file') as Findings;
      if (!Array.isArray(findings.clusters)) throw inputError(`${opts.findings} is not a findings.json: "clusters" is missing`);
      const result = evaluateFindings(truth, findings);
      printJson(result, true);
      if (!Object.values(result.passes).every(Boolean)) process.exitCode = 3;
    });
}
