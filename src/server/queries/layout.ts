/**
 * Node positions of a cluster's network, computed once on the server so the browser only draws:
 * ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6): e98679) from seeded initial positions for a
 * fixed number of iterations, so the same cluster always gets the same picture. Barnes-Hut
 * (θ = 0.5) above 1,000 nodes keeps a 10,000-account cluster to a few seconds, once.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Import from 'graphology-layout-forceatlas2';

// A CommonJS package: under NodeNext its types put the function on .default, Node on the module itself.
const forceAtlas2 = ((forceAtlas2Import as unknown as { default?: unknown }).default ??
  forceAtlas2Import) as typeof forceAtlas2Import.default;

export interface LayoutInput {
  nodes: readonly string[];
  edges: readonly { a: string; b: string; weight: number }[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Positions by node id; deterministic for a given input and seed. */
export function computeLayout(
  input: LayoutInput,
  options: { seed?: number; iterations?: number } = {},
): Map<string, { x: number; y: number }> {
  const rnd = mulberry32(options.seed ?? 1);
  const graph = new UndirectedGraph();
  for (const n of input.nodes) graph.mergeNode(n, { x: rnd() * 100, y: rnd() * 100 });
  for (const e of input.edges) {
    if (e.a === e.b || !graph.hasNode(e.a) || !graph.hasNode(e.b)) continue;
    const prev = graph.hasEdge(e.a, e.b)
      ? (graph.getEdgeAttribute(e.a, e.b, 'weight') as number)
      : 0;
    graph.mergeEdge(e.a, e.b, { weight: prev + Math.max(e.weight, 0.01) });
  }
  const big = graph.order > 1000;
  const iterations = options.iterations ?? (graph.order > 5000 ? 40 : big ? 100 : 300);
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: 'weight',
      settings: {
        ...forceAtlas2.inferSettings(graph),
        barnesHutOptimize: big,
        barnesHutTheta: 0.5,
      },
    });
  }
  const out = new Map<string, { x: number; y: number }>();
  graph.forEachNode((n: string, attr: Record<string, unknown>) =>
    out.set(n, {
      x: Math.round((attr['x'] as number) * 100) / 100,
      y: Math.round((attr['y'] as number) * 100) / 100,
    }),
  );
  return out;
}
