// Clientside callbacks: calling an app's JavaScript function the way Dash does (docs/callbacks.md).
//
// `window.dash_clientside` holds the app's functions by namespace (assets scripts define theirs; the page's
// inline script defines `_propwire_inline`), and the helpers a function uses: `no_update`, `PreventUpdate`,
// `set_props(id, props)` and, while it is called, `callback_context`. This module only calls a function and
// turns its answer into output values; runtime.ts decides when (before an event, or on a `client` line).
import { idString, splitKey, type Id } from "./ids";

/** What the page config says of one clientside callback (propwire/core/clientside.py). */
export interface ClientSpec {
  ns: string;
  fn: string;
  inputs: string[];
  states: string[];
  outputs: string[];
  /** One bare Output: the function returns its value, not a list. */
  single: boolean;
  /** The browser runs it whenever an Input changes in the page; the server never plans it from a trigger. */
  local: boolean;
  name: string;
}

export interface ClientTable {
  specs: Map<number, ClientSpec>;
  /** The local callbacks, each after those writing its Inputs. */
  order: number[];
}

export interface RawClientTable {
  callbacks?: Record<string, ClientSpec>;
  order?: number[];
}

export function compileClient(raw: RawClientTable | undefined): ClientTable | null {
  if (!raw?.callbacks) return null;
  const specs = new Map<number, ClientSpec>();
  for (const [cb, spec] of Object.entries(raw.callbacks)) specs.set(Number(cb), spec);
  return { specs, order: raw.order ?? [] };
}

/** One call: the concrete keys of each dependency (a list for an ALL one) and the keys that triggered it. */
export interface ClientCall {
  cb: number;
  triggered: string[];
  inputs: (string | string[])[];
  states: (string | string[])[];
  outputs: (string | string[])[];
}

export type ClientOutcome =
  | { kind: "outputs"; outputs: Map<string, unknown> }
  | { kind: "prevent" }
  | { kind: "error"; message: string };

interface DashClientside {
  no_update: object;
  PreventUpdate: object;
  set_props?: (id: Id, props: Record<string, unknown>) => void;
  callback_context?: unknown;
  [namespace: string]: unknown;
}

/** `window.dash_clientside`, with its helpers put in (kept when an assets script replaced the object). */
export function dashClientside(setProps?: (id: Id, props: Record<string, unknown>) => void): DashClientside {
  const w = globalThis as unknown as { dash_clientside?: DashClientside };
  const dc = (w.dash_clientside ??= {} as DashClientside);
  if (!dc.no_update) {
    Object.defineProperty(dc, "no_update", { value: Object.freeze({ description: "Return to leave an Output alone." }) });
    Object.defineProperty(dc, "PreventUpdate", { value: Object.freeze({ description: "Throw to update no Output." }) });
  }
  if (setProps) dc.set_props = setProps;
  return dc;
}

/** The id in a prop key, as the app wrote it (a dict id parsed back). */
function idOf(idStr: string): Id {
  return idStr.startsWith("{") ? (JSON.parse(idStr) as Id) : idStr;
}

type Entry = { id: Id; property: string; value?: unknown };

function entry(key: string, value: (key: string) => unknown, withValue: boolean): Entry {
  const [idStr, property] = splitKey(key);
  return withValue ? { id: idOf(idStr), property, value: value(key) } : { id: idOf(idStr), property };
}

function entries(keys: (string | string[])[], value: (key: string) => unknown, withValue = true): (Entry | Entry[])[] {
  return keys.map((k) => (Array.isArray(k) ? k.map((one) => entry(one, value, withValue)) : entry(k, value, withValue)));
}

function asDict(list: (Entry | Entry[])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of list.flat()) out[idString(e.id) + "." + e.property] = e.value ?? null;
  return out;
}

function triggeredId(triggered: string[]): Id | undefined {
  if (!triggered.length) return undefined;
  return idOf(splitKey(triggered[0])[0]);
}

/** Pairs of (output, value) as Dash pairs them: a list's no_update leaves every Output alone; zip is the shorter. */
function pairs<T>(outs: T | T[], ret: unknown, noUpdate: object): [T, unknown][] {
  if (!Array.isArray(outs)) return [[outs, ret]];
  if (ret === noUpdate) return outs.map((o) => [o, ret]);
  const values = Array.isArray(ret) ? ret : [];
  return outs.slice(0, values.length).map((o, i) => [o, values[i]]);
}

/**
 * Call a clientside callback's function with the page's values and read its answer (a Promise is awaited).
 * `value` reads a prop from the page (undefined when unset, as Dash passes it).
 */
export async function callClient(spec: ClientSpec, call: ClientCall, value: (key: string) => unknown,
  setProps: (id: Id, props: Record<string, unknown>) => void): Promise<ClientOutcome> {
  const dc = dashClientside(setProps);
  const fn = (dc[spec.ns] as Record<string, unknown> | undefined)?.[spec.fn];
  if (typeof fn !== "function") {
    return { kind: "error", message: `No clientside function window.dash_clientside.${spec.ns}.${spec.fn} (callback ${spec.name})` };
  }
  const inputs = entries(call.inputs, value);
  const states = entries(call.states, value);
  const outputs = entries(call.outputs, value, false);
  const vals = (e: Entry | Entry[]) => (Array.isArray(e) ? e.map((x) => x.value) : e.value);
  const inputDict = asDict(inputs);
  let ret: unknown;
  try {
    dc.callback_context = {
      triggered: call.triggered.map((prop_id) => ({ prop_id, value: inputDict[prop_id] })),
      triggered_id: triggeredId(call.triggered),
      inputs_list: inputs,
      inputs: inputDict,
      states_list: states,
      states: asDict(states),
      outputs_list: spec.single ? outputs[0] : outputs,
    };
    try {
      ret = (fn as (...args: unknown[]) => unknown).apply(dc[spec.ns], [...inputs.map(vals), ...states.map(vals)]);
    } finally {
      delete dc.callback_context; // as in Dash: only the synchronous part of the call sees it
    }
    if (ret !== null && typeof (ret as { then?: unknown })?.then === "function") ret = await ret;
  } catch (err) {
    if (err === dc.PreventUpdate) return { kind: "prevent" };
    return { kind: "error", message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  const written = new Map<string, unknown>();
  const keys = spec.single ? call.outputs[0] : call.outputs;
  for (const [out, value] of pairs<string | string[]>(keys, ret, dc.no_update)) {
    for (const [key, v] of pairs<string>(out, value, dc.no_update)) if (v !== dc.no_update) written.set(key, v);
  }
  return { kind: "outputs", outputs: written };
}

/** A local callback's call: its declared keys are concrete (local callbacks have no pattern ids). */
export function localCall(cb: number, spec: ClientSpec, triggered: string[]): ClientCall {
  return { cb, triggered, inputs: spec.inputs, states: spec.states, outputs: spec.outputs };
}
