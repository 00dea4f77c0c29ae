/**
 * Tiers in the sense of Meta's Dangerous Organizations & Individuals policy (see
 * ../shared/research/tns-anchors.md §c): tier 1 is terrorism — US FTO and SDGT designations and
 * the UN Security Council's ISIL (Da'esh) and Al-Qaida list; tier 2 other violent or IRGC-linked
 * programs; tier 3 everything else (sanctioned, but not a content-policy entity).
 */

const TIER1 = new Set(['FTO', 'SDGT', 'AL-QAIDA']);
const TIER2 = new Set(['IRGC', 'IFSR', 'NPWMD', 'IRAQ3', 'TALIBAN']);

/** The tier a set of programs gives (lowest number wins). */
export function tierOfPrograms(programs: readonly string[]): number {
  const up = programs.map((p) => p.toUpperCase());
  if (up.some((p) => TIER1.has(p))) return 1;
  if (up.some((p) => TIER2.has(p))) return 2;
  return 3;
}
