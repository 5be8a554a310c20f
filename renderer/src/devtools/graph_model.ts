// The callback graph as nodes and edges, and each callback's recent runs with why it ran or did not. Pure (no DOM,
// no layout library): graph_view.ts lays it out and draws it; the tests check it directly.
import { actionLabel, ms, type Action, type CallbackInfo, type Entry, type Model } from "./model";

export type NodeKind = "prop" | "callback";
export type EdgeKind = "input" | "state" | "output";

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** A prop: its component id; a callback: its name. */
  label: string;
  /** A prop: `.prop`; a callback: where it is defined (file:line) or "clientside". */
  sub: string;
  /** The prop's key, or the callback's index. */
  key?: string;
  cb?: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface CallbackGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What the layout library is given: left to right, inputs in the first rank, each callback between. */
export interface LayoutInput {
  graph: { rankdir: "LR"; nodesep: number; ranksep: number; edgesep: number; marginx: number; marginy: number };
  nodes: { id: string; width: number; height: number }[];
  edges: { from: string; to: string; weight: number; minlen: number }[];
}

// Node sizes from the text: the view draws 12px system-ui labels and 11px sub-labels; ~7 px per character is
// close enough for layout (the view clips what is longer), and keeps this module free of the DOM.
const CHAR = 6.6;
const PAD = 24;
const MAX_WIDTH = 230;
const widthOf = (label: string, sub: string, min: number) =>
  Math.min(MAX_WIDTH, Math.max(min, PAD + CHAR * Math.max(label.length, sub.length * 0.9)));

/** `id.prop` split at the last dot (a pattern id is JSON and may hold dots of its own before it). */
export function splitProp(key: string): [string, string] {
  const at = key.lastIndexOf(".");
  return at < 0 ? [key, ""] : [key.slice(0, at), key.slice(at + 1)];
}

/** file:line shortened to the file's name: the panel is narrow and the full path is in the details. */
export function shortWhere(where: string): string {
  const slash = Math.max(where.lastIndexOf("/"), where.lastIndexOf("\\"));
  return slash < 0 ? where : where.slice(slash + 1);
}

export const propId = (key: string) => `p:${key}`;
export const callbackId = (cb: number) => `c:${cb}`;

/** Every prop a callback reads or writes and every callback, as nodes; Input/State → callback → Output edges. */
export function buildGraph(callbacks: CallbackInfo[]): CallbackGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const prop = (key: string) => {
    const id = propId(key);
    if (seen.has(id)) return id;
    seen.add(id);
    const [component, name] = splitProp(key);
    const sub = name ? `.${name}` : "";
    nodes.push({ id, kind: "prop", label: component, sub, key, width: widthOf(component, sub, 90), height: 38 });
    return id;
  };
  const named = new Map<string, number>();
  callbacks.forEach((c) => named.set(c.name, (named.get(c.name) ?? 0) + 1));
  callbacks.forEach((info, cb) => {
    const id = callbackId(cb);
    // One function registered many times shares its file:line too: its first Output tells the copies apart.
    const place = (named.get(info.name) ?? 0) > 1 && info.outputs.length ? `→ ${info.outputs[0]}` : shortWhere(info.where);
    const sub = info.clientside ? `clientside · ${place}` : place;
    nodes.push({ id, kind: "callback", label: info.name, sub, cb, width: widthOf(info.name, sub, 120), height: 44 });
    // A prop both read and written by one callback (a circular callback) gets both edges; the layout reverses one.
    info.inputs.forEach((k) => edges.push({ from: prop(k), to: id, kind: "input" }));
    info.states.forEach((k) => edges.push({ from: prop(k), to: id, kind: "state" }));
    info.outputs.forEach((k) => edges.push({ from: id, to: prop(k), kind: "output" }));
  });
  return { nodes, edges };
}

/** The layout library's input: States weigh less than Inputs, so chains of triggers are kept straightest. */
export function layoutInput(graph: CallbackGraph): LayoutInput {
  return {
    graph: { rankdir: "LR", nodesep: 14, ranksep: 44, edgesep: 8, marginx: 16, marginy: 16 },
    nodes: graph.nodes.map(({ id, width, height }) => ({ id, width, height })),
    edges: graph.edges.map(({ from, to, kind }) => ({ from, to, weight: kind === "state" ? 1 : 2, minlen: 1 })),
  };
}

export type RunStatus = "ran" | "no_update" | "skipped" | "not run" | "deferred" | "clientside" | "error" | "not in event";

/** One action seen from one callback: what it did, and why. */
export interface Run {
  seq: number;
  action: string;
  status: RunStatus;
  why: string;
  ms?: number;
  triggered: string[];
  inputs: [string, string][];
  outputs: [string, string][];
  dropped?: "stale" | "tainted";
}

const REASONS: Record<string, string> = {
  PreventUpdate: "it raised PreventUpdate",
  "prevented upstream": "a callback it waits on raised PreventUpdate",
  prevent_initial_call: "prevent_initial_call=True: it does not run at page load",
  "no input in layout": "none of its Inputs is in the layout",
  "input not in layout": "an Input is not in the layout",
  "state not in layout": "a State is not in the layout",
  "output not in layout": "its Output is not in the layout",
  "no output in layout": "none of its Outputs is in the layout",
  cancelled: "its background job was cancelled",
};

/** Why a callback did what this entry says. */
export function why(entry: Entry, info: CallbackInfo | undefined): [RunStatus, string] {
  switch (entry.kind) {
    case "result": {
      const all = info?.outputs ?? [];
      const left = entry.noUpdate ?? [];
      if (all.length > 0 && left.length >= all.length && !(entry.outputs ?? []).length && !(entry.patched ?? []).length) {
        return ["no_update", "it ran and returned no_update for every output"];
      }
      const by = entry.triggered?.length ? `triggered by ${entry.triggered.join(", ")}` : "its initial call at page load";
      return ["ran", left.length ? `${by}; no_update for ${left.join(", ")}` : by];
    }
    case "skip":
      return ["skipped", REASONS[entry.reason ?? ""] ?? entry.reason ?? ""];
    case "note":
      return ["not run", REASONS[entry.reason ?? ""] ?? entry.reason ?? ""];
    case "deferred":
      return ["deferred", "it waits for a value still pending; asked for again"];
    case "client":
      return ["clientside", "handed to the browser, which runs it and sends its outputs in a follow-up"];
    case "error":
      return ["error", `it raised: ${entry.message ?? ""}`];
  }
}

/** Why a callback has no line in an action: nothing it reads changed (the server plans only what a change reaches). */
function absent(action: Action, info: CallbackInfo | undefined): string {
  if (action.seq === 0) return "no initial call for it at page load";
  const changed = action.changed.map(([k]) => k);
  const inputs = info?.inputs ?? [];
  if (changed.length && !changed.some((k) => inputs.includes(k))) {
    return `none of its Inputs (${inputs.join(", ") || "—"}) changed`;
  }
  return "no Input of it was written in this event";
}

/** A callback's part in the last `limit` actions, newest first: each run, skip, or absence with its reason. */
export function runsOf(model: Model, cb: number, limit = 8): Run[] {
  const info = model.callbacks[cb];
  const runs: Run[] = [];
  for (let i = model.actions.length - 1; i >= 0 && runs.length < limit; i--) {
    const action = model.actions[i];
    const mine = action.entries.filter((e) => e.cb === cb);
    const label = actionLabel(model, action);
    if (!mine.length) {
      if (action.done) runs.push({ seq: action.seq, action: label, status: "not in event", why: absent(action, info),
        triggered: [], inputs: [], outputs: [] });
      continue;
    }
    for (const entry of [...mine].reverse()) {
      const [status, text] = why(entry, info);
      runs.push({ seq: action.seq, action: label, status, why: text, ms: entry.ms, triggered: entry.triggered ?? [],
        inputs: entry.inputs ?? [], outputs: [...(entry.outputs ?? []), ...(entry.patched ?? []).map((k): [string, string] => [k, "(patched)"])],
        dropped: entry.dropped });
    }
  }
  return runs.slice(0, limit);
}

/** One line of a run, as the details pane and the tests say it. */
export function runLine(run: Run): string {
  const time = run.ms === undefined ? "" : ` in ${ms(run.ms)}`;
  return `${run.status}${time}: ${whyLine(run)}`;
}

/** Why, and whether the page dropped the result (the details pane shows the status and time beside it). */
export function whyLine(run: Run): string {
  if (!run.dropped) return run.why;
  return `${run.why} (result dropped: ${run.dropped === "stale" ? "a newer change superseded it" : "computed from a dropped result"})`;
}

/** Each callback's latest state, for the graph's colours: the kind of its last entry. */
export function lastStatus(model: Model): Map<number, RunStatus> {
  const out = new Map<number, RunStatus>();
  for (const action of model.actions) {
    for (const entry of action.entries) out.set(entry.cb, why(entry, model.callbacks[entry.cb])[0]);
  }
  return out;
}
