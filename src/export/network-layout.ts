/**
 * A static, deterministic picture of a network for the report: ForceAtlas2 (Jacomy et al. 2014,
 * PLoS ONE 9(6): e98679) from graphology, started from positions on a circle in id order so the
 * same network always gives the same picture; computed here, drawn as SVG without any script.
 */
import { UndirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import type { FoundEdge } from './findings.ts';

export interface PictureNode {
  id: string;
  label: string;
  platform: string;
  removed: boolean;
  degree: number;
  /** Position in [0, 1]. */
  x: number;
  y: number;
}

export interface PictureEdge {
  a: string;
  b: string;
  weight: number;
  signals: string[];
}

export interface NetworkPicture {
  nodes: PictureNode[];
  edges: PictureEdge[];
  /** Nodes left out to keep the picture readable (lowest degree first). */
  omittedNodes: number;
}

/** Lays out a network's accounts and edges (at most `maxNodes` nodes, highest degree first). */
export function layoutNetwork(
  accounts: readonly { id: string; label: string; platform: string; removed: boolean }[],
  edges: readonly FoundEdge[],
  maxNodes = 300,
): NetworkPicture {
  const pairs = new Map<string, PictureEdge>();
  for (const e of edges) {
    if (e.a === e.b) continue;
    const [a, b] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
    const key = `${a}\u0000${b}`;
    const p = pairs.get(key) ?? { a, b, weight: 0, signals: [] };
    p.weight += e.weight;
    if (!p.signals.includes(e.signal)) p.signals.push(e.signal);
    pairs.set(key, p);
  }
  const degree = new Map<string, number>();
  for (const p of pairs.values()) {
    degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
    degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
  }
  const known = new Map<string, { id: string; label: string; platform: string; removed: boolean }>();
  for (const a of accounts) if (!known.has(a.id)) known.set(a.id, a);
  for (const id of degree.keys()) if (!known.has(id)) known.set(id, { id, label: id, platform: 'unknown', removed: false });
  const ordered = [...known.values()].sort((x, y) => (degree.get(y.id) ?? 0) - (degree.get(x.id) ?? 0) || (x.id < y.id ? -1 : 1));
  const kept = ordered.slice(0, maxNodes).sort((x, y) => (x.id < y.id ? -1 : 1));
  const keptIds = new Set(kept.map((n) => n.id));
  const keptEdges = [...pairs.values()].filter((p) => keptIds.has(p.a) && keptIds.has(p.b)).sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));

  const graph = new UndirectedGraph();
  kept.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, kept.length);
    graph.addNode(n.id, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  });
  for (const e of keptEdges) graph.addEdge(e.a, e.b, { weight: e.weight });
  if (kept.length > 1 && keptEdges.length > 0) {
    // graphology-layout-forceatlas2 is CommonJS: its default export is the module object under NodeNext.
    const forceAtlas2 = (fa2 as unknown as { default: ForceAtlas2 }).default;
    const positions = forceAtlas2(graph, {
      iterations: 300,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: false },
    });
    for (const [id, pos] of Object.entries(positions)) graph.mergeNodeAttributes(id, pos);
  }
  const xs = kept.map((n) => graph.getNodeAttribute(n.id, 'x') as number);
  const ys = kept.map((n) => graph.getNodeAttribute(n.id, 'y') as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (v: number, lo: number, hi: number): number => (hi - lo < 1e-9 ? 0.5 : (v - lo) / (hi - lo));
  return {
    nodes: kept.map((n, i) => ({
      ...n,
      degree: degree.get(n.id) ?? 0,
      x: round(scale(xs[i] ?? 0, minX, maxX)),
      y: round(scale(ys[i] ?? 0, minY, maxY)),
    })),
    edges: keptEdges,
    omittedNodes: ordered.length - kept.length,
  };
}

type ForceAtlas2 = ((
  graph: UndirectedGraph,
  options: { iterations: number; getEdgeWeight?: string; settings?: Record<string, unknown> },
) => Record<string, { x: number; y: number }>) & { inferSettings: (graph: UndirectedGraph) => Record<string, unknown> };

function round(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
