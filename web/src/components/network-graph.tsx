/** The cluster network drawn by sigma.js (WebGL); labels are drawn on canvas, so names cannot inject markup. */
import type Graph from 'graphology';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/build-graph.ts';

declare global {
  interface Window {
    /** For end-to-end tests and power users: where an edge or node is on screen. */
    __takedownGraph?: {
      edgeViewportPosition: (edge: string) => { x: number; y: number } | null;
      edges: () => string[];
    };
  }
}

export function NetworkGraph(props: {
  graph: Graph<NodeAttributes, EdgeAttributes>;
  onEdgeClick: (edge: string, attributes: EdgeAttributes) => void;
  onNodeClick: (node: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    if (!container.current) return;
    const { graph } = props;
    const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container.current, {
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 10,
      defaultEdgeColor: '#ccc',
      zIndex: true,
      // Large networks: skip edges and labels while the camera moves, so panning stays fluid.
      hideEdgesOnMove: graph.size > 5000,
      hideLabelsOnMove: graph.order > 2000,
    });
    renderer.on('clickEdge', ({ edge }) =>
      handlers.current.onEdgeClick(edge, graph.getEdgeAttributes(edge)),
    );
    renderer.on('clickNode', ({ node }) => handlers.current.onNodeClick(node));
    renderer.on('enterEdge', () => container.current?.classList.add('pointer'));
    renderer.on('leaveEdge', () => container.current?.classList.remove('pointer'));
    window.__takedownGraph = {
      edges: () => graph.edges(),
      edgeViewportPosition: (edge) => {
        if (!graph.hasEdge(edge)) return null;
        const [s, t] = graph.extremities(edge);
        const a = graph.getNodeAttributes(s);
        const b = graph.getNodeAttributes(t);
        const p = renderer.graphToViewport({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
        const rect = container.current?.getBoundingClientRect();
        return { x: p.x + (rect?.left ?? 0), y: p.y + (rect?.top ?? 0) };
      },
    };
    return () => {
      renderer.kill();
      delete window.__takedownGraph;
    };
  }, [props.graph]);

  return <div className="network" ref={container} data-testid="network" />;
}
