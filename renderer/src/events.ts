// Building the event body: which callbacks an action triggers, and the values and presence they read.

/** The graph as the page config carries it: lists hold indices into `props`. */
export interface RawGraph {
  props: string[];
  triggers: Record<string, number[]>;
  callbacks: { values: number[]; ids: string[] }[];
}

/** The graph with indices resolved to prop keys, once per page. */
export interface Graph {
  triggers: Map<string, readonly number[]>;
  reads: string[][];
  ids: string[][];
}

export interface RunEntry {
  cb: number;
  triggered: string[];
}

export interface EventBody {
  seq: number;
  changed: Record<string, unknown>;
  run?: RunEntry[];
  values: Record<string, unknown>;
  present: Record<string, readonly string[]>;
  pending: string[];
}

/** What building an event needs to know of the page. */
export interface PageView {
  value(key: string): unknown;
  entry(idStr: string): { ancestry: readonly string[] } | undefined;
}

export function compileGraph(raw: RawGraph | undefined): Graph {
  const props = raw?.props ?? [];
  return {
    triggers: new Map(Object.entries(raw?.triggers ?? {})),
    reads: (raw?.callbacks ?? []).map((cb) => cb.values.map((i) => props[i])),
    ids: (raw?.callbacks ?? []).map((cb) => cb.ids),
  };
}

export function triggers(graph: Graph, key: string): boolean {
  return (graph.triggers.get(key)?.length ?? 0) > 0;
}

/** The callbacks that have any of `keys` as an Input, ascending. */
export function triggeredBy(graph: Graph, keys: Iterable<string>): number[] {
  const cbs = new Set<number>();
  for (const key of keys) for (const cb of graph.triggers.get(key) ?? []) cbs.add(cb);
  return [...cbs].sort((a, b) => a - b);
}

/** Values of the union of the callbacks' read sets; absent components and unset props are left out. */
export function readValues(graph: Graph, page: PageView, cbs: Iterable<number>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const cb of cbs) {
    for (const key of graph.reads[cb] ?? []) {
      if (key in values) continue;
      const value = page.value(key);
      if (value !== undefined) values[key] = value;
    }
  }
  return values;
}

/** Ancestry of each id the callbacks name that is in the page. */
export function presentIds(graph: Graph, page: PageView, cbs: Iterable<number>): Record<string, readonly string[]> {
  const present: Record<string, readonly string[]> = {};
  for (const cb of cbs) {
    for (const idStr of graph.ids[cb] ?? []) {
      const entry = page.entry(idStr);
      if (entry && !(idStr in present)) present[idStr] = entry.ancestry;
    }
  }
  return present;
}

export function buildEvent(
  graph: Graph,
  page: PageView,
  seq: number,
  changed: Record<string, unknown>,
  run: RunEntry[],
  pending: string[],
): EventBody {
  const cbs = new Set(triggeredBy(graph, Object.keys(changed)));
  for (const entry of run) cbs.add(entry.cb);
  const body: EventBody = {
    seq,
    changed,
    values: readValues(graph, page, cbs),
    present: presentIds(graph, page, cbs),
    pending,
  };
  if (run.length) body.run = run;
  return body;
}
