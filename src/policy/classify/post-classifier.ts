/**
 * The post classifier: entity and lexicon matching (PolicyMatcher), the post's stance toward the
 * entities it names, then the rules (default-rules.yaml or a team's file) decide the label.
 * Every verdict carries the entities (with their designations and the words that named them)
 * and the reasons (the winning rule, its evidence, the other rules that fired).
 */
import { VIOLATING_LABELS, type PolicyLabel } from '../../model/index.ts';
import type { Entity } from '../entities/entity.ts';
import { EntityRegistry } from '../entities/registry.ts';
import { LEXICONS, type Lexicon } from '../lexicons/lexicons.ts';
import { isAsserted, PolicyMatcher, type LexiconHit } from '../match/policy-matcher.ts';
import { loadRules } from '../rules/load-rules.ts';
import { describeHit, evaluateCondition, type PostFacts, type Stance } from '../rules/evaluate-condition.ts';
import type { Rule, RulesFile } from '../rules/rule-schema.ts';

export interface PostInput {
  id: string;
  text: string;
  lang?: string | undefined;
  account?: Record<string, unknown> | undefined;
  signals?: readonly string[] | undefined;
}

export interface VerdictEntity {
  id: string;
  name: string;
  type: string;
  tier: number;
  designations: string[];
  matched: string[];
}

export interface Verdict {
  id: string;
  violating: boolean;
  label: PolicyLabel;
  entities: VerdictEntity[];
  reasons: string[];
  rule: string;
  actions: string[];
}

export class PostClassifier {
  readonly matcher: PolicyMatcher;
  private readonly pro: Set<string>;
  private readonly anti: Set<string>;

  constructor(
    readonly registry: EntityRegistry,
    readonly rules: RulesFile,
  ) {
    const lexicons: Record<string, Lexicon> = { ...LEXICONS };
    for (const [name, lex] of Object.entries(rules.lexicons)) {
      const base = lexicons[name];
      lexicons[name] = base === undefined ? lex : { en: [...base.en, ...lex.en], fa: [...base.fa, ...lex.fa], ar: [...base.ar, ...lex.ar], any: [...(base.any ?? []), ...(lex.any ?? [])] };
    }
    this.matcher = new PolicyMatcher(registry.entities, lexicons, { window: rules.window });
    this.pro = new Set(rules.stance.pro);
    this.anti = new Set(rules.stance.anti);
  }

  /** A classifier over the built-in registry and the default rules. */
  static default(): PostClassifier {
    return new PostClassifier(EntityRegistry.builtin(), loadRules());
  }

  /** Labels one post. */
  classify(post: PostInput): Verdict {
    const analysis = this.matcher.analyse(post.text);
    const entities = analysis.entityIds.map((id) => this.registry.get(id)).filter((e): e is Entity => e !== undefined);
    const { stance, evidence } = this.decideStance(analysis.hits);
    const facts: PostFacts = {
      analysis,
      entities,
      stance,
      stanceEvidence: evidence,
      lang: post.lang,
      account: post.account,
      signals: post.signals ?? [],
    };
    let winner: Rule | undefined;
    const fired: string[] = [];
    for (const r of this.rules.rules) {
      if (r.when !== undefined && !evaluateCondition(r.when, facts)) continue;
      if (r.when !== undefined) fired.push(r.name);
      if (winner === undefined || r.priority > winner.priority) winner = r;
    }
    // Evidence is written for the winning rule only.
    const winnerEvidence: string[] = [];
    if (winner?.when !== undefined) evaluateCondition(winner.when, facts, winnerEvidence);
    const label: PolicyLabel = winner?.label ?? (entities.length > 0 ? 'neutral' : 'unrelated');
    const reasons: string[] = [];
    if (winner !== undefined) reasons.push(`rule ${winner.name} → ${label}${winnerEvidence.length > 0 ? `: ${[...new Set(winnerEvidence)].join('; ')}` : ''}`);
    const discounted = analysis.hits.filter((h) => (this.pro.has(h.lexicon) || this.anti.has(h.lexicon)) && h.near && !isAsserted(h, this.anti.has(h.lexicon)));
    if (discounted.length > 0) reasons.push(`not counted as the author's own: ${discounted.slice(0, 5).map(describeHit).join('; ')}`);
    const unresolved = analysis.mentions.filter((m) => !m.resolved);
    if (unresolved.length > 0) reasons.push(`'${unresolved.map((m) => m.text).join("', '")}' alone, without entity context, is not taken as a designated entity`);
    const others = fired.filter((n) => n !== winner?.name);
    if (others.length > 0) reasons.push(`also fired: ${others.join(', ')}`);
    return {
      id: post.id,
      violating: VIOLATING_LABELS.has(label),
      label,
      entities: entities.map((e) => ({
        ...this.describeEntity(e),
        matched: [...new Set(analysis.mentions.filter((m) => m.resolved && m.entityId === e.id).map((m) => m.text))],
      })),
      reasons,
      rule: winner?.name ?? '',
      actions: winner?.actions ?? [],
    };
  }

  private readonly described = new Map<string, Omit<VerdictEntity, 'matched'>>();

  /** The verdict form of an entity (its designations written out once, then reused). */
  private describeEntity(e: Entity): Omit<VerdictEntity, 'matched'> {
    let d = this.described.get(e.id);
    if (d === undefined) {
      d = {
        id: e.id,
        name: e.name,
        type: e.type,
        tier: e.tier,
        designations: e.designations.map((x) => `${x.list}${x.programs.length > 0 ? ` ${x.programs.join('/')}` : ''}${x.ref !== undefined ? ` #${x.ref}` : ''} (${x.source})`),
      };
      this.described.set(e.id, d);
    }
    return d;
  }

  /** Asserted, entity-tied framing against condemnation; when both, the nearer to the entity wins. */
  private decideStance(hits: readonly LexiconHit[]): { stance: Stance; evidence: () => string[] } {
    const pro = hits.filter((h) => this.pro.has(h.lexicon) && h.near && isAsserted(h));
    const anti = hits.filter((h) => this.anti.has(h.lexicon) && h.near && isAsserted(h, true));
    if (pro.length === 0 && anti.length === 0) return { stance: 'none', evidence: () => [] };
    if (anti.length === 0) return { stance: 'pro', evidence: () => pro.slice(0, 5).map(describeHit) };
    if (pro.length === 0) return { stance: 'anti', evidence: () => anti.slice(0, 5).map(describeHit) };
    const dPro = Math.min(...pro.map((h) => h.distance));
    const dAnti = Math.min(...anti.map((h) => h.distance));
    const all = () => [...pro, ...anti].slice(0, 6).map(describeHit);
    if (dPro < dAnti) return { stance: 'pro', evidence: () => ['nearer than condemnation', ...all()] };
    if (dAnti < dPro) return { stance: 'anti', evidence: () => ['nearer than praise', ...all()] };
    return { stance: 'mixed', evidence: all };
  }
}
