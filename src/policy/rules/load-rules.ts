/**
 * Loads and validates a rules file. Errors are for people: they name the rule (by name and
 * index) and the field, e.g. "rule 'support-call' (rules[2]) field when.all[1].lexicon: unknown
 * lexicon 'recruitmnet'".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { inputError } from '../../model/index.ts';
import { LEXICONS } from '../lexicons/lexicons.ts';
import { rulesFileSchema, type Condition, type RulesFile } from './rule-schema.ts';

export const DEFAULT_RULES_PATH = fileURLToPath(new URL('./default-rules.yaml', import.meta.url));

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function describeIssue(doc: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rules = (doc as { rules?: unknown[] }).rules;
    const rule = rules?.[path[1]] as { name?: unknown } | undefined;
    const name = typeof rule?.name === 'string' ? `'${rule.name}'` : '(unnamed)';
    const field = formatPath(path.slice(2)) || '(the rule)';
    return `rule ${name} (rules[${path[1]}]) field ${field}: ${issue.message}`;
  }
  return `field ${formatPath(path) || '(top level)'}: ${issue.message}`;
}

function collectLexicons(c: Condition, out: { names: string[]; path: string }[], path: string): void {
  if ('all' in c) c.all.forEach((x, i) => collectLexicons(x, out, `${path}.all[${i}]`));
  else if ('any' in c) c.any.forEach((x, i) => collectLexicons(x, out, `${path}.any[${i}]`));
  else if ('not' in c) collectLexicons(c.not, out, `${path}.not`);
  else if ('lexicon' in c) out.push({ names: typeof c.lexicon === 'string' ? [c.lexicon] : c.lexicon, path: `${path}.lexicon` });
}

/** Parses and validates rules YAML text; `origin` names the file in messages. */
export function parseRules(text: string, origin: string): RulesFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (cause) {
    throw inputError(`The rules file ${origin} is not valid YAML`, cause instanceof Error ? cause.message : String(cause), cause);
  }
  const result = rulesFileSchema.safeParse(doc);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((i) => describeIssue(doc, i));
    throw inputError(`The rules file ${origin} is invalid: ${lines[0] ?? 'unknown error'}`, lines.join('\n'));
  }
  const rules = result.data;
  const known = new Set([...Object.keys(LEXICONS), ...Object.keys(rules.lexicons)]);
  const problems: string[] = [];
  for (const n of [...rules.stance.pro, ...rules.stance.anti]) if (!known.has(n)) problems.push(`field stance: unknown lexicon '${n}'`);
  const names = new Set<string>();
  rules.rules.forEach((r, i) => {
    if (names.has(r.name)) problems.push(`rule '${r.name}' (rules[${i}]) field name: the name is used twice`);
    names.add(r.name);
    if (r.when === undefined) return;
    const refs: { names: string[]; path: string }[] = [];
    collectLexicons(r.when, refs, 'when');
    for (const ref of refs) for (const n of ref.names) if (!known.has(n)) problems.push(`rule '${r.name}' (rules[${i}]) field ${ref.path}: unknown lexicon '${n}'`);
  });
  if (problems.length > 0) throw inputError(`The rules file ${origin} is invalid: ${problems[0]}`, problems.join('\n'));
  return rules;
}

/** Reads and validates a rules file (the shipped default when `path` is undefined). */
export function loadRules(path?: string): RulesFile {
  const file = path ?? DEFAULT_RULES_PATH;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw inputError(`Cannot read the rules file ${file}`, undefined, cause);
  }
  return parseRules(text, path ?? 'default-rules.yaml');
}
