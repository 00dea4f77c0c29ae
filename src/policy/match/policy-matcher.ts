/**
 * Finds designated-entity mentions and framing-lexicon hits in a post, and decides for each hit
 * whether the author asserts it: a hit is not asserted when it is negated (a negation cue up to
 * two tokens before it, or — for the verb-final Persian and Arabic "قهرمان نیست" — two after),
 * quoted (scare quotes or a quotation), attributed (its sentence carries an attribution or
 * reporting cue: "state TV called him…", "…as his supporters say", "posts glorifying…"), in a
 * question, or in a post with a sarcasm cue. A hit is tied to an entity when it is in the
 * entity's sentence, within `window` tokens of it, in the next or previous sentence when that
 * sentence refers back (a pronoun, or pro-drop Persian/Arabic), or in a hashtag.
 *
 * Weak aliases (a bare surname such as "Soleimani") name the entity only with entity context: a
 * strong alias of it or of a related entity, its own context words plus conflict-domain words
 * (war, Syria, militia, funeral…) outnumbering sports/entertainment/everyday-person words
 * ("scored", "Dr.", "my teacher"), or a hashtag (#Soleimani is a deliberate topic marker).
 */
import type { Entity } from '../entities/entity.ts';
import type { Lexicon } from '../lexicons/lexicons.ts';
import { PhraseTrie } from './phrase-trie.ts';
import { tokenisePhrase, tokenisePost, type PostTokens } from './post-tokens.ts';

type Payload =
  | { kind: 'alias'; entity: number; strength: 'strong' | 'weak'; framing: string | undefined }
  | { kind: 'ctx'; entity: number }
  | { kind: 'lex'; name: string };

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  text: string;
  strength: 'strong' | 'weak';
  resolved: boolean;
  slogan: boolean;
}

export interface LexiconHit {
  lexicon: string;
  start: number;
  end: number;
  text: string;
  negated: boolean;
  quoted: boolean;
  attributed: boolean;
  question: boolean;
  sarcastic: boolean;
  /** Tokens between the hit and the nearest resolved mention (Infinity when none). */
  distance: number;
  /** Tied to a resolved entity mention (see the file header). */
  near: boolean;
  /** The nearest resolved entity. */
  entityId: string | undefined;
}

export interface PostAnalysis {
  tokens: PostTokens;
  mentions: Mention[];
  hits: LexiconHit[];
  /** Ids of resolved entities, in order of first mention. */
  entityIds: string[];
  hashtagOnly: boolean;
  sarcasm: boolean;
}

/** Lexicons whose hits are cues, not framings: they change other hits and are not themselves tied. */
const CUE_LEXICONS = new Set(['negation', 'attribution', 'sarcasm', 'meta_discourse', 'entity_domain', 'sports_entertainment', 'imperative_call']);
const FIRST_PERSON = new Set(['we', 'ما', 'نحن', 'انا']);
const FIRST_PERSON_FILLER = new Set(['are', 'the', 'as', 'هم', 'همه']);
const PRONOUNS = new Set(['he', 'his', 'him', 'they', 'their', 'them', 'its', 'او', 'وی', 'ایشان', 'هو', 'انه', 'لقد']);
const ARABIC_SCRIPT_RE = /[\u0600-\u06ff]/;
/** Words before an English imperative that keep it a call ("please join", "you must fund"). */
const CALL_LEAD = new Set(['please', 'must', 'should', 'lets', 'let', 'everyone', 'brothers', 'sisters', 'you', 'go', 'now', 'and', 'muslims', 'all']);

export interface MatcherOptions {
  /** Token window that ties a framing to an entity across sentence boundaries (default 5). */
  window?: number;
}

/** Entity and lexicon matcher compiled once, used for every post. */
export class PolicyMatcher {
  // Framing phrases tolerate one inserted word; names and cue phrases do not.
  private readonly trie = new PhraseTrie<Payload>((p) => p.kind === 'lex' && !CUE_LEXICONS.has(p.name));
  private readonly window: number;
  private readonly relatedIdx: number[][];

  constructor(
    readonly entities: readonly Entity[],
    lexicons: Readonly<Record<string, Lexicon>>,
    options: MatcherOptions = {},
  ) {
    this.window = options.window ?? 5;
    const index = new Map(entities.map((e, i) => [e.id, i]));
    this.relatedIdx = entities.map((e) => (e.related ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined));
    entities.forEach((e, i) => {
      for (const a of e.aliases) {
        this.trie.add(tokenisePhrase(a.text), { kind: 'alias', entity: i, strength: a.strength, framing: a.framing });
      }
      for (const c of e.context ?? []) this.trie.add(tokenisePhrase(c), { kind: 'ctx', entity: i });
    });
    for (const [name, lex] of Object.entries(lexicons)) {
      for (const phrase of [...lex.en, ...lex.fa, ...lex.ar, ...(lex.any ?? [])]) this.trie.add(tokenisePhrase(phrase), { kind: 'lex', name });
    }
  }

  /** Number of phrases (aliases, context words, lexicon entries) in the trie. */
  get phrases(): number {
    return this.trie.phrases;
  }

  /** Mentions and hits of one post with their flags. */
  analyse(text: string): PostAnalysis {
    const pt = tokenisePost(text);
    const { tokens, sentence, clause, quoted, hashtag } = pt;
    const matches = this.trie.findAll(tokens);

    // Aliases: longest first, no overlaps (Kata'ib Hezbollah is not also Hezbollah).
    const aliasMatches = matches
      .filter((m) => m.payload.kind === 'alias')
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const taken = new Uint8Array(tokens.length);
    const raw: { m: (typeof aliasMatches)[number]; entity: number }[] = [];
    for (const m of aliasMatches) {
      let free = true;
      for (let k = m.start; k < m.end; k++) if (taken[k]) free = false;
      if (!free || m.payload.kind !== 'alias') continue;
      for (let k = m.start; k < m.end; k++) taken[k] = 1;
      raw.push({ m, entity: m.payload.entity });
    }

    const ctx = new Map<number, number>();
    let block = 0;
    let domain = 0;
    const lexRaw: { name: string; start: number; end: number }[] = [];
    for (const m of matches) {
      const p = m.payload;
      if (p.kind === 'ctx') ctx.set(p.entity, (ctx.get(p.entity) ?? 0) + 1);
      else if (p.kind === 'lex') {
        if (p.name === 'sports_entertainment') block++;
        // Condemnation vocabulary is entity context too: nobody calls a footballer a terrorist.
        else if (p.name === 'entity_domain' || p.name === 'condemnation') domain++;
        let overlaps = false;
        for (let k = m.start; k < m.end; k++) if (taken[k]) overlaps = true;
        if (!overlaps) lexRaw.push({ name: p.name, start: m.start, end: m.end });
      }
    }

    const strongEntities = new Set<number>();
    for (const r of raw) if (r.m.payload.kind === 'alias' && r.m.payload.strength === 'strong') strongEntities.add(r.entity);
    const mentions: Mention[] = [];
    for (const r of raw) {
      const p = r.m.payload;
      if (p.kind !== 'alias') continue;
      const e = r.entity;
      const resolved =
        p.strength === 'strong' ||
        strongEntities.has(e) ||
        (this.relatedIdx[e] ?? []).some((x) => strongEntities.has(x)) ||
        (ctx.get(e) ?? 0) + domain > block ||
        hashtag[r.m.start] === 1;
      mentions.push({
        entityId: (this.entities[e] as Entity).id,
        start: r.m.start,
        end: r.m.end,
        text: joinSpan(tokens, r.m.start, r.m.end),
        strength: p.strength,
        resolved,
        slogan: p.framing !== undefined,
      });
      if (p.framing !== undefined && resolved) lexRaw.push({ name: p.framing, start: r.m.start, end: r.m.end });
    }
    const resolvedMentions = mentions.filter((m) => m.resolved);

    // Speaking as an organisation: "we (are) (the) <org>", "ما <org>", "نحن <org>".
    for (const m of resolvedMentions) {
      const e = this.entities.find((x) => x.id === m.entityId);
      if (e?.type !== 'organisation') continue;
      let k = m.start - 1;
      while (k >= 0 && k >= m.start - 3 && FIRST_PERSON_FILLER.has(tokens[k] ?? '') && sentence[k] === sentence[m.start]) k--;
      if (k >= 0 && k >= m.start - 3 && FIRST_PERSON.has(tokens[k] ?? '') && sentence[k] === sentence[m.start]) {
        lexRaw.push({ name: 'first_person_org', start: k, end: m.start });
      }
    }

    // A cue inside a longer sarcasm cue is not a cue of its own ("so-called" is not "called").
    const sarcasmSpans = lexRaw.filter((h) => h.name === 'sarcasm');
    const inSarcasm = (h: { name: string; start: number; end: number }) =>
      h.name !== 'sarcasm' && sarcasmSpans.some((x) => x.start <= h.start && h.end <= x.end && x.end - x.start > h.end - h.start);
    for (let k = lexRaw.length - 1; k >= 0; k--) if (inSarcasm(lexRaw[k] as (typeof lexRaw)[number])) lexRaw.splice(k, 1);

    // Cue positions.
    const negTok = new Uint8Array(tokens.length);
    const attrSent = new Set<number>();
    let sarcasm = false;
    for (const h of lexRaw) {
      if (h.name === 'negation') for (let k = h.start; k < h.end; k++) negTok[k] = 1;
      else if (h.name === 'attribution' || h.name === 'meta_discourse') attrSent.add(sentence[h.start] ?? 0);
      else if (h.name === 'sarcasm') sarcasm = true;
    }
    const pronounSent = new Set<number>();
    tokens.forEach((t, i) => {
      if (PRONOUNS.has(t)) pronounSent.add(sentence[i] ?? 0);
    });

    const hits: LexiconHit[] = [];
    for (const h of lexRaw) {
      let name = h.name;
      if (name === 'imperative_call') {
        const prev = h.start > 0 && sentence[h.start - 1] === sentence[h.start] ? tokens[h.start - 1] : undefined;
        const nextIsEntity = resolvedMentions.some((m) => m.start >= h.end && m.start <= h.end + 2);
        if (!nextIsEntity || !(prev === undefined || CALL_LEAD.has(prev))) continue;
        name = 'recruitment';
      }
      const s = sentence[h.start] ?? 0;
      let negated = false;
      // Negation scopes over its own clause: "لن يتكرر، رحمك الله" does not negate the blessing.
      const cl = clause[h.start];
      for (let k = Math.max(0, h.start - 2); k < h.start; k++) if (negTok[k] && clause[k] === cl) negated = true;
      if (ARABIC_SCRIPT_RE.test(tokens[h.start] ?? '')) {
        for (let k = h.end; k < Math.min(tokens.length, h.end + 2); k++) if (negTok[k] && clause[k] === cl) negated = true;
      }
      let isQuoted = false;
      for (let k = h.start; k < h.end; k++) if (quoted[k]) isQuoted = true;
      let distance = Infinity;
      let nearest: Mention | undefined;
      let near = false;
      for (const m of resolvedMentions) {
        const d = m.end <= h.start ? h.start - m.end : h.end <= m.start ? m.start - h.end : 0;
        if (d < distance) {
          distance = d;
          nearest = m;
        }
        const ms = sentence[m.start] ?? 0;
        const arabic = ARABIC_SCRIPT_RE.test(tokens[h.start] ?? '');
        if (
          ms === s ||
          d <= this.window ||
          hashtag[h.start] === 1 ||
          hashtag[m.start] === 1 ||
          (Math.abs(ms - s) === 1 && (pronounSent.has(s) || arabic))
        ) {
          near = true;
        }
      }
      hits.push({
        lexicon: name,
        start: h.start,
        end: h.end,
        text: joinSpan(tokens, h.start, h.end),
        negated: negated && name !== 'negation',
        quoted: isQuoted,
        attributed: attrSent.has(s) && !CUE_LEXICONS.has(name),
        question: pt.questions.has(s),
        sarcastic: sarcasm,
        distance,
        near: near && !CUE_LEXICONS.has(name),
        entityId: nearest?.entityId,
      });
    }

    const entityIds: string[] = [];
    for (const m of resolvedMentions) if (!entityIds.includes(m.entityId)) entityIds.push(m.entityId);
    let hashtagOnly = tokens.length > 0;
    for (let k = 0; k < tokens.length; k++) if (!hashtag[k] && !(tokens[k] ?? '').startsWith('eex')) hashtagOnly = false;
    return { tokens: pt, mentions, hits, entityIds, hashtagOnly, sarcasm };
  }
}

/** The tokens of a span joined by spaces (no allocation for one token). */
function joinSpan(tokens: readonly string[], start: number, end: number): string {
  return end - start === 1 ? (tokens[start] as string) : tokens.slice(start, end).join(' ');
}

/**
 * True when a hit counts as the author's own claim: not negated, quoted, attributed or asked, and
 * (unless `ignoreSarcasm`, used for condemnation, which sarcasm does not undo) not in a sarcastic post.
 */
export function isAsserted(h: LexiconHit, ignoreSarcasm = false): boolean {
  return !h.negated && !h.quoted && !h.attributed && !h.question && (ignoreSarcasm || !h.sarcastic);
}
