/**
 * The rendered graph, derived from the cluster data: one node per account at its server-computed
 * position, sized by activity and coloured by signal or indicator; one edge per pair of accounts
 * whatever the number of signals between them (the panel lists them all). Pure: testable without React.
 */
import Graph from 'graphology';
import type { ClusterDetail } from '../types.ts';
import { indicatorColour, signalColour } from './palette.ts';

export type ColourBy = 'signal' | 'indicator';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}
export interface EdgeAttributes {
  size: number;
  color: string;
  keys: string[];
  signals: string[];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function buildRenderedGraph(
  detail: ClusterDetail,
  colourBy: ColourBy,
): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false });
  const maxPosts = Math.max(1, ...detail.nodes.map((n) => n.posts));
  // Dominant signal per account: the signal of most of its edges.
  const signalCount = new Map<string, Map<string, number>>();
  for (const e of detail.edges) {
    for (const id of [e.a, e.b]) {
      const m = signalCount.get(id) ?? signalCount.set(id, new Map()).get(id);
      m?.set(e.signal, (m.get(e.signal) ?? 0) + 1);
    }
  }
  for (const n of detail.nodes) {
    const counts = [...(signalCount.get(n.accountId) ?? new Map<string, number>())].sort(
      (x, y) => y[1] - x[1],
    );
    const colour =
      colourBy === 'signal' ? signalColour(counts[0]?.[0] ?? '') : indicatorColour(n.indicators[0]);
    graph.addNode(n.accountId, {
      x: n.x,
      y: n.y,
      size: 3 + 12 * Math.sqrt(n.posts / maxPosts),
      color: colour,
      // Drawn on the canvas by sigma, never parsed as HTML.
      label: n.displayName ?? n.handle ?? n.accountId,
    });
  }
  for (const e of detail.edges) {
    if (!graph.hasNode(e.a) || !graph.hasNode(e.b) || e.a === e.b) continue;
    const key = pairKey(e.a, e.b);
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttributes(key, (attr) => ({
        ...attr,
        keys: [...attr.keys, e.key],
        signals: [...attr.signals, e.signal],
        size: Math.min(attr.size + 1, 8),
      }));
    } else {
      graph.addEdgeWithKey(key, e.a, e.b, {
        size: 2,
        color: signalColour(e.signal),
        keys: [e.key],
        signals: [e.signal],
      });
    }
  }
  return graph;
}
