// The dev tools' record of what happened: callbacks in flight, per-callback timing, and the causal trace of the
// last actions (which change triggered which callbacks, in which order, what they returned, why some did not run).
// Pure: it takes the runtime's traces and knows nothing of the DOM.
import type { Trace } from "../runtime";
import type { Line } from "../stream";

export interface CallbackInfo {
  name: string;
  where: string;
  inputs: string[];
  states: string[];
  outputs: string[];
  /** Its function is JavaScript the browser runs. */
  clientside?: boolean;
}

export type EntryKind = "result" | "skip" | "note" | "deferred" | "client" | "error";

/** One thing a callback did (or did not do) in an action, in arrival order. */
export interface Entry {
  cb: number;
  kind: EntryKind;
  t: number;
  /** skip and note: why it did not run or updated nothing. */
  reason?: string;
  triggered?: string[];
  /** Output keys with a short form of their value; patched keys; keys left with `no_update`. */
  outputs?: [string, string][];
  patched?: string[];
  noUpdate?: string[];
  /** Server time, and the rest of the time from the event's send to this line's arrival. */
  ms?: number;
  network?: number;
  timing?: [string, number, string][];
  /** Its Inputs' and States' values as the page had them when the line came (short forms). */
  inputs?: [string, string][];
  message?: string;
  /** The page dropped the result: the values it read changed since (stale), or it read a dropped one (tainted). */
  dropped?: "stale" | "tainted";
}

/** One user action (an event), a follow-up, or the page load (seq 0). */
export interface Action {
  seq: number;
  t: number;
  changed: [string, string][];
  /** A follow-up: the callbacks it asks for again. */
  run: number[];
  entries: Entry[];
  done: boolean;
  /** From send (page load: first line) to the stream's end. */
  ms?: number;
}

export interface CallbackTiming {
  calls: number;
  /** The last run's server time and network estimate (null for the page load: there is no send to count from). */
  ms: number;
  network: number | null;
  timing: [string, number, string][];
  /** Server time summed over every run, unrounded (rounding each run's share made 0.02 ms runs sum to 0). */
  total: number;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The `devtools.callbacks` of the page config, checked. */
export function callbacksOf(devtools: Record<string, unknown>): CallbackInfo[] {
  const raw = Array.isArray(devtools.callbacks) ? devtools.callbacks : [];
  return raw.map((c: Record<string, unknown>, i) => ({
    name: typeof c?.name === "string" ? c.name : `callback ${i}`,
    where: typeof c?.where === "string" ? c.where : "",
    inputs: strings(c?.inputs),
    states: strings(c?.states),
    outputs: strings(c?.outputs),
    ...(c?.clientside === true ? { clientside: true } : {}),
  }));
}

/** The `devtools.warnings` of the page config: what start-up validation said about a valid app (ids absent from
 * the initial layout, each naming the callback's file:line), shown so they are not lost in the server's log. */
export function warningsOf(devtools: Record<string, unknown>): string[] {
  return Array.isArray(devtools.warnings) ? devtools.warnings.filter((w) => typeof w === "string") : [];
}

/** A value in at most `max` characters, as JSON. */
export function short(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? "undefined";
  } catch {
    text = String(value);
  }
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** A duration as people read it: enough digits that a fast callback does not show as 0 ms. */
export function ms(value: number): string {
  if (value === 0) return "0 ms";
  if (value < 10) return `${Number(value.toPrecision(2))} ms`;
  if (value < 100) return `${Math.round(value * 10) / 10} ms`;
  return `${Math.round(value)} ms`;
}

/** Reads a prop's current value in the page (the store), for the runs' inputs. */
export type ValueOf = (key: string) => unknown;

export class Model {
  readonly actions: Action[] = [];
  readonly timings = new Map<number, CallbackTiming>();
  /** Per stream: callbacks asked for, planned or started, that have not reported yet. */
  private inflight = new Map<number, Set<number>>();
  private sentAt = new Map<number, number>();
  private listeners = new Set<() => void>();
  version = 0;

  constructor(
    readonly callbacks: CallbackInfo[],
    readonly limit = 25,
    private valueOf?: ValueOf,
  ) {}

  /** The server time of every result so far (the Timing tab's total line). */
  serverTotal(): number {
    let sum = 0;
    this.timings.forEach((t) => (sum += t.total));
    return sum;
  }

  name(cb: number): string {
    return this.callbacks[cb]?.name ?? `callback ${cb}`;
  }

  /** The name, and where two callbacks share it (one function registered for many outputs), its first Output
   * too, as `combine → sum-3.children`: the Trace, Timing and links then say which one. */
  label(cb: number): string {
    const info = this.callbacks[cb];
    if (!info) return this.name(cb);
    this.shared ??= this.countNames();
    if ((this.shared.get(info.name) ?? 0) < 2 || !info.outputs.length) return info.name;
    return `${info.name} → ${info.outputs[0]}${info.outputs.length > 1 ? ` +${info.outputs.length - 1}` : ""}`;
  }

  private shared?: Map<string, number>;

  private countNames(): Map<string, number> {
    const counts = new Map<string, number>();
    this.callbacks.forEach((c) => counts.set(c.name, (counts.get(c.name) ?? 0) + 1));
    return counts;
  }

  /** Callbacks in flight: from the event's send (or plan, or `start` line) until their result, skip or error. */
  running(): Set<number> {
    const all = new Set<number>();
    for (const set of this.inflight.values()) set.forEach((cb) => all.add(cb));
    return all;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  add(trace: Trace): void {
    switch (trace.type) {
      case "send": {
        this.sentAt.set(trace.seq, trace.t);
        this.inflight.set(trace.seq, new Set(trace.asked));
        const action = this.open(trace.seq, trace.t);
        action.changed = Object.entries(trace.changed).map(([k, v]) => [k, short(v)]);
        action.run = trace.run.map((r) => r.cb);
        break;
      }
      case "line":
        this.line(trace.seq, trace.t, trace.line);
        break;
      case "drop": {
        const action = this.find(trace.seq);
        const entries = action?.entries ?? [];
        for (let i = entries.length - 1; i >= 0; i--) {
          const e = entries[i];
          if (e.cb !== trace.cb || e.kind !== "result" || e.dropped) continue;
          e.dropped = trace.reason;
          break;
        }
        break;
      }
      case "end": {
        this.inflight.delete(trace.seq);
        this.sentAt.delete(trace.seq);
        const action = this.find(trace.seq);
        if (action) {
          action.done = true;
          action.ms = round(trace.t - action.t);
        }
        break;
      }
    }
    this.version++;
    this.listeners.forEach((l) => l());
  }

  private line(seq: number, t: number, line: Line): void {
    if (line.kind === "cookies" || line.kind === "unknown") return;
    const action = this.open(seq, t);
    const inflight = this.inflight.get(seq) ?? new Set<number>();
    this.inflight.set(seq, inflight);
    switch (line.kind) {
      case "plan":
        line.callbacks.forEach((cb) => inflight.add(cb));
        return;
      case "start":
        inflight.add(line.cb);
        return;
      case "done":
        action.done = true;
        return;
      case "result": {
        inflight.delete(line.cb);
        const ms = line.ms ?? 0;
        const sent = this.sentAt.get(seq);
        const network = sent === undefined ? null : round(Math.max(0, t - sent - ms));
        action.entries.push({
          cb: line.cb,
          kind: "result",
          t,
          triggered: line.triggered,
          outputs: Object.entries(line.outputs).map(([k, v]) => [k, short(v)]),
          patched: Object.keys(line.patches),
          noUpdate: line.noUpdate ?? [],
          ms,
          network: network ?? undefined,
          timing: line.timing ?? [],
          inputs: this.inputsOf(line.cb),
        });
        const old = this.timings.get(line.cb);
        this.timings.set(line.cb, {
          calls: (old?.calls ?? 0) + 1,
          ms,
          network,
          timing: line.timing ?? [],
          total: (old?.total ?? 0) + ms,
        });
        return;
      }
      case "skip":
      case "note":
        inflight.delete(line.cb);
        action.entries.push({ cb: line.cb, kind: line.kind, t, reason: line.reason });
        return;
      case "deferred":
      case "client":
        inflight.delete(line.cb);
        action.entries.push({ cb: line.cb, kind: line.kind, t, triggered: line.triggered });
        return;
      case "error": {
        inflight.delete(line.cb);
        const inputs = line.inputs ? Object.entries(line.inputs).map(([k, v]): [string, string] => [k, short(v)]) : undefined;
        action.entries.push({ cb: line.cb, kind: "error", t, message: line.message, inputs: inputs ?? this.inputsOf(line.cb) });
        return;
      }
    }
  }

  private inputsOf(cb: number): [string, string][] | undefined {
    const info = this.callbacks[cb];
    if (!this.valueOf || !info) return undefined;
    return [...info.inputs, ...info.states].map((key) => [key, short(this.valueOf!(key))]);
  }

  private find(seq: number): Action | undefined {
    for (let i = this.actions.length - 1; i >= 0; i--) if (this.actions[i].seq === seq) return this.actions[i];
    return undefined;
  }

  private open(seq: number, t: number): Action {
    const found = this.find(seq);
    if (found) return found;
    const action: Action = { seq, t, changed: [], run: [], entries: [], done: false };
    this.actions.push(action);
    if (this.actions.length > this.limit) this.actions.splice(0, this.actions.length - this.limit);
    return action;
  }
}

/** How an action is named: the page load, the changes a user made, or the callbacks a follow-up asks for again. */
export function actionLabel(model: Model, action: Action): string {
  if (action.seq === 0) return "page load";
  if (action.changed.length) return action.changed.map(([k, v]) => `${k} = ${v}`).join(", ");
  return `follow-up: ${action.run.map((cb) => model.label(cb)).join(", ")} asked for again`;
}

/** One entry as a line of text (the trace view and the tests use the same words). */
export function describe(model: Model, entry: Entry): string {
  const name = model.label(entry.cb);
  switch (entry.kind) {
    case "result": {
      const parts = [`${name} ran in ${ms(entry.ms ?? 0)}`];
      if (entry.network !== undefined) parts[0] += ` (+${ms(entry.network)} network)`;
      if (entry.triggered?.length) parts.push(`triggered by ${entry.triggered.join(", ")}`);
      const outs = (entry.outputs ?? []).map(([k, v]) => `${k} = ${v}`);
      outs.push(...(entry.patched ?? []).map((k) => `${k} patched`));
      parts.push(outs.length ? `→ ${outs.join("; ")}` : "→ nothing");
      if (entry.noUpdate?.length) parts.push(`no_update: ${entry.noUpdate.join(", ")}`);
      if (entry.timing?.length) parts.push(`timing: ${entry.timing.map(([n, ms]) => `${n} ${ms} ms`).join(", ")}`);
      if (entry.dropped === "stale") parts.push("DROPPED: a newer change superseded it (asked for again)");
      if (entry.dropped === "tainted") parts.push("DROPPED: computed from a dropped result");
      return parts.join(" · ");
    }
    case "skip":
      return `${name} skipped: ${entry.reason}`;
    case "note":
      return `${name} not run: ${entry.reason}`;
    case "deferred":
      return `${name} deferred: waits for a value still pending or not sent; asked for again`;
    case "client":
      return `${name} handed to the browser (clientside); its outputs go in a follow-up event`;
    case "error":
      return `${name} raised: ${entry.message}`;
  }
}
