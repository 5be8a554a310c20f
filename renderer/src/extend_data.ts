// extendData / prependData applied to a figure as plotly.js's extendTraces / prependTraces apply them to the
// plot: the Graph calls it to keep the store's `figure` in step with the drawn plot, so a later event sends
// the extended figure as State (Dash's figure grows too, because plotly.js extends its arrays in place).
// It mirrors propwire/api/extend_data.py, which the headless client and the server's engine use.

import { decodeTypedArray, isTypedArraySpec, type TypedArray } from "./typed_arrays";

type Trace = Record<string, unknown>;
type Figure = { data?: Trace[]; [key: string]: unknown };
type Values = unknown[] | TypedArray;

export interface ExtendUpdate {
  update: Record<string, unknown[]>;
  indices: number[] | null;
  maxPoints: unknown;
}

/** The parts of an extendData value: the update alone, or [update, traceIndices, maxPoints]. */
export function parseExtendValue(value: unknown, prop = "extendData"): ExtendUpdate {
  const isDict = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isDict(value)) return { update: value as Record<string, unknown[]>, indices: null, maxPoints: undefined };
  if (Array.isArray(value) && value.length > 0 && value.length <= 3 && isDict(value[0])) {
    let indices = value[1] ?? null;
    if (typeof indices === "number") indices = [indices];
    if (indices !== null && !(Array.isArray(indices) && indices.every((i) => Number.isInteger(i)))) {
      throw new Error(`${prop}: trace indices must be a list of integers`);
    }
    return { update: value[0] as Record<string, unknown[]>, indices, maxPoints: value[2] };
  }
  throw new Error(`${prop}: expected a dict of arrays or [update, trace_indices, max_points]`);
}

function isArray(v: unknown): v is Values {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function capFor(maxPoints: unknown, key: string, position: number, prop: string): number | null {
  let cap = maxPoints;
  // plotly.js reads max points per attribute from a plain object only: a list is no cap at all
  if (cap !== null && typeof cap === "object" && !Array.isArray(cap)) {
    const caps = (cap as Record<string, unknown>)[key];
    if (!Array.isArray(caps) || position >= caps.length) {
      throw new Error(`${prop}: max points given as a dict needs '${key}': one number per trace index`);
    }
    cap = caps[position];
  }
  if (typeof cap !== "number" || Number.isNaN(cap) || cap < 0) return null;
  return Math.floor(cap);
}

function plain(values: Values): unknown[] {
  return Array.isArray(values) ? values : Array.from(values as ArrayLike<number>);
}

function joined(target: unknown, insert: unknown, prepend: boolean, cap: number | null): unknown[] {
  // a spec (as the store holds a numpy trace) is extended as numbers: the store's figure then holds a list
  const t = plain((isTypedArraySpec(target) ? decodeTypedArray(target) : target) as Values);
  const i = plain((isTypedArraySpec(insert) ? decodeTypedArray(insert) : insert) as Values);
  const all = prepend ? i.concat(t) : t.concat(i);
  if (cap === null || all.length <= cap) return all;
  return prepend ? all.slice(0, cap) : all.slice(all.length - cap);
}

function getPath(trace: Trace, key: string): unknown {
  let value: unknown = trace;
  for (const part of key.split(".")) {
    value = value !== null && typeof value === "object" && !isArray(value) ? (value as Trace)[part] : undefined;
  }
  return value;
}

function setPath(trace: Trace, key: string, value: unknown): Trace {
  const [head, ...rest] = key.split(".");
  if (rest.length === 0) return { ...trace, [head]: value };
  const inner = trace[head];
  const base = inner !== null && typeof inner === "object" && !isArray(inner) ? (inner as Trace) : {};
  return { ...trace, [head]: setPath(base, rest.join("."), value) };
}

/** `figure` with an extendData (or prependData) value applied; the figure given is not changed. */
export function extendFigure(figure: Figure, value: unknown, prepend = false): Figure {
  const prop = prepend ? "prependData" : "extendData";
  const { update, indices: given, maxPoints } = parseExtendValue(value, prop);
  const data = [...(figure.data ?? [])];
  const first = Object.values(update)[0];
  const indices = (given ?? Array.from({ length: Array.isArray(first) ? first.length : 0 }, (_, i) => i)).map((index) => {
    const at = index < 0 ? index + data.length : index;
    if (at < 0 || at >= data.length) {
      throw new Error(`${prop}: trace index ${index} is out of range for a figure of ${data.length} traces`);
    }
    return at;
  });
  for (const [key, arrays] of Object.entries(update)) {
    if (!Array.isArray(arrays) || arrays.length !== indices.length) {
      throw new Error(`${prop}: '${key}' must hold one array per trace index (${indices.length})`);
    }
    indices.forEach((at, position) => {
      const target = getPath(data[at], key);
      const insert = arrays[position];
      if (!isArray(insert) && !isTypedArraySpec(insert)) throw new Error(`${prop}: '${key}' holds a value that is not an array`);
      if (!isArray(target) && !isTypedArraySpec(target)) {
        throw new Error(`${prop}: cannot extend trace ${at}'s '${key}': it is missing or not an array`);
      }
      data[at] = setPath(data[at], key, joined(target, insert, prepend, capFor(maxPoints, key, position, prop)));
    });
  }
  return { ...figure, data };
}

function setInPlace(trace: Trace, key: string, value: unknown): void {
  const parts = key.split(".");
  let at = trace;
  for (const part of parts.slice(0, -1)) at = at[part] as Trace;
  at[parts[parts.length - 1]] = value;
}

/**
 * The update's arrays made fit for Plotly.extendTraces on the drawn traces `data`. plotly.js extends a typed
 * array (what a {dtype, bdata} trace is drawn from) only with a typed array of its own type, and refuses a plain
 * list (Dash 4.4.1 fails so on every plotly.py figure). An insert whose values the drawn type holds exactly is
 * made of that type; otherwise the drawn array is widened first, to a Float64Array (all numbers) or a plain
 * array. Only arrays decodeFigure made are widened: the drawn copy, never the store's figure.
 */
export function drawnInserts(data: Trace[], update: Record<string, unknown[]>, indices: number[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [key, arrays] of Object.entries(update)) {
    out[key] = !Array.isArray(arrays) ? arrays : arrays.map((insert, position) => {
      const index = indices[position];
      const trace = data[index < 0 ? index + data.length : index];
      const target = trace ? getPath(trace, key) : undefined;
      // a plain drawn list (maybe the store's own) takes a plain insert: a decoded numpy update becomes a list
      if (Array.isArray(target) && ArrayBuffer.isView(insert)) return Array.from(insert as unknown as ArrayLike<number>);
      if (!ArrayBuffer.isView(target) || !isArray(insert) || insert.constructor === target.constructor) return insert;
      const Make = target.constructor as { new (values: ArrayLike<number>): Values; from(v: ArrayLike<number>): Values };
      const values = plain(insert);
      const probe = new Make(values as number[]) as ArrayLike<number>;
      if (values.every((v, i) => typeof v === "number" && Object.is(probe[i], v))) return probe as Values;
      const numbers = values.every((v) => typeof v === "number");
      const drawn = target as unknown as ArrayLike<number>;
      setInPlace(trace, key, numbers ? Float64Array.from(drawn) : Array.from(drawn));
      return numbers ? Float64Array.from(values as number[]) : values;
    });
  }
  return out;
}
