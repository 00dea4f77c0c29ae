/**
 * The entity registry the classifier uses: the built-in entities plus those imported from
 * official lists. An imported record whose list reference equals a built-in designation (OFAC
 * ent_num, UN reference) is merged into the built-in entity (its spellings become aliases);
 * other imported records of tier 1 or 2 are added as entities of their own. Tier-3 records
 * (sanctioned for other reasons: narcotics, Russia, cyber…) are stored but not matched in posts.
 * Imported aliases are curbed, since lists carry descriptive a.k.a.s that are ordinary words
 * ('The Base', 'AL HAYAT', 'LH'): an organisation's aliases become weak (they name it only with
 * entity context), and so does any one-token alias; an individual's multi-token names stay strong.
 */
import type { Alias, Entity } from './entity.ts';
import { BUILTIN_ENTITIES } from './builtin-registry.ts';
import { tokenisePhrase } from '../match/post-tokens.ts';

export class EntityRegistry {
  private readonly byId: Map<string, Entity>;

  private constructor(readonly entities: readonly Entity[]) {
    this.byId = new Map(entities.map((e) => [e.id, e]));
  }

  /** The built-in registry alone. */
  static builtin(): EntityRegistry {
    return new EntityRegistry(BUILTIN_ENTITIES);
  }

  /** Built-in entities merged with imported ones. */
  static withImported(imported: readonly Entity[]): EntityRegistry {
    const merged = BUILTIN_ENTITIES.map((e) => ({ ...e, aliases: [...e.aliases], designations: [...e.designations] }));
    const byRef = new Map<string, Entity>();
    for (const e of merged) for (const d of e.designations) if (d.ref !== undefined) byRef.set(`${d.list}:${d.ref}`, e);
    const extra: Entity[] = [];
    for (const imp of imported) {
      const d = imp.designations[0];
      const target = d?.ref !== undefined ? byRef.get(`${d.list}:${d.ref}`) : undefined;
      const aliases = imp.aliases.map((a, i) => curbAlias(a, imp.type === 'individual' || (target === undefined && i === 0)));
      if (target !== undefined) {
        const known = new Set(target.aliases.map((a) => tokenisePhrase(a.text).join(' ')));
        for (const a of aliases) if (!known.has(tokenisePhrase(a.text).join(' '))) target.aliases.push(a);
        // The list's own fact replaces the built-in copy of the same designation (newer file).
        if (d !== undefined) target.designations = target.designations.map((x) => (x.list === d.list && x.ref === d.ref ? d : x));
      } else if (imp.tier <= 2) {
        extra.push({ ...imp, aliases });
      }
    }
    return new EntityRegistry([...merged, ...extra]);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.entities.length;
  }
}

/** Keeps an alias strong only when `mayBeStrong` and it has two tokens or more. */
function curbAlias(a: Alias, mayBeStrong: boolean): Alias {
  return mayBeStrong && tokenisePhrase(a.text).length >= 2 ? a : { ...a, strength: 'weak' };
}
