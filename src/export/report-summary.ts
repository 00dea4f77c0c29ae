/**
 * The platform-style summary of a network, in the form Meta uses in its Adversarial Threat
 * Reports ("We removed 51 Facebook accounts, 36 Pages, 7 Groups and 3 Instagram accounts for
 * violating our policy against coordinated inauthentic behaviour. About 4,500 accounts followed
 * one or more of these Pages …"), saying "removed" only for accounts with a takedown decision.
 */

export interface SurfaceCount {
  platform: string;
  surface: string;
  accounts: number;
  removed: number;
  proposed: number;
  /** Sum of the accounts' follower counts (an account following several is counted once per followed account). */
  followers: number;
}

const PLATFORM_NAMES: Record<string, string> = {
  twitter: 'Twitter',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  telegram: 'Telegram',
  tiktok: 'TikTok',
  reddit: 'Reddit',
};

const SURFACE_ORDER = ['account', 'page', 'group', 'channel'];

/** A platform's display name ('facebook' → 'Facebook'). */
export function toPlatformName(platform: string): string {
  return PLATFORM_NAMES[platform.toLowerCase()] ?? (platform.length > 0 ? platform[0]?.toUpperCase() + platform.slice(1) : 'Unknown platform');
}

function toSurfaceNoun(surface: string, n: number): string {
  const one = surface === 'page' ? 'Page' : surface === 'group' ? 'Group' : surface === 'channel' ? 'channel' : 'account';
  return n === 1 ? one : `${one}s`;
}

/** Joins phrases as English prose: 'a', 'a and b', 'a, b and c'. */
export function joinPhrases(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** '51 Facebook accounts, 36 Pages, 7 Groups and 3 Instagram accounts' for the counts chosen by `pick`. */
export function toPresenceList(counts: readonly SurfaceCount[], pick: (c: SurfaceCount) => number): string {
  const platforms = [...new Set(counts.map((c) => c.platform))];
  const parts: string[] = [];
  for (const p of platforms) {
    const rows = counts
      .filter((c) => c.platform === p && pick(c) > 0)
      .sort((a, b) => rank(a.surface) - rank(b.surface));
    rows.forEach((c, i) => {
      const n = pick(c);
      parts.push(`${formatCount(n)} ${i === 0 ? `${toPlatformName(p)} ` : ''}${toSurfaceNoun(c.surface, n)}`);
    });
  }
  return joinPhrases(parts);
}

function rank(surface: string): number {
  const i = SURFACE_ORDER.indexOf(surface);
  return i < 0 ? SURFACE_ORDER.length : i;
}

/** Rounds to two significant digits above 100, as the platforms' "about N" figures. */
export function roundAbout(n: number): number {
  if (n < 100) return n;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The summary paragraph of one network (plain text: escape it for the output format). */
export function toNetworkSummary(input: {
  verdict: string;
  counts: readonly SurfaceCount[];
  origin: string | null;
}): string {
  const policy = 'our policy against coordinated inauthentic behaviour';
  const removed = input.counts.reduce((s, c) => s + c.removed, 0);
  const proposed = input.counts.reduce((s, c) => s + c.proposed, 0);
  const sentences: string[] = [];
  if (removed > 0) sentences.push(`We removed ${toPresenceList(input.counts, (c) => c.removed)} for violating ${policy}.`);
  if (proposed > 0 && input.verdict !== 'likely_cib') {
    sentences.push(
      `We found ${toPresenceList(input.counts, (c) => c.proposed)} acting in coordination; ${proposed === 1 ? 'its' : 'their'} inauthenticity is not established, so ${proposed === 1 ? 'it is' : 'they are'} not proposed for removal.`,
    );
  } else if (proposed > 0) {
    sentences.push(
      removed > 0
        ? `A further ${toPresenceList(input.counts, (c) => c.proposed)} ${proposed === 1 ? 'is' : 'are'} proposed for removal.`
        : `We propose for removal ${toPresenceList(input.counts, (c) => c.proposed)} for violating ${policy}; no takedown decision has been recorded yet.`,
    );
  }
  const reach = input.counts
    .filter((c) => c.followers > 0)
    .sort((a, b) => (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : rank(a.surface) - rank(b.surface)))
    .map((c) => {
      const verb = c.surface === 'group' ? 'joined one or more of these Groups' : `followed one or more of these ${c.surface === 'page' ? 'Pages' : `${toPlatformName(c.platform)} ${toSurfaceNoun(c.surface, 2)}`}`;
      return `about ${formatCount(roundAbout(c.followers))} accounts ${verb}`;
    });
  if (reach.length > 0) {
    const text = joinPhrases(reach);
    sentences.push(`${text[0]?.toUpperCase()}${text.slice(1)}.`);
  }
  if (input.origin) sentences.push(input.origin);
  return sentences.join(' ');
}
