// Where each node of the callback graph goes, by a real layered-graph layout (Sugiyama: ranks, crossing
// reduction, coordinate assignment), left to right.
//
// Why dagre (@dagrejs/dagre) and not elkjs: the callback graph is a plain DAG of a few hundred nodes at most with
// no ports or nested groups, which is exactly dagre's case; dagre is ~49 kB minified with one dependency and lays
// such a graph out synchronously in milliseconds, while elkjs is ~1.4 MB (a GWT-compiled Java library), wants a web
// worker to stay responsive, and its extra power (ports, compound layouts) buys nothing here. This module and the
// library come in a chunk of their own, fetched only when the graph panel first opens (panel.ts, build.mjs).
import { Graph, layout } from "@dagrejs/dagre";
import { layoutInput, type CallbackGraph, type EdgeKind } from "./graph_model";

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  /** Centre, as the layout gives it. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  points: Point[];
}

export interface Placed {
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** Lay the graph out; the layout library is given only sizes and edges (graph_model.layoutInput). */
export function place(graph: CallbackGraph): Placed {
  const input = layoutInput(graph);
  // A multigraph: one prop may be both an Input and a State of one callback, and each edge is drawn.
  const g = new Graph({ multigraph: true });
  g.setGraph({ ...input.graph });
  g.setDefaultEdgeLabel(() => ({}));
  input.nodes.forEach((n) => g.setNode(n.id, { width: n.width, height: n.height }));
  input.edges.forEach((e, i) => g.setEdge(e.from, e.to, { weight: e.weight, minlen: e.minlen }, String(i)));
  layout(g);
  const nodes = new Map<string, PlacedNode>();
  input.nodes.forEach((n) => {
    const at = g.node(n.id);
    nodes.set(n.id, { x: at.x, y: at.y, width: n.width, height: n.height });
  });
  const edges = graph.edges.map((e, i) => {
    const label = g.edge({ v: e.from, w: e.to, name: String(i) }) as { points?: Point[] } | undefined;
    return { from: e.from, to: e.to, kind: e.kind, points: label?.points ?? [] };
  });
  const size = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}

/** An SVG path through the layout's points, its corners rounded by quadratic curves through the midpoints. */
export function pathOf(points: Point[]): string {
  if (!points.length) return "";
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i], next = points[i + 1];
    d += ` Q${f(p.x)},${f(p.y)} ${f((p.x + next.x) / 2)},${f((p.y + next.y) / 2)}`;
  }
  const last = points[points.length - 1];
  return d + ` L${f(last.x)},${f(last.y)}`;
}
