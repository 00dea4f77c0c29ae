/**
 * Evaluates rule conditions over the facts of one post. Conditions that hold push their evidence
 * (which words, which entity) so the verdict can say why; evidence under `not` is dropped.
 */
import type { Entity } from '../entities/entity.ts';
import { isAsserted, type LexiconHit, type PostAnalysis } from '../match/policy-matcher.ts';
import type { AccountTest, Condition, EntityTest } from './rule-schema.ts';

export type Stance = 'pro' | 'anti' | 'mixed' | 'none';

export interface PostFacts {
  analysis: PostAnalysis;
  entities: Entity[];
  stance: Stance;
  /** Why the stance is what it is (built only when a reason is written). */
  stanceEvidence: () => string[];
  lang: string | undefined;
  account: Record<string, unknown> | undefined;
  signals: readonly string[];
}

function toList<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

function matchesEntity(e: Entity, t: EntityTest): boolean {
  if (t.id !== undefined && !toList(t.id).includes(e.id)) return false;
  if (t.tier !== undefined && !toList(t.tier).includes(e.tier)) return false;
  if (t.type !== undefined && e.type !== t.type) return false;
  if (t.designation !== undefined) {
    const wanted = toList(t.designation).map((d) => d.toUpperCase());
    const have = e.designations.flatMap((d) => [d.list.toUpperCase(), ...d.programs.map((p) => p.toUpperCase())]);
    if (!wanted.some((w) => have.includes(w))) return false;
  }
  return true;
}

function matchesAccount(account: Record<string, unknown> | undefined, t: AccountTest): boolean {
  const v = account?.[t.field];
  if (v === undefined || v === null) return false;
  if (t.equals !== undefined && v !== t.equals) return false;
  if (t.in !== undefined && !t.in.includes(v as string | number)) return false;
  if (t.gte !== undefined && !(typeof v === 'number' && v >= t.gte)) return false;
  if (t.lte !== undefined && !(typeof v === 'number' && v <= t.lte)) return false;
  return true;
}

/** How a hit reads in a reason: lexicon 'word' (flags). */
export function describeHit(h: LexiconHit): string {
  const flags = [h.negated && 'negated', h.quoted && 'quoted', h.attributed && 'attributed', h.question && 'question', h.sarcastic && 'sarcasm']
    .filter(Boolean)
    .join(', ');
  const where = h.entityId !== undefined && Number.isFinite(h.distance) ? ` ${h.distance} tokens from ${h.entityId}` : '';
  return `${h.lexicon} '${h.text.replace(/\beex([a-z]+)/g, 'emoji:$1')}'${where}${flags ? ` (${flags})` : ''}`;
}

/**
 * True when `c` holds for `f`. With an `evidence` array, the evidence of the parts that hold is
 * appended to it; without one no strings are built (the fast path for rules that lose).
 */
export function evaluateCondition(c: Condition, f: PostFacts, evidence?: string[]): boolean {
  if ('all' in c) {
    const local: string[] | undefined = evidence === undefined ? undefined : [];
    for (const x of c.all) if (!evaluateCondition(x, f, local)) return false;
    if (local !== undefined) evidence?.push(...local);
    return true;
  }
  if ('any' in c) {
    for (const x of c.any) {
      const local: string[] | undefined = evidence === undefined ? undefined : [];
      if (evaluateCondition(x, f, local)) {
        if (local !== undefined) evidence?.push(...local);
        return true;
      }
    }
    return false;
  }
  if ('not' in c) return !evaluateCondition(c.not, f);
  if ('entity' in c) {
    const hit = f.entities.filter((e) => matchesEntity(e, c.entity));
    if (hit.length === 0) return false;
    evidence?.push(`entity ${hit.map((e) => e.id).join(', ')}`);
    return true;
  }
  if ('lexicon' in c) {
    const names = toList(c.lexicon);
    const near = c.near_entity ?? true;
    const asserted = c.asserted ?? true;
    const hits = f.analysis.hits.filter(
      (h) =>
        names.includes(h.lexicon) &&
        (!near || h.near) &&
        (asserted === 'any' || isAsserted(h) === asserted),
    );
    if (hits.length < (c.min ?? 1)) return false;
    evidence?.push(...hits.slice(0, 5).map(describeHit));
    return true;
  }
  if ('stance' in c) {
    if (!toList(c.stance).includes(f.stance)) return false;
    evidence?.push(`stance ${f.stance}`, ...f.stanceEvidence());
    return true;
  }
  if ('lang' in c) return f.lang !== undefined && toList(c.lang).includes(f.lang);
  if ('account' in c) return matchesAccount(f.account, c.account);
  if ('signal' in c) {
    const s = toList(c.signal).filter((x) => f.signals.includes(x));
    if (s.length === 0) return false;
    evidence?.push(`signal ${s.join(', ')}`);
    return true;
  }
  switch (c.flag) {
    case 'hashtag_only':
      return f.analysis.hashtagOnly;
    case 'sarcasm':
      return f.analysis.sarcasm;
    case 'has_entity':
      return f.entities.length > 0;
  }
}
