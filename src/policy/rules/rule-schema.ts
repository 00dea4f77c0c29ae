/**
 * The rules file: team-editable YAML in the spirit of Reddit's AutoModerator (conditions over a
 * post, then actions) and Discord's Osprey SML (`Rule(when_all=[…])`, `WhenRules(then=[…])`):
 * every rule whose condition holds fires, and the one with the highest priority gives the label
 * (the first in the file on a tie). Conditions combine entity, lexicon, stance, language, account
 * and signal tests with all/any/not. Validated with zod; errors name the rule and the field.
 */
import { z } from 'zod';
import { POLICY_LABELS } from '../../model/index.ts';

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { entity: EntityTest }
  | { lexicon: string | string[]; near_entity?: boolean; asserted?: boolean | 'any'; min?: number }
  | { stance: string | string[] }
  | { lang: string | string[] }
  | { account: AccountTest }
  | { signal: string | string[] }
  | { flag: 'hashtag_only' | 'sarcasm' | 'has_entity' };

export interface EntityTest {
  id?: string | string[];
  tier?: number | number[];
  designation?: string | string[];
  type?: 'organisation' | 'individual';
}

export interface AccountTest {
  field: string;
  equals?: string | number | boolean;
  in?: (string | number)[];
  gte?: number;
  lte?: number;
}

const entityTest = z
  .object({
    id: stringOrList.optional(),
    tier: z.union([z.number().int(), z.array(z.number().int()).min(1)]).optional(),
    designation: stringOrList.optional(),
    type: z.enum(['organisation', 'individual']).optional(),
  })
  .strict();

const accountTest = z
  .object({
    field: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
  })
  .strict();

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ entity: entityTest }).strict(),
    z
      .object({
        lexicon: stringOrList,
        near_entity: z.boolean().optional(),
        asserted: z.union([z.boolean(), z.literal('any')]).optional(),
        min: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ stance: stringOrList }).strict(),
    z.object({ lang: stringOrList }).strict(),
    z.object({ account: accountTest }).strict(),
    z.object({ signal: stringOrList }).strict(),
    z.object({ flag: z.enum(['hashtag_only', 'sarcasm', 'has_entity']) }).strict(),
  ]),
) as z.ZodType<Condition>;

const lexiconSchema = z
  .object({
    en: z.array(z.string()).default([]),
    fa: z.array(z.string()).default([]),
    ar: z.array(z.string()).default([]),
    any: z.array(z.string()).optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'a rule name is lower-case letters, digits, . _ -'),
    description: z.string().optional(),
    priority: z.number().int().min(0).max(1000),
    when: conditionSchema.optional(),
    label: z.enum(POLICY_LABELS),
    actions: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const rulesFileSchema = z
  .object({
    version: z.literal(1),
    window: z.number().int().min(0).max(50).default(5),
    stance: z
      .object({ pro: z.array(z.string().min(1)).min(1), anti: z.array(z.string().min(1)).min(1) })
      .strict(),
    lexicons: z.record(z.string(), lexiconSchema).default({}),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;
export type RulesFile = z.infer<typeof rulesFileSchema>;
