// One response stream: its lines, its remaining plan and its version expectations.
import { Expectations } from "./versions";

export type Line =
  | { kind: "plan"; callbacks: number[]; props: string[] }
  | { kind: "result"; cb: number; outputs: Record<string, unknown>; reads: string[]; triggered: string[] }
  | { kind: "skip"; cb: number; reason: string }
  | { kind: "error"; cb: number; message: string; traceback: string }
  | { kind: "deferred"; cb: number; triggered: string[] }
  | { kind: "done"; seq: number };

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Check one parsed line's shape; returns the line, or a description of what is wrong. */
export function parseLine(raw: unknown): Line | string {
  if (!isObject(raw)) return "a stream line must be a JSON object";
  const [kind] = Object.keys(raw);
  const body = raw[kind];
  if (!isObject(body)) return `stream line '${kind}' has no object body`;
  const cb = body.cb;
  switch (kind) {
    case "plan":
      if (!Array.isArray(body.callbacks) || !body.callbacks.every(isInt) || !isStrings(body.props)) break;
      return { kind, callbacks: body.callbacks, props: body.props };
    case "result":
      if (!isInt(cb) || !isObject(body.outputs)) break;
      return {
        kind,
        cb,
        outputs: body.outputs,
        reads: isStrings(body.reads) ? body.reads : [],
        triggered: isStrings(body.triggered) ? body.triggered : [],
      };
    case "skip":
      if (!isInt(cb)) break;
      return { kind, cb, reason: String(body.reason ?? "") };
    case "error":
      if (!isInt(cb)) break;
      return { kind, cb, message: String(body.message ?? ""), traceback: String(body.traceback ?? "") };
    case "deferred":
      if (!isInt(cb)) break;
      return { kind, cb, triggered: isStrings(body.triggered) ? body.triggered : [] };
    case "done":
      return { kind, seq: isInt(body.seq) ? body.seq : -1 };
    default:
      return `unknown stream line '${kind}'`;
  }
  return `malformed stream line '${kind}'`;
}

export class Stream {
  /** Callbacks this chain may still run; null until the plan line arrives. */
  plan: Set<number> | null = null;
  /** Props the chain may write: `pending` for events sent while it runs. */
  props: string[] = [];
  readonly expect: Expectations;

  constructor(readonly seq: number, start: number) {
    this.expect = new Expectations(start);
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
