/**
 * The DISARM Red Framework techniques that takedown's findings support, and the mapping from every
 * signal, indicator, surface and impersonated role to them. Ids and names are facts of DISARM
 * v1.6 (DISARMFoundation/DISARMframeworks, generated_files/DISARM_STIX/DISARM.json, CC BY-SA 4.0);
 * a test checks each one against ../shared/data/disarm. v1.6 removed T0007 and T0090 (inauthentic
 * pages and accounts), so accounts map to T0146 Account Asset and pages/groups to T0151.00x.
 */
import { INDICATORS, SIGNALS, type Indicator, type Signal, type Surface } from '../model/index.ts';

export const DISARM_TECHNIQUES = {
  T0002: 'Facilitate State Propaganda',
  T0015: 'Create Hashtags and Search Artefacts',
  T0049: 'Flood Information Space',
  'T0049.002': 'Flood Existing Hashtag',
  'T0049.003': 'Bots Amplify via Automated Forwarding and Reposting',
  'T0049.005': 'Conduct Swarming',
  T0084: 'Reuse Existing Content',
  'T0084.001': 'Use Copypasta',
  T0097: 'Present Persona',
  'T0097.100': 'Individual Persona',
  'T0097.102': 'Journalist Persona',
  'T0097.110': 'Party Official Persona',
  'T0097.111': 'Government Official Persona',
  'T0097.202': 'News Outlet Persona',
  'T0097.206': 'Government Institution Persona',
  T0098: 'Establish Inauthentic News Sites',
  T0115: 'Post Content',
  'T0116.001': 'Post Inauthentic Social Media Comment',
  'T0130.001': 'Conceal Sponsorship',
  'T0143.002': 'Fabricated Persona',
  'T0143.003': 'Impersonated Persona',
  'T0144.002': 'Persona Template',
  'T0145.001': 'Copy Account Imagery',
  T0146: 'Account Asset',
  'T0146.005': 'Lookalike Account ID',
  'T0146.007': 'Automated Account Asset',
  'T0149.001': 'Domain Asset',
  'T0150.001': 'Newly Created Asset',
  'T0150.008': 'Bulk Created Asset',
  'T0151.002': 'Online Community Group',
  'T0151.003': 'Online Community Page',
} as const;

export type DisarmId = keyof typeof DISARM_TECHNIQUES;

/** What each coordination signal is evidence of. */
export const SIGNAL_TECHNIQUES: Record<Signal, readonly DisarmId[]> = {
  co_retweet: ['T0049.003'],
  co_url: ['T0049'],
  co_domain: ['T0149.001'],
  co_hashtag_set: ['T0015', 'T0049.002'],
  co_text: ['T0084.001'],
  near_text: ['T0084.001'],
  co_image: ['T0084'],
  sync_activity: ['T0049.005', 'T0146.007'],
  reply_target: ['T0116.001', 'T0049.005'],
  mention_target: ['T0049.005'],
  co_object: ['T0049'],
};

/** What each account indicator is evidence of. */
export const INDICATOR_TECHNIQUES: Record<Indicator, readonly DisarmId[]> = {
  creation_batch: ['T0150.008', 'T0150.001'],
  handle_pattern: ['T0144.002', 'T0150.008'],
  follower_anomaly: ['T0143.002'],
  single_client: ['T0146.007'],
  empty_profile: ['T0146'],
  reused_profile: ['T0144.002', 'T0145.001'],
  impersonation: ['T0143.003', 'T0097', 'T0146.005'],
  undisclosed_state_media: ['T0002', 'T0130.001', 'T0098'],
  policy_violations: ['T0115'],
  known_image: ['T0084'],
};

/** The asset each surface is. */
export const SURFACE_TECHNIQUES: Record<Surface, readonly DisarmId[]> = {
  account: ['T0146'],
  page: ['T0151.003'],
  group: ['T0151.002'],
  channel: ['T0146'],
};

/** The persona presented when impersonating someone of this role (free-text role, matched by words). */
export function toPersonaTechnique(role: string | null): DisarmId {
  const r = (role ?? '').toLowerCase();
  if (/journalist|reporter|editor|correspondent/.test(r)) return 'T0097.102';
  if (/outlet|news|media|newspaper|broadcaster/.test(r)) return 'T0097.202';
  if (/candidate|politician|party|senator|representative|mp\b|congress/.test(r)) return 'T0097.110';
  if (/official|minister|ambassador|spokes/.test(r)) return 'T0097.111';
  if (/government|ministry|agency|institution/.test(r)) return 'T0097.206';
  return 'T0097.100';
}

export interface TechniqueUse {
  id: DisarmId;
  name: string;
  /** Why: the findings behind it ('signal co_retweet', 'indicator impersonation', 'surface page'). */
  because: string[];
}

/** The DISARM techniques a network's findings support, sorted by id, each with its reasons. */
export function listTechniques(input: {
  signals: readonly string[];
  indicators: readonly string[];
  surfaces: readonly string[];
  impersonatedRoles?: readonly (string | null)[];
}): TechniqueUse[] {
  const uses = new Map<DisarmId, Set<string>>();
  const add = (id: DisarmId, why: string): void => {
    const set = uses.get(id) ?? new Set<string>();
    set.add(why);
    uses.set(id, set);
  };
  for (const s of input.signals) {
    if (isSignal(s)) for (const id of SIGNAL_TECHNIQUES[s]) add(id, `signal ${s}`);
  }
  for (const i of input.indicators) {
    if (isIndicator(i)) for (const id of INDICATOR_TECHNIQUES[i]) add(id, `indicator ${i}`);
  }
  for (const s of input.surfaces) {
    if (s in SURFACE_TECHNIQUES) for (const id of SURFACE_TECHNIQUES[s as Surface]) add(id, `surface ${s}`);
  }
  for (const role of input.impersonatedRoles ?? []) {
    add('T0143.003', 'impersonation finding');
    add(toPersonaTechnique(role), `impersonates a ${role ?? 'person'}`);
  }
  return [...uses.entries()]
    .map(([id, why]) => ({ id, name: DISARM_TECHNIQUES[id], because: [...why].sort() }))
    .sort((a, b) => compareTechniqueIds(a.id, b.id));
}

/** Orders T-numbers numerically (T0097.100 after T0097, T0098 after T0097.206). */
export function compareTechniqueIds(a: string, b: string): number {
  const pa = a.slice(1).split('.').map(Number);
  const pb = b.slice(1).split('.').map(Number);
  return (pa[0] ?? 0) - (pb[0] ?? 0) || (pa[1] ?? -1) - (pb[1] ?? -1);
}

function isSignal(s: string): s is Signal {
  return (SIGNALS as readonly string[]).includes(s);
}

function isIndicator(s: string): s is Indicator {
  return (INDICATORS as readonly string[]).includes(s);
}
