/**
 * Scores accounts as suspected impersonators of protected identities. Evidence kinds:
 * - name: the display name is the protected name (after confusable folding, script
 *   unification, leetspeak, titles removed), contains it, or is Jaro-Winkler ≥ 0.93 to it;
 * - handle: the handle is a look-alike of a genuine handle (same visual skeleton: homoglyphs,
 *   I/l/1, o/0; same core after added digits, separators and vanity affixes; one or two edits:
 *   swapped, doubled or changed letters) or spells the protected name;
 * - role: the name or bio claims the identity's role (reporter, candidate, MP, minister …, in
 *   English, Persian and Arabic) or claims to be the official account;
 * - image: the profile picture's PDQ is within 31 bits of a genuine one;
 * - rare name: an exact name match on a name that is not common.
 * A name match alone never flags (people share names); it needs a second kind. A strong handle
 * look-alike or a matching picture with a name or handle flags on its own. Genuine accounts (by
 * id or exact handle) and accounts that declare parody, fan, commentary, satire or no
 * affiliation (in the three languages) are never flagged. The score combines the evidence
 * weights as independent signals: 1 − Π(1 − wᵢ). The weights are set by judgement of how
 * specific each clue is, not fitted to the labelled set (see impersonation.test.ts).
 */
import { hexDistance, PDQ_MATCH_THRESHOLD } from '../../media/index.ts';
import {
  containsPhrase,
  coreNameTokens,
  DECLARATIONS,
  handleKey,
  nameAsHandle,
  nameTokens,
  OFFICIAL_CLAIMS,
  ROLE_CLAIMS,
  roleFamily,
  type HandleKey,
} from './keys.ts';
import type { ProtectedIdentity } from './registry.ts';
import { jaroWinkler, osaDistance } from './similarity.ts';

/** An account as the scorer reads it. */
export interface AccountProfile {
  accountId: string;
  platform?: string | null;
  displayName?: string | null;
  handle?: string | null;
  description?: string | null;
  profilePdq?: string | null;
}

export interface ImpersonationFinding {
  accountId: string;
  platform?: string | null;
  identityId: string;
  /** In [0,1]. */
  score: number;
  reasons: string[];
  evidence: Record<string, unknown>;
}

const W = {
  nameExact: 0.45,
  nameContains: 0.4,
  nameSimilar: 0.3,
  handleSkeleton: 0.55,
  handleCore: 0.5,
  handleEdit: 0.45,
  handleSimilar: 0.3,
  handleFromName: 0.35,
  role: 0.25,
  image: 0.55,
  rare: 0.15,
};
/** Below this a candidate is not reported even when its evidence kinds qualify. */
export const IMPERSONATION_MIN_SCORE = 0.5;

// Very common given names and surnames (US census top names; the most frequent Iranian and
// Arab names): a full-name match made only of these is not evidence by itself.
const COMMON_NAME_WORDS = new Set(
  [
    'john', 'james', 'michael', 'david', 'robert', 'william', 'mary', 'maria', 'jennifer', 'linda', 'patricia', 'elizabeth', 'richard', 'joseph', 'thomas', 'daniel', 'sarah', 'sara',
    'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez', 'lopez', 'wilson', 'anderson', 'taylor', 'moore', 'jackson', 'lee', 'white', 'harris', 'martin',
    'mohammad', 'mohammed', 'muhammad', 'ali', 'hassan', 'hasan', 'hossein', 'hussein', 'ahmad', 'ahmed', 'reza', 'mahmoud', 'fatemeh', 'fatima', 'zahra', 'maryam', 'omar', 'mustafa', 'abdullah', 'ibrahim', 'khan',
    'hosseini', 'ahmadi', 'mohammadi', 'rezaei', 'moradi', 'karimi', 'hashemi', 'mousavi', 'jafari', 'rahimi',
    'محمد', 'علی', 'حسن', 'حسین', 'احمد', 'رضا', 'محمود', 'فاطمه', 'زهرا', 'مریم', 'عمر', 'مصطفی', 'عبدالله', 'ابراهیم',
    'حسینی', 'احمدی', 'محمدی', 'رضایی', 'مرادی', 'کریمی', 'هاشمی', 'موسوی', 'جعفری', 'رحیمی',
  ].map((w) => nameTokens(w).join('')),
);

interface PreparedIdentity {
  ident: ProtectedIdentity;
  names: { raw: string; tokens: string[]; key: string }[];
  handles: HandleKey[];
  handlesLower: Set<string>;
  nameHandles: { raw: string; skeleton: string }[];
  families: Set<string>;
  genuine: Set<string>;
}

function prepare(ident: ProtectedIdentity): PreparedIdentity {
  const names = ident.names.map((raw) => {
    const tokens = coreNameTokens(raw);
    return { raw, tokens, key: tokens.join(' ') };
  }).filter((n) => n.tokens.length > 0);
  const nameHandles: { raw: string; skeleton: string }[] = [];
  for (const n of names) {
    if (!n.tokens.every((t) => /^[a-z0-9]+$/.test(t))) continue; // handles are Latin
    nameHandles.push({ raw: n.raw, skeleton: nameAsHandle(n.tokens) });
    if (n.tokens.length >= 2) nameHandles.push({ raw: n.raw, skeleton: nameAsHandle([...n.tokens].reverse()) });
  }
  return {
    ident,
    names,
    handles: ident.handles.map(handleKey),
    handlesLower: new Set(ident.handles.map((h) => h.replace(/^@/, '').toLowerCase())),
    nameHandles,
    families: new Set(ident.roles.map(roleFamily)),
    genuine: new Set(ident.accountIds),
  };
}

/** True when the name, bio or handle declares parody, fan, commentary, satire or no affiliation. */
export function declaresNonAffiliation(account: AccountProfile): string | null {
  const words = [...nameTokens(account.displayName ?? '', false), '|', ...nameTokens(account.description ?? '', false)];
  for (const d of DECLARATIONS) if (containsPhrase(words, d)) return d.join(' ');
  const h = (account.handle ?? '').toLowerCase().replace(/[_.\-\d]+/g, '');
  const m = /^(parody|satire|fanof|fans?|fake|notreal|unofficial)|(parody|satire|fanpage|fanclub|fans?|fake|notreal|unofficial)$/.exec(h);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function describeHandleChange(acc: HandleKey, genuine: HandleKey): string[] {
  const notes: string[] = [];
  const a = acc.lower.replace(/[_.-]/g, '');
  const g = genuine.lower.replace(/[_.-]/g, '');
  if (/\d/.test(a.replace(/^\d+|\d+$/g, '')) && !/\d/.test(g)) notes.push('digits for letters (0/o, 1/l, 3/e …)');
  if (acc.addedDigits && !genuine.addedDigits) notes.push('added digits');
  if (acc.separators && !genuine.separators) notes.push('added underscores or dots');
  if (/[^\u0020-\u007e]/.test(acc.lower)) notes.push('look-alike non-Latin letters');
  if (acc.raw !== acc.raw.toLowerCase() && /[Il]/.test(acc.raw) && a !== g && a.replace(/[il1]/g, 'l') === g.replace(/[il1]/g, 'l')) notes.push('I/l swap');
  if (a.includes('rn') && g.includes('m')) notes.push('rn for m');
  for (const affix of acc.affixes) if (!genuine.affixes.includes(affix)) notes.push(`'${affix}' affix`);
  return notes;
}

function editKind(a: string, b: string): string {
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 'swapped letters';
    return 'one letter changed';
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return i > 0 && long[i] === long[i - 1] ? 'doubled letter' : long.length > short.length && a === long ? 'one letter added' : 'one letter dropped';
  }
  return 'two small edits';
}

interface Candidate {
  identityId: string;
  weights: number[];
  kinds: Set<string>;
  reasons: string[];
  evidence: Record<string, unknown>;
  strongHandle: boolean;
}

function scoreAgainst(account: AccountProfile, p: PreparedIdentity, commonNames: Set<string>): Candidate | null {
  const c: Candidate = { identityId: p.ident.id, weights: [], kinds: new Set(), reasons: [], evidence: {}, strongHandle: false };

  // Name.
  const dn = coreNameTokens(account.displayName ?? '');
  const dnKey = dn.join(' ');
  let nameExact: { raw: string; key: string; tokens: string[] } | null = null;
  if (dn.length > 0) {
    let best: { w: number; why: string; raw: string; sim: number } | null = null;
    for (const n of p.names) {
      let w = 0;
      let why = '';
      const sim = jaroWinkler(dnKey, n.key);
      if (dnKey === n.key || [...dn].sort().join(' ') === [...n.tokens].sort().join(' ')) {
        w = W.nameExact;
        why = 'is';
        nameExact = n;
      } else if (n.tokens.length >= 2 && containsPhrase(dn, n.tokens) && dn.length <= n.tokens.length + 2) {
        w = W.nameContains;
        why = 'contains';
        nameExact = n;
      } else if (n.key.length >= 6 && sim >= 0.93) {
        w = W.nameSimilar;
        why = `is close to (Jaro-Winkler ${sim.toFixed(2)})`;
      }
      if (w > 0 && (!best || w > best.w)) best = { w, why, raw: n.raw, sim };
    }
    if (best) {
      c.weights.push(best.w);
      c.kinds.add('name');
      c.reasons.push(`display name '${account.displayName}' ${best.why} the protected name '${best.raw}'`);
      c.evidence['name'] = { matched: best.raw, similarity: Number(best.sim.toFixed(3)) };
    }
  }

  // Handle.
  if (account.handle) {
    const hk = handleKey(account.handle);
    let best: { w: number; reason: string; strong: boolean; matched: string; kind: string } | null = null;
    const consider = (w: number, reason: string, strong: boolean, matched: string, kind: string): void => {
      if (!best || w > best.w) best = { w, reason, strong, matched, kind };
    };
    const nameSkeletons = new Set(p.nameHandles.map((n) => n.skeleton));
    for (const g of p.handles) {
      // A genuine handle that is only the name ("johnsmith_news") says no more than the name:
      // matching its core is the handle spelling the name, not a look-alike of the handle.
      const nameOnly = nameSkeletons.has(g.core);
      if (hk.skeleton === g.skeleton) {
        const notes = describeHandleChange(hk, g);
        consider(W.handleSkeleton, `handle @${account.handle} is a look-alike of the genuine @${g.raw}${notes.length ? ` (${notes.join(', ')})` : ''}`, true, g.raw, 'handle');
      } else if (hk.core === g.core && hk.core.length >= 4 && !nameOnly) {
        const notes = describeHandleChange(hk, g);
        consider(W.handleCore, `handle @${account.handle} is the genuine @${g.raw} with ${notes.length ? notes.join(', ') : 'small changes'}`, true, g.raw, 'handle');
      } else {
        const d = Math.min(osaDistance(hk.core, g.core), osaDistance(hk.skeleton, g.skeleton));
        const len = Math.min(hk.core.length, g.core.length);
        if (!nameOnly && ((d === 1 && len >= 5) || (d === 2 && len >= 10))) {
          const kind = osaDistance(hk.skeleton, g.skeleton) === d ? editKind(hk.skeleton, g.skeleton) : editKind(hk.core, g.core);
          consider(W.handleEdit, `handle @${account.handle} differs from the genuine @${g.raw} by ${kind}`, len >= 6, g.raw, 'handle');
        } else if (osaDistance(hk.skeleton, g.skeleton) === 1 && g.skeleton.length >= 8) {
          // One edit on the whole handle, affixes included (johnsmith_newz for johnsmith_news).
          consider(W.handleEdit, `handle @${account.handle} differs from the genuine @${g.raw} by ${editKind(hk.skeleton, g.skeleton)}`, true, g.raw, 'handle');
        } else if (len >= 6 && !nameOnly) {
          const sim = jaroWinkler(hk.core, g.core);
          if (sim >= 0.92) consider(W.handleSimilar, `handle @${account.handle} resembles the genuine @${g.raw} (Jaro-Winkler ${sim.toFixed(2)})`, false, g.raw, 'handle');
        }
      }
    }
    for (const nh of p.nameHandles) {
      if (nh.skeleton.length < 6) continue;
      // The handle spelling the name is the name again: it strengthens the name, not a new kind.
      if (hk.core === nh.skeleton || hk.skeleton === nh.skeleton) consider(W.handleFromName, `handle @${account.handle} spells the protected name '${nh.raw}'`, false, nh.raw, 'name');
      else if (osaDistance(hk.core, nh.skeleton) === 1) consider(W.handleFromName - 0.05, `handle @${account.handle} nearly spells the protected name '${nh.raw}'`, false, nh.raw, 'name');
    }
    if (best !== null) {
      const b = best as { w: number; reason: string; strong: boolean; matched: string; kind: string };
      c.weights.push(b.w);
      c.kinds.add(b.kind);
      c.reasons.push(b.reason);
      c.strongHandle = b.strong;
      c.evidence['handle'] = { handle: account.handle, matched: b.matched };
    }
  }

  // Image.
  if (account.profilePdq && p.ident.profilePdqs.length > 0) {
    const d = Math.min(...p.ident.profilePdqs.map((g) => hexDistance(account.profilePdq!, g)));
    if (d <= PDQ_MATCH_THRESHOLD) {
      c.weights.push(W.image);
      c.kinds.add('image');
      c.reasons.push(`profile picture is within ${d} bits (PDQ) of the genuine one`);
      c.evidence['image'] = { distance: d };
    }
  }

  if (!c.kinds.has('name') && !c.kinds.has('handle') && !c.kinds.has('image')) return null;

  // Role claims (name and bio).
  const words = [...nameTokens(account.displayName ?? '', false), '|', ...nameTokens(account.description ?? '', false)];
  const claims: string[] = [];
  for (const fam of p.families) for (const phrase of ROLE_CLAIMS[fam] ?? []) if (containsPhrase(words, phrase)) claims.push(phrase.join(' '));
  for (const phrase of OFFICIAL_CLAIMS) if (containsPhrase(words, phrase)) claims.push(phrase.join(' '));
  if (claims.length > 0) {
    c.weights.push(W.role);
    c.kinds.add('role');
    c.reasons.push(`name or bio claims the role or standing of the protected ${[...p.families].join('/') || 'identity'}: '${[...new Set(claims)].slice(0, 3).join("', '")}'`);
    c.evidence['claims'] = [...new Set(claims)];
  }

  // Rare name.
  if (nameExact) {
    const common = nameExact.tokens.length < 2 || nameExact.tokens.every((t) => COMMON_NAME_WORDS.has(t)) || commonNames.has(nameExact.key);
    c.evidence['commonName'] = common;
    if (!common) {
      c.weights.push(W.rare);
      c.kinds.add('rare');
      c.reasons.push(`'${nameExact.raw}' is not a common name`);
    }
  }
  return c;
}

function qualifies(c: Candidate): boolean {
  if (c.kinds.has('image') && (c.kinds.has('name') || c.kinds.has('handle'))) return true;
  if (c.strongHandle) return true;
  return c.kinds.size >= 2;
}

/** Options of the scan. */
export interface DetectOptions {
  minScore?: number;
}

/**
 * Suspected impersonators among `accounts`: for each account, the protected identity it most
 * resembles, when the evidence qualifies (see the file header). Sorted by score, highest first.
 */
export function detectImpersonation(
  identities: readonly ProtectedIdentity[],
  accounts: readonly AccountProfile[],
  options: DetectOptions = {},
): ImpersonationFinding[] {
  const minScore = options.minScore ?? IMPERSONATION_MIN_SCORE;
  const prepared = identities.map(prepare);
  // Commonness comes from the name lists only. (A first version also called a name common when
  // three accounts of the data carried it; impostor swarms carry the protected name themselves,
  // so that rule hid them — it missed h02 of the held-out cases and was removed.)
  const commonNames = new Set<string>();
  const out: ImpersonationFinding[] = [];
  for (const account of accounts) {
    if (declaresNonAffiliation(account)) continue;
    let best: { c: Candidate; score: number } | null = null;
    for (const p of prepared) {
      if (p.genuine.has(account.accountId)) continue;
      if (account.handle && p.handlesLower.has(account.handle.replace(/^@/, '').toLowerCase())) continue; // the genuine handle itself
      const c = scoreAgainst(account, p, commonNames);
      if (!c || !qualifies(c)) continue;
      const score = 1 - c.weights.reduce((acc, w) => acc * (1 - w), 1);
      if (score < minScore) continue;
      if (!best || score > best.score) best = { c, score };
    }
    if (best) {
      out.push({
        accountId: account.accountId,
        platform: account.platform ?? null,
        identityId: best.c.identityId,
        score: Number(best.score.toFixed(3)),
        reasons: best.c.reasons,
        evidence: { ...best.c.evidence, kinds: [...best.c.kinds] },
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.accountId.localeCompare(b.accountId));
}

/** Declared-parody check, exported for reports and tests. */
export { declaresNonAffiliation as isDeclaredParodyOrFan };
