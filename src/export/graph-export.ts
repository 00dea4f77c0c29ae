/**
 * The findings as a graph for Gephi and other network tools: GEXF 1.3 (gexf.net) and GraphML
 * (graphml.graphdrawing.org). Nodes are accounts with their cluster, verdict, indicators and
 * followers; edges join account pairs, one edge per pair, with the weight and q-value of each
 * signal as attributes. Every name and id is XML-escaped.
 */
import { SIGNALS } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { escapeXml } from './escape.ts';
import { loadFindings, type Findings, type FindingsSelection } from './findings.ts';

export interface GraphNode {
  id: string;
  label: string;
  platform: string;
  surface: string;
  handle: string;
  cluster: string;
  verdict: string;
  score: number;
  /** Indicators detect attributed to this account (when it lists the accounts of an indicator). */
  indicators: string;
  /** Every indicator of the account's cluster. */
  clusterIndicators: string;
  followers: number | null;
  removed: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
  signals: string;
  /** Smallest q-value over the pair's signals. */
  qValue: number | null;
  bySignal: Map<string, { weight: number; qValue: number | null }>;
}

export interface FindingsGraph {
  runId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Signals named in the attribute lists: the shared names, then any other name detect wrote. */
function listSignals(edges: readonly GraphEdge[]): string[] {
  const extra = new Set<string>();
  for (const e of edges) for (const s of e.bySignal.keys()) if (!(SIGNALS as readonly string[]).includes(s)) extra.add(s);
  return [...SIGNALS, ...[...extra].sort()];
}

/** Builds the graph of the chosen clusters (default: every cluster of the run). */
export function toFindingsGraph(findings: Findings): FindingsGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const c of findings.clusters) {
    // Detect may list an indicator's accounts or only count them: attribute to accounts only when listed.
    const indicatorsByAccount = new Map<string, string[]>();
    for (const i of c.indicators) {
      if (!Array.isArray(i['accounts'])) continue;
      for (const a of (i['accounts'] as unknown[]).map(String)) indicatorsByAccount.set(a, [...(indicatorsByAccount.get(a) ?? []), i.indicator]);
    }
    const clusterIndicators = [...new Set(c.indicators.map((i) => i.indicator))].sort().join(',');
    for (const a of c.accounts) {
      if (nodes.has(a.accountId)) continue;
      nodes.set(a.accountId, {
        id: a.accountId,
        label: a.handle ? `@${a.handle}` : (a.displayName ?? a.accountId),
        platform: a.platform,
        surface: a.surface,
        handle: a.handle ?? '',
        cluster: c.clusterId,
        verdict: c.verdict,
        score: c.score,
        indicators: [...new Set(indicatorsByAccount.get(a.accountId) ?? [])].sort().join(','),
        clusterIndicators,
        followers: a.followers,
        removed: a.removed,
      });
    }
    for (const e of c.edges) {
      const [source, target] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
      for (const id of [source, target]) {
        if (!nodes.has(id)) {
          nodes.set(id, { id, label: id, platform: '', surface: '', handle: '', cluster: c.clusterId, verdict: c.verdict, score: c.score, indicators: '', clusterIndicators, followers: null, removed: false });
        }
      }
      const key = `${source}\u0000${target}`;
      const edge = edges.get(key) ?? { source, target, weight: 0, signals: '', qValue: null, bySignal: new Map() };
      const s = edge.bySignal.get(e.signal) ?? { weight: 0, qValue: null };
      s.weight += e.weight;
      if (e.qValue !== null) s.qValue = s.qValue === null ? e.qValue : Math.min(s.qValue, e.qValue);
      edge.bySignal.set(e.signal, s);
      edge.weight += e.weight;
      if (e.qValue !== null) edge.qValue = edge.qValue === null ? e.qValue : Math.min(edge.qValue, e.qValue);
      edge.signals = [...edge.bySignal.keys()].sort().join(',');
      edges.set(key, edge);
    }
  }
  const byId = (a: { id?: string; source?: string; target?: string }, b: typeof a): number => {
    const ka = a.id ?? `${a.source}\u0000${a.target}`;
    const kb = b.id ?? `${b.source}\u0000${b.target}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  return { runId: findings.runId, nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(byId) };
}

/** Reads the chosen findings and builds their graph. */
export async function loadFindingsGraph(store: Store, selection: FindingsSelection = {}): Promise<FindingsGraph> {
  return toFindingsGraph(await loadFindings(store, selection));
}

const NODE_ATTRIBUTES = [
  ['platform', 'string'],
  ['surface', 'string'],
  ['handle', 'string'],
  ['cluster', 'string'],
  ['verdict', 'string'],
  ['score', 'double'],
  ['indicators', 'string'],
  ['cluster_indicators', 'string'],
  ['followers', 'long'],
  ['removed', 'boolean'],
] as const;

function nodeValue(n: GraphNode, key: (typeof NODE_ATTRIBUTES)[number][0]): string | null {
  const v = key === 'cluster_indicators' ? n.clusterIndicators : n[key];
  if (v === null) return null;
  return typeof v === 'number' ? String(v) : typeof v === 'boolean' ? String(v) : v;
}

/** GEXF 1.3 for Gephi. */
export function renderGexf(graph: FindingsGraph): string {
  const x = escapeXml;
  const signals = listSignals(graph.edges);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">');
  out.push(`  <meta><creator>takedown</creator><description>Findings of detect run ${x(graph.runId)}</description></meta>`);
  out.push('  <graph mode="static" defaultedgetype="undirected">');
  out.push('    <attributes class="node">');
  for (const [id, type] of NODE_ATTRIBUTES) out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`);
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  out.push('      <attribute id="signals" title="signals" type="string"/>');
  out.push('      <attribute id="q_value" title="q_value" type="double"/>');
  for (const s of signals) {
    out.push(`      <attribute id="w_${x(s)}" title="weight ${x(s)}" type="double"/>`);
    out.push(`      <attribute id="q_${x(s)}" title="q_value ${x(s)}" type="double"/>`);
  }
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const n of graph.nodes) {
    const values = NODE_ATTRIBUTES.map(([k]) => [k, nodeValue(n, k)] as const)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `<attvalue for="${k}" value="${x(v ?? '')}"/>`)
      .join('');
    out.push(`      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues>${values}</attvalues></node>`);
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  graph.edges.forEach((e, i) => {
    const values = [`<attvalue for="signals" value="${x(e.signals)}"/>`];
    if (e.qValue !== null) values.push(`<attvalue for="q_value" value="${e.qValue}"/>`);
    for (const [s, v] of [...e.bySignal.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      values.push(`<attvalue for="w_${x(s)}" value="${v.weight}"/>`);
      if (v.qValue !== null) values.push(`<attvalue for="q_${x(s)}" value="${v.qValue}"/>`);
    }
    out.push(`      <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.weight}"><attvalues>${values.join('')}</attvalues></edge>`);
  });
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

const GRAPHML_TYPES: Record<string, string> = { string: 'string', double: 'double', long: 'long', boolean: 'boolean' };

/** GraphML (yEd, Gephi, networkx, igraph). */
export function renderGraphml(graph: FindingsGraph): string {
  const x = escapeXml;
  const signals = listSignals(graph.edges);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">');
  out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>');
  for (const [id, type] of NODE_ATTRIBUTES) out.push(`  <key id="${id}" for="node" attr.name="${id}" attr.type="${GRAPHML_TYPES[type]}"/>`);
  out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  out.push('  <key id="signals" for="edge" attr.name="signals" attr.type="string"/>');
  out.push('  <key id="q_value" for="edge" attr.name="q_value" attr.type="double"/>');
  for (const s of signals) {
    out.push(`  <key id="w_${x(s)}" for="edge" attr.name="weight_${x(s)}" attr.type="double"/>`);
    out.push(`  <key id="q_${x(s)}" for="edge" attr.name="q_value_${x(s)}" attr.type="double"/>`);
  }
  out.push(`  <graph id="${x(`takedown-${graph.runId}`)}" edgedefault="undirected">`);
  for (const n of graph.nodes) {
    const data = [`<data key="label">${x(n.label)}</data>`];
    for (const [k] of NODE_ATTRIBUTES) {
      const v = nodeValue(n, k);
      if (v !== null) data.push(`<data key="${k}">${x(v)}</data>`);
    }
    out.push(`    <node id="${x(n.id)}">${data.join('')}</node>`);
  }
  graph.edges.forEach((e, i) => {
    const data = [`<data key="weight">${e.weight}</data>`, `<data key="signals">${x(e.signals)}</data>`];
    if (e.qValue !== null) data.push(`<data key="q_value">${e.qValue}</data>`);
    for (const [s, v] of [...e.bySignal.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      data.push(`<data key="w_${x(s)}">${v.weight}</data>`);
      if (v.qValue !== null) data.push(`<data key="q_${x(s)}">${v.qValue}</data>`);
    }
    out.push(`    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}">${data.join('')}</edge>`);
  });
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}
