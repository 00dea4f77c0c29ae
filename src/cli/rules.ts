/** `takedown rules test|check`: score a rules file on a labelled set; validate a rules file. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { inputError } from '../model/index.ts';
import { EntityRegistry, evaluateLabelled, formatEvaluation, loadRules, parseLabelled, PostClassifier } from '../policy/index.ts';
import { printJson } from './common.ts';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw inputError(`Cannot read ${file}`, undefined, cause);
  }
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('team-editable classification rules (YAML)');
  rules
    .command('test')
    .description('classify a labelled JSONL set ({"id","text","lang","label"}) with RULES.yaml; print the confusion matrix, per-label and per-language figures')
    .argument('<rules>', "rules YAML ('default' for the shipped rules)")
    .argument('<labelled>', 'labelled JSONL')
    .option('--json', 'print the evaluation as JSON')
    .option('--errors', 'also list the misclassified posts with their reasons')
    .action((rulesFile: string, labelled: string, opts: { json?: boolean; errors?: boolean }) => {
      const classifier = new PostClassifier(EntityRegistry.builtin(), loadRules(rulesFile === 'default' ? undefined : rulesFile));
      const evaluation = evaluateLabelled(classifier, parseLabelled(readText(labelled), labelled));
      if (opts.json) {
        printJson(opts.errors ? evaluation : { ...evaluation, errors: evaluation.errors.length }, true);
        return;
      }
      process.stdout.write(formatEvaluation(evaluation) + '\n');
      if (opts.errors) {
        process.stdout.write(`\n${evaluation.errors.length} misclassified\n`);
        for (const e of evaluation.errors) process.stdout.write(`  ${e.id} [${e.lang}] expected ${e.expected}, got ${e.got}: ${e.text}\n    ${e.reasons.join(' | ')}\n`);
      }
    });
  rules
    .command('check')
    .description('validate a rules file; errors name the rule and the field')
    .argument('<rules>', 'rules YAML')
    .action((rulesFile: string) => {
      const r = loadRules(rulesFile);
      printJson({ file: rulesFile, valid: true, rules: r.rules.map((x) => ({ name: x.name, priority: x.priority, label: x.label })) }, true);
    });
}
