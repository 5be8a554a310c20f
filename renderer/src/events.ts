// Building the event body: which callbacks an action triggers, and the values and presence they read.
import { splitKey } from "./ids";
import { compileClient, type ClientTable, type RawClientTable } from "./clientside";
import { bindingOf, fits, isDictIdString, parseDictId, parsePattern, type Binding, type Pattern } from "./patterns";

/** `[prop key, value while running, value after]`. */
export type RunningProp = [string, unknown, unknown];

/** The graph as the page config carries it: lists hold indices into `props`. */
export interface RawGraph {
  props: string[];
  triggers: Record<string, number[]>;
  callbacks: {
    /** How messages name it (its function's name); older servers and hand-written graphs may leave it out. */
    name?: string;
    values: number[];
    ids: string[];
    writes?: number[];
    running?: RunningProp[];
    cancel?: string[];
    narrow?: number[];
    narrowIds?: string[];
  }[];
  clientside?: RawClientTable;
  /** suppress_callback_exceptions: set_props writes to absent ids are not reported. */
  suppress?: boolean;
  /** Props that follow another, by kind: {"dcc.Slider": {value: ["drag_value"]}} (propwire/core/follows.py). */
  follows?: FollowRules;
}

export type FollowRules = Record<string, Record<string, string[]>>;

interface PatternTrigger {
  pattern: Pattern;
  cbs: readonly number[];
}

/** The graph with indices resolved to prop keys and patterns parsed, once per page. */
export interface Graph {
  /** Inputs by concrete prop key. */
  triggers: Map<string, readonly number[]>;
  /** Pattern Inputs, by prop then by the key set of their ids. */
  patternTriggers: Map<string, Map<string, PatternTrigger[]>>;
  reads: string[][];
  ids: string[][];
  writes: string[][];
  running: RunningProp[][];
  /** Background callbacks by the cancel Inputs that stop their jobs. */
  cancelledBy: Map<string, number[]>;
  /** Read keys and ids with MATCH that only the callback itself reads: narrowed to the triggered instance. */
  narrow: (Set<string> | null)[];
  narrowIds: (Set<string> | null)[];
  /** The clientside callbacks (null: the app has none). */
  client: ClientTable | null;
  /** Each callback's name for messages ("" when the graph gave none). */
  names: string[];
  /** Whether writes to ids the page does not hold go unreported (suppress_callback_exceptions). */
  suppress: boolean;
  /** Props that follow another when a callback writes it, by component kind (null: none that callbacks read). */
  follows: FollowRules | null;
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
  /** Clientside callbacks the browser ran for this event: their outputs are among `changed`. */
  ran?: number[];
  /** Background jobs to stop (jobs.ts). */
  cancel?: string[];
  /** Read props that follow another of their component's ({"kg.value": ["kg.drag_value"]}): the server copies a
   * value a callback writes into them, as the component would. */
  follows?: Record<string, string[]>;
}

function cancelTable(callbacks: RawGraph["callbacks"]): Map<string, number[]> {
  const table = new Map<string, number[]>();
  callbacks.forEach((cb, i) => (cb.cancel ?? []).forEach((key) => table.set(key, [...(table.get(key) ?? []), i])));
  return table;
}

/** What building an event needs to know of the page. */
export interface PageView {
  value(key: string): unknown;
  entry(idStr: string): { ancestry: readonly string[]; comp?: { namespace: string; type: string } } | undefined;
  /** Present dict ids that fit a pattern, in document order. */
  matching(pattern: Pattern, binding?: Binding | null): string[];
  /** Sorts ids into document order. */
  sortIds(ids: string[]): string[];
}

/**
 * The callbacks an event asks for, each with the MATCH instances that triggered it,
 * or null when all its instances may run (a plain trigger, or no binding known).
 */
export type Asked = Map<number, Binding[] | null>;

export function compileGraph(raw: RawGraph | undefined): Graph {
  const props = raw?.props ?? [];
  const callbacks = raw?.callbacks ?? [];
  const triggers = new Map<string, readonly number[]>();
  const patternTriggers = new Map<string, Map<string, PatternTrigger[]>>();
  for (const [key, cbs] of Object.entries(raw?.triggers ?? {})) {
    const [idStr, prop] = splitKey(key);
    const pattern = parsePattern(idStr);
    if (pattern === null) {
      triggers.set(key, cbs);
      continue;
    }
    let byKeys = patternTriggers.get(prop);
    if (!byKeys) patternTriggers.set(prop, (byKeys = new Map()));
    let list = byKeys.get(pattern.keyset);
    if (!list) byKeys.set(pattern.keyset, (list = []));
    list.push({ pattern, cbs });
  }
  const keys = (indices: number[] | undefined) => (indices ?? []).map((i) => props[i]);
  return {
    triggers,
    patternTriggers,
    reads: callbacks.map((cb) => keys(cb.values)),
    ids: callbacks.map((cb) => cb.ids ?? []),
    writes: callbacks.map((cb) => keys(cb.writes)),
    running: callbacks.map((cb) => cb.running ?? []),
    cancelledBy: cancelTable(callbacks),
    narrow: callbacks.map((cb) => (cb.narrow?.length ? new Set(keys(cb.narrow)) : null)),
    narrowIds: callbacks.map((cb) => (cb.narrowIds?.length ? new Set(cb.narrowIds) : null)),
    client: compileClient(raw?.clientside),
    names: callbacks.map((cb) => (typeof cb.name === "string" ? cb.name : "")),
    suppress: raw?.suppress === true,
    follows: raw?.follows && Object.keys(raw.follows).length ? raw.follows : null,
  };
}

/**
 * Call `found(cb, binding)` for each callback that has `key` (a concrete prop key) as an Input:
 * binding null for a plain Input or a pattern without MATCH, else the MATCH values of the key's id.
 */
function eachTrigger(graph: Graph, key: string, found: (cb: number, binding: Binding | null) => void): void {
  for (const cb of graph.triggers.get(key) ?? []) found(cb, null);
  if (graph.patternTriggers.size === 0 || !isDictIdString(key)) return;
  const [idStr, prop] = splitKey(key);
  const byKeys = graph.patternTriggers.get(prop);
  const parsed = byKeys && parseDictId(idStr);
  if (!parsed) return;
  for (const { pattern, cbs } of byKeys!.get(parsed.keyset) ?? []) {
    if (!fits(pattern, parsed.id)) continue;
    const binding = bindingOf(pattern, parsed.id);
    for (const cb of cbs) found(cb, binding);
  }
}

export function triggers(graph: Graph, key: string): boolean {
  let any = false;
  eachTrigger(graph, key, () => (any = true));
  return any;
}

/** The callbacks that have any of `keys` as an Input, ascending. */
export function triggeredBy(graph: Graph, keys: Iterable<string>): number[] {
  const cbs = new Set<number>();
  for (const key of keys) eachTrigger(graph, key, (cb) => cbs.add(cb));
  return [...cbs].sort((a, b) => a - b);
}

/** The callbacks the changes trigger and the run entries name, with their MATCH instances. */
export function askedFor(graph: Graph, changed: Iterable<string>, run: readonly RunEntry[]): Asked {
  const asked: Asked = new Map();
  const note = (cb: number, binding: Binding | null) => {
    const had = asked.get(cb);
    if (binding === null || had === null) asked.set(cb, null);
    else if (had === undefined) asked.set(cb, [binding]);
    else had.push(binding);
  };
  for (const key of changed) eachTrigger(graph, key, note);
  for (const { cb, triggered } of run) {
    // A follow-up runs the instances its triggers name; with none named, all of them.
    let named = false;
    for (const key of triggered) {
      eachTrigger(graph, key, (found, binding) => {
        if (found !== cb) return;
        named = true;
        note(cb, binding);
      });
    }
    if (!named) note(cb, null);
  }
  return asked;
}

/** What the asked callbacks (and their downstream) may write: `pending` until the stream's plan arrives. */
export function askedWrites(graph: Graph, asked: Asked): string[] {
  const keys = new Set<string>();
  for (const cb of asked.keys()) for (const key of graph.writes[cb] ?? []) keys.add(key);
  return [...keys].sort();
}

/** The concrete names a (possibly pattern) id stands for in the page, narrowed to `bindings` when given. */
function expand(page: PageView, idStr: string, bindings: Binding[] | null, each: (idStr: string) => void): void {
  const pattern = parsePattern(idStr);
  if (pattern === null) return each(idStr);
  if (bindings === null) return page.matching(pattern).forEach(each);
  for (const binding of bindings) page.matching(pattern, binding).forEach(each);
}

function asAsked(cbs: Iterable<number> | Asked): Asked {
  if (cbs instanceof Map) return cbs;
  const asked: Asked = new Map();
  for (const cb of cbs) asked.set(cb, null);
  return asked;
}

/** Values of the union of the callbacks' read sets; absent components and unset plain props are left out.
 * `visited(idStr, prop)` hears of each concrete key read, once. */
export function readValues(
  graph: Graph,
  page: PageView,
  cbs: Iterable<number> | Asked,
  visited?: (idStr: string, prop: string) => void,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [cb, bindings] of asAsked(cbs)) {
    const narrow = bindings === null ? null : graph.narrow[cb];
    for (const key of graph.reads[cb] ?? []) {
      const [idStr, prop] = splitKey(key);
      expand(page, idStr, narrow?.has(key) ? bindings : null, (concrete) => {
        const name = concrete === idStr ? key : concrete + "." + prop;
        if (Object.hasOwn(values, name)) return;
        visited?.(concrete, prop);
        const value = page.value(name);
        if (value !== undefined) values[name] = value;
        // A present pattern component's unset prop travels as null: the server then knows it is unset (None),
        // where a missing key could also be one this event did not describe.
        else if (concrete !== idStr) values[name] = null;
      });
    }
  }
  return values;
}

/** Ancestry of each id the callbacks name that is in the page; dict ids in document order. */
export function presentIds(graph: Graph, page: PageView, cbs: Iterable<number> | Asked): Record<string, readonly string[]> {
  const plain: Record<string, readonly string[]> = {};
  const dict = new Set<string>();
  for (const [cb, bindings] of asAsked(cbs)) {
    const narrow = bindings === null ? null : graph.narrowIds[cb];
    for (const idStr of graph.ids[cb] ?? []) {
      expand(page, idStr, narrow?.has(idStr) ? bindings : null, (concrete) => {
        if (isDictIdString(concrete)) dict.add(concrete);
        else if (!Object.hasOwn(plain, concrete)) {
          const entry = page.entry(concrete);
          if (entry) plain[concrete] = entry.ancestry;
        }
      });
    }
  }
  if (dict.size === 0) return plain;
  // The server takes a pattern's components in the order `present` lists them.
  const present = plain;
  for (const idStr of page.sortIds([...dict])) {
    const entry = page.entry(idStr);
    if (entry) present[idStr] = entry.ancestry;
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
  asked: Asked = askedFor(graph, Object.keys(changed), run),
): EventBody {
  const follows: Record<string, string[]> = {};
  const rules = graph.follows;
  const note = rules && ((idStr: string, prop: string) => noteFollows(rules, page, idStr, prop, follows));
  const body: EventBody = {
    seq,
    changed,
    values: readValues(graph, page, asked, note ?? undefined),
    present: presentIds(graph, page, asked),
    pending,
  };
  if (run.length) body.run = run;
  if (Object.keys(follows).length) body.follows = follows;
  return body;
}

/** If `prop` follows another prop of its component (a slider's drag_value its value), put it in `follows`. */
function noteFollows(rules: FollowRules, page: PageView, idStr: string, prop: string, follows: Record<string, string[]>): void {
  const comp = page.entry(idStr)?.comp;
  const rule = comp && rules[comp.namespace + "." + comp.type];
  if (!rule) return;
  for (const [leader, followers] of Object.entries(rule)) {
    if (!followers.includes(prop)) continue;
    const list = (follows[idStr + "." + leader] ??= []);
    if (!list.includes(idStr + "." + prop)) list.push(idStr + "." + prop);
  }
}
