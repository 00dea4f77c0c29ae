/**
 * Fuses the significant signal edges into one weighted, undirected account graph (graphology) and
 * finds communities with Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding
 * of communities in large networks"), seeded so that a run is reproducible.
 *
 * Fused weight of a pair: Σ over its signals of min(30, −log10 p). Evidence, not counts, is what
 * adds up: a pair tied by three independent signals is bound tighter than by one, and the cap
 * keeps one overwhelming signal (a ring's thousand co-retweets) from hiding all structure.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';

// The package is CommonJS with an ESM-style declaration file; under NodeNext resolution its
// default export is the function itself at run time.
const louvain = louvainModule as unknown as (
  graph: UndirectedGraph,
  options: { getEdgeWeight: string; rng: () => number },
) => Record<string, number>;

/** One account pair of the fused graph. */
export interface FusedEdge {
  a: string;
  b: string;
  /** Σ over the pair's signals of min(30, max(0.1, −log10 p)) (detect.ts sums it in SQL). */
  weight: number;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function createRng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cap and floor of one signal's −log10 p in the fused weight. */
export const MAX_FUSED_STRENGTH = 30;
export const MIN_FUSED_STRENGTH = 0.1;

/**
 * Groups accounts into communities; returns communities of two or more accounts, largest first.
 * `edges` hold one fused weight per pair; a pair listed twice has its weights added.
 */
export function findCommunities(edges: readonly FusedEdge[], seed: number): string[][] {
  const graph = new UndirectedGraph();
  const sorted = [...edges].sort((x, y) =>
    x.a === y.a ? (x.b < y.b ? -1 : x.b > y.b ? 1 : 0) : x.a < y.a ? -1 : 1,
  );
  for (const e of sorted) {
    if (!graph.hasNode(e.a)) graph.addNode(e.a);
    if (!graph.hasNode(e.b)) graph.addNode(e.b);
    const w = e.weight;
    if (graph.hasEdge(e.a, e.b))
      graph.updateEdgeAttribute(e.a, e.b, 'weight', (old: number | undefined) => (old ?? 0) + w);
    else graph.addEdge(e.a, e.b, { weight: w });
  }
  if (graph.order === 0) return [];
  const mapping = louvain(graph, { getEdgeWeight: 'weight', rng: createRng(seed) });
  const groups = new Map<number, string[]>();
  graph.forEachNode((node: string) => {
    const c = mapping[node]!;
    const list = groups.get(c);
    if (list) list.push(node);
    else groups.set(c, [node]);
  });
  // Louvain puts every node somewhere: an account tied to a cluster by one edge lands in it.
  // Membership needs ties to at least two other members (the 2-core of the community), except
  // in a pair; peeled accounts stay in the edge list but belong to no cluster.
  const cores = [...groups.values()].map((g) => peelToCore(graph, g));
  return cores
    .filter((g) => g.length >= 2)
    .map((g) => g.sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}

/** The 2-core of a community's subgraph (iteratively drops members with < 2 ties inside). */
function peelToCore(graph: UndirectedGraph, members: string[]): string[] {
  if (members.length <= 2) return members;
  const inside = new Set(members);
  const degree = new Map<string, number>();
  for (const m of members)
    degree.set(m, graph.filterNeighbors(m, (n: string) => inside.has(n)).length);
  const queue = members.filter((m) => degree.get(m)! < 2);
  while (queue.length > 0) {
    const m = queue.pop()!;
    if (!inside.delete(m)) continue;
    for (const n of graph.neighbors(m)) {
      if (!inside.has(n)) continue;
      const d = degree.get(n)! - 1;
      degree.set(n, d);
      if (d < 2) queue.push(n);
    }
  }
  return members.filter((m) => inside.has(m));
}
