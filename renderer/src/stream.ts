// One response stream: its lines, its remaining plan and its version expectations.
import type { ClientCall } from "./clientside";
import type { PatchOp } from "./patch";
import { Expectations } from "./versions";

export interface ResultLine {
  kind: "result";
  cb: number;
  outputs: Record<string, unknown>;
  patches: Record<string, PatchOp[]>;
  reads: string[];
  triggered: string[];
  /** How long the callback took, in milliseconds (for devtools). */
  ms?: number;
  /** The keys among `outputs` and `patches` that `set_props` wrote (not its Outputs). */
  side?: string[];
  /** Debug only: outputs the callback left alone with `no_update`. */
  noUpdate?: string[];
  /** Debug only: its `ctx.record_timing` entries, `[name, ms, description]`. */
  timing?: [string, number, string][];
}

export type Line =
  | { kind: "plan"; callbacks: number[]; props: string[] }
  /** `running`: the instance's own `[key, on, off]` when its `running=` props are pattern-matching. */
  | { kind: "start"; cb: number; running?: [string, unknown, unknown][] }
  /** A background job started: its id, to send back in `cancel`, and its MATCH instance; or, `ended`, it answered. */
  | { kind: "job"; cb: number; id: string; match: Record<string, unknown> | null; ended: boolean }
  /** `side`: the keys of a job's set_props call (checked against the page as a result's are). */
  | { kind: "progress"; cb: number; outputs: Record<string, unknown>; side?: string[] }
  | ResultLine
  | { kind: "skip"; cb: number; reason: string }
  | { kind: "error"; cb: number; message: string; traceback: string; inputs?: Record<string, unknown> }
  | { kind: "deferred"; cb: number; triggered: string[] }
  /** A clientside call the browser makes: the concrete keys of its dependencies (clientside.ts). */
  | ({ kind: "client" } & ClientCall)
  /** Debug only: why a callback did not run (`prevent_initial_call`, `no input in layout`). */
  | { kind: "note"; cb: number; reason: string }
  /** Cookies set after the headers went out, sealed by the server: exchanged at `cookiesUrl` for Set-Cookie. */
  | { kind: "cookies"; token: string }
  | { kind: "done"; seq: number }
  /** A line kind this renderer does not know (a newer server): skipped. */
  | { kind: "unknown"; name: string };

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isTiming = (v: unknown): v is [string, number, unknown] =>
  Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "number";
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const KNOWN = new Set(["plan", "start", "job", "progress", "result", "skip", "error", "deferred", "client", "note", "done"]);
const isKeys = (v: unknown): v is (string | string[])[] =>
  Array.isArray(v) && v.every((k) => typeof k === "string" || isStrings(k));

/** Check one parsed line's shape; returns the line, or a description of what is wrong. */
export function parseLine(raw: unknown): Line | string {
  if (!isObject(raw)) return "a stream line must be a JSON object";
  const [kind] = Object.keys(raw);
  if (kind === undefined) return "a stream line must not be empty";
  const body = raw[kind];
  if (kind === "cookies") {
    return isObject(body) && typeof body.token === "string" ? { kind, token: body.token } : "malformed stream line 'cookies'";
  }
  if (!KNOWN.has(kind)) return { kind: "unknown", name: kind };
  if (!isObject(body)) return `stream line '${kind}' has no object body`;
  const cb = body.cb;
  switch (kind) {
    case "plan":
      if (!Array.isArray(body.callbacks) || !body.callbacks.every(isInt) || !isStrings(body.props)) break;
      return { kind, callbacks: body.callbacks, props: body.props };
    case "start":
      if (!isInt(cb)) break;
      if (Array.isArray(body.running) && body.running.every((e) => Array.isArray(e) && typeof e[0] === "string")) {
        return { kind, cb, running: body.running as [string, unknown, unknown][] };
      }
      return { kind, cb };
    case "job":
      if (!isInt(cb) || typeof body.id !== "string") break;
      return { kind, cb, id: body.id, match: isObject(body.match) ? body.match : null, ended: body.ended === true };
    case "progress":
      if (!isInt(cb) || !isObject(body.outputs)) break;
      return { kind, cb, outputs: body.outputs, ...(isStrings(body.side) ? { side: body.side } : {}) };
    case "result": {
      const patches = body.patches ?? {};
      if (!isInt(cb) || !isObject(body.outputs) || !isObject(patches)) break;
      if (!Object.values(patches).every(Array.isArray)) break;
      const line: ResultLine = {
        kind,
        cb,
        outputs: body.outputs,
        patches: patches as Record<string, PatchOp[]>,
        reads: isStrings(body.reads) ? body.reads : [],
        triggered: isStrings(body.triggered) ? body.triggered : [],
      };
      if (typeof body.ms === "number") line.ms = body.ms;
      if (isStrings(body.side)) line.side = body.side;
      if (isStrings(body.noUpdate)) line.noUpdate = body.noUpdate;
      if (Array.isArray(body.timing)) {
        line.timing = body.timing.filter(isTiming).map(([name, ms, desc]) => [name, ms, typeof desc === "string" ? desc : ""]);
      }
      return line;
    }
    case "skip":
      if (!isInt(cb)) break;
      return { kind, cb, reason: String(body.reason ?? "") };
    case "error": {
      if (!isInt(cb)) break;
      const line: Line = { kind, cb, message: String(body.message ?? ""), traceback: String(body.traceback ?? "") };
      if (isObject(body.inputs)) line.inputs = body.inputs;
      return line;
    }
    case "note":
      if (!isInt(cb)) break;
      return { kind, cb, reason: String(body.reason ?? "") };
    case "deferred":
      if (!isInt(cb)) break;
      return { kind, cb, triggered: isStrings(body.triggered) ? body.triggered : [] };
    case "client":
      if (!isInt(cb) || !isStrings(body.triggered) || !isKeys(body.inputs) || !isKeys(body.states) || !isKeys(body.outputs)) break;
      return { kind, cb, triggered: body.triggered, inputs: body.inputs, states: body.states, outputs: body.outputs };
    case "done":
      return { kind, seq: isInt(body.seq) ? body.seq : -1 };
  }
  return `malformed stream line '${kind}'`;
}

export class Stream {
  /** Callbacks this chain may still run; null until the plan line arrives. */
  plan: Set<number> | null = null;
  /** Props the chain may write: `pending` for events sent while it runs. */
  props: string[] = [];
  /** Whether its event carried side updates (progress, a job's set_props, running= values), not a user's change. */
  side = false;
  readonly expect: Expectations;

  /**
   * Callbacks of this stream that started with `running` props: how many of their instances are
   * still running, and each key with its value for after.
   */
  readonly running = new Map<number, { count: number; after: [string, unknown][] }>();

  /** A callback with `running` props started: the `[key, value while running]` to set now. */
  startRunning(cb: number, props: [string, unknown, unknown][]): [string, unknown][] {
    const running = this.running.get(cb);
    const after = props.map(([key, , off]) => [key, off] as [string, unknown]);
    if (running) {
      running.count++;
      for (const entry of after) if (!running.after.some(([key]) => key === entry[0])) running.after.push(entry);
    } else this.running.set(cb, { count: 1, after });
    return props.map(([key, on]) => [key, on]);
  }

  /** An instance ended (`all`: the stream did): the `[key, value after]` to set once none runs. */
  stopRunning(cb: number, all: boolean): [string, unknown][] {
    const running = this.running.get(cb);
    if (!running || (--running.count > 0 && !all)) return [];
    this.running.delete(cb);
    return running.after;
  }

  /** `writes`: what the callbacks it asked for may write, its `pending` until the plan line says. */
  constructor(readonly seq: number, start: number, writes: string[] = []) {
    this.expect = new Expectations(start);
    this.props = writes;
  }

  setPlan(callbacks: number[], props: string[]): void {
    this.plan = new Set(callbacks);
    this.props = props;
  }

  /** A callback reported (result, skip, error or deferral): it is no longer planned. */
  finished(cb: number): void {
    this.plan?.delete(cb);
  }
}
