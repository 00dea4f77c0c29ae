/**
 * The designated-entity model: an organisation or individual, the lists that designate it (each
 * fact with its source), a tier in the sense of Meta's Dangerous Organizations & Individuals
 * policy (1 = terrorism, FTO/SDGT/UN listings), and aliases across scripts and spellings.
 */

export type EntityType = 'organisation' | 'individual';

/** One designation fact, with where it comes from. */
export interface Designation {
  /** The list: 'OFAC-SDN', 'UN', 'EU', 'team' (a team's own list). */
  list: string;
  /** Programs or regime on that list, e.g. ['FTO', 'SDGT', 'IRGC'] or ['Al-Qaida']. */
  programs: string[];
  /** Reference on the list (OFAC ent_num, UN reference number). */
  ref?: string;
  /** Where the fact was read, e.g. 'OFAC SDN CSV 2024-05-03'. */
  source: string;
}

/** How an alias resolves: a strong alias names the entity alone; a weak one needs entity context. */
export type AliasStrength = 'strong' | 'weak';

export interface Alias {
  text: string;
  strength: AliasStrength;
  /** 'name' (default), 'slogan' or 'hashtag' (slogans also carry framing). */
  kind?: 'name' | 'slogan' | 'hashtag';
  /** A framing lexicon the slogan itself expresses, e.g. 'revenge' for #HardRevenge. */
  framing?: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  tier: number;
  designations: Designation[];
  aliases: Alias[];
  /** Ids of entities whose strong mention resolves this one's weak aliases (leader ↔ organisation). */
  related?: string[];
  /** Words that, near a weak alias, make it this entity (e.g. 'general', 'quds' for 'Soleimani'). */
  context?: string[];
  /** Where the entity record came from: 'builtin' or the imported file. */
  origin: string;
}
