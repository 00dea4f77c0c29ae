/** One edge with its evidence: the two posts side by side, how far apart, and what they share. */
import { notFoundError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { parseEdgeKey } from './clusters.ts';
import { clipText, parseJsonColumn } from './json-column.ts';
import { readLatestRunId } from './latest-run.ts';
import { readPostsById, type PostView } from './posts.ts';

const MAX_EVIDENCE = 100;

export interface EvidenceView {
  postA: PostView | null;
  postB: PostView | null;
  postIdA: string | null;
  postIdB: string | null;
  objectType: string | null;
  objectId: string | null;
  deltaMs: number | null;
}

function field(e: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (e[n] !== undefined) return e[n];
  return undefined;
}

export async function readEdge(store: Store, key: string) {
  const parsed = parseEdgeKey(key);
  const runId = await readLatestRunId(store);
  if (!parsed || !runId) throw notFoundError('There is no such edge in the latest detect run');
  const [clusterId, a, b, signal] = parsed;
  const row = await store.one(
    'SELECT a, b, signal, weight, p_value, q_value, evidence FROM edges WHERE run_id = $1 AND cluster_id = $2 AND a = $3 AND b = $4 AND signal = $5 LIMIT 1',
    [runId, clusterId, a, b, signal],
  );
  if (!row) throw notFoundError('There is no such edge in the latest detect run');
  const raw = parseJsonColumn<unknown[]>(row['evidence'], []);
  const all = Array.isArray(raw)
    ? raw.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    : [];
  const items = all.slice(0, MAX_EVIDENCE);
  const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
  const ids = items
    .flatMap((e) => [str(field(e, 'post_a', 'postA')), str(field(e, 'post_b', 'postB'))])
    .filter((x): x is string => x !== null);
  const posts = await readPostsById(store, [...new Set(ids)]);
  const evidence: EvidenceView[] = items.map((e) => {
    const pa = str(field(e, 'post_a', 'postA'));
    const pb = str(field(e, 'post_b', 'postB'));
    const postA = pa ? (posts.get(pa) ?? null) : null;
    const postB = pb ? (posts.get(pb) ?? null) : null;
    const d = field(e, 'delta_ms', 'deltaMs', 'time_delta');
    return {
      postA,
      postB,
      postIdA: pa,
      postIdB: pb,
      objectType: str(field(e, 'object_type', 'objectType')),
      objectId: clipText(field(e, 'object_id', 'objectId'), 2000),
      deltaMs:
        typeof d === 'number' ? d : postA && postB ? Math.abs(postB.timeMs - postA.timeMs) : null,
    };
  });
  return {
    key,
    clusterId,
    a,
    b,
    signal,
    weight: Number(row['weight']),
    pValue: row['p_value'] == null ? null : Number(row['p_value']),
    qValue: row['q_value'] == null ? null : Number(row['q_value']),
    evidenceTotal: all.length,
    evidence,
  };
}
