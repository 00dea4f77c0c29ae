/**
 * A brute-force transcription of CooRTweet 2.1.3 `detect_groups` (R/detect_groups.R,
 * R/calc_group_combinations.R) in plain TypeScript, step for step and without any of the SQL
 * version's shortcuts: the cartesian self-join per object, then the |Δt| filter. Quadratic;
 * used only by tests as the independent reference the SQL implementation is checked against.
 */
import type { CoSharePair } from './co-share-pairs.ts';
import type { ShareRow } from './share-table.ts';

/** CooRTweet's `detect_groups(x, time_window, min_participation, remove_loops)`, by brute force. */
export function computeCoSharePairsByBruteForce(
  x: readonly ShareRow[],
  timeWindow: number,
  minParticipation: number,
  removeLoops = true,
): CoSharePair[] {
  // x[, if (.N >= min_participation) .SD, by = account_id]: groups in order of first appearance.
  const byAccount = new Map<string, ShareRow[]>();
  for (const row of x) {
    const group = byAccount.get(row.account_id);
    if (group) group.push(row);
    else byAccount.set(row.account_id, [row]);
  }
  const kept: ShareRow[] = [];
  for (const group of byAccount.values()) if (group.length >= minParticipation) kept.push(...group);

  // x[, calc_group_combinations(.SD, time_window), by = object_id]
  const byObject = new Map<string, ShareRow[]>();
  for (const row of kept) {
    const group = byObject.get(row.object_id);
    if (group) group.push(row);
    else byObject.set(row.object_id, [row]);
  }
  type Raw = { object_id: string; content_id: string; content_id_y: string; time_delta: number; account_id: string; account_id_y: string };
  let result: Raw[] = [];
  for (const [objectId, group] of byObject) {
    // group[group, on = .(id < id)]: x rows with a smaller index than the i row.
    for (let i = 0; i < group.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = group[j]!;
        const b = group[i]!;
        const timeDelta = a.timestamp_share - b.timestamp_share;
        if (Math.abs(timeDelta) > timeWindow) continue;
        result.push({
          object_id: objectId,
          content_id: a.content_id,
          content_id_y: b.content_id,
          time_delta: timeDelta,
          account_id: a.account_id,
          account_id_y: b.account_id,
        });
      }
    }
  }

  if (removeLoops) {
    result = result.filter(
      (r) =>
        r.object_id !== r.content_id &&
        r.object_id !== r.content_id_y &&
        r.content_id !== r.content_id_y &&
        r.account_id !== r.account_id_y,
    );
  }

  if (minParticipation >= 1) {
    const contentIds = new Set<string>();
    for (const r of result) {
      contentIds.add(r.content_id);
      contentIds.add(r.content_id_y);
    }
    const rowsByAccount = new Map<string, ShareRow[]>();
    for (const row of kept) {
      if (!contentIds.has(row.content_id)) continue;
      const group = rowsByAccount.get(row.account_id);
      if (group) group.push(row);
      else rowsByAccount.set(row.account_id, [row]);
    }
    const filt = new Set<string>();
    for (const group of rowsByAccount.values()) {
      if (group.length >= minParticipation) for (const row of group) filt.add(row.content_id);
    }
    result = result.filter((r) => filt.has(r.content_id) || filt.has(r.content_id_y));
  }

  // Swap where time_delta > 0 so that the older share comes first; time_delta := abs(time_delta).
  return result.map((r) =>
    r.time_delta > 0
      ? {
          object_id: r.object_id,
          content_id: r.content_id_y,
          content_id_y: r.content_id,
          time_delta: r.time_delta,
          account_id: r.account_id_y,
          account_id_y: r.account_id,
        }
      : { ...r, time_delta: Math.abs(r.time_delta) },
  );
}
