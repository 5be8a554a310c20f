// Which outputs are pending: the props the running streams may still write. Dash component libraries show a
// spinner (dbc.Spinner, Mantine's `loading`, DataTable) while an output of theirs is pending; propwire knows it
// from its own plan (the stream's `plan` line, or the asked callbacks' writes before it) — no extra request.
import { splitKey } from "./ids";
import { fits, parseDictId, parsePattern } from "./patterns";

/** What this needs of a stream (stream.ts) and of the graph (events.ts). */
export interface PendingView {
  /** Callbacks still to report; null until the plan line arrives. */
  plan: Set<number> | null;
  /** The concrete (or, before the plan, possibly pattern) keys the stream may write. */
  props: readonly string[];
}

type Matching = (idStr: string) => string[];

/** A key a callback's output (plain or pattern key) names. */
function writes(output: string, key: string): boolean {
  if (output === key) return true;
  const [outId, outProp] = splitKey(output);
  const [keyId, keyProp] = splitKey(key);
  if (outProp !== keyProp) return false;
  const pattern = parsePattern(outId);
  const id = pattern && parseDictId(keyId);
  return Boolean(pattern && id && id.keyset === pattern.keyset && fits(pattern, id.id));
}

/**
 * The concrete prop keys still pending, sorted: of each stream, the props of its plan that a callback it has
 * not yet reported writes. Pattern keys (a stream before its plan) stand for the present ids they match.
 */
export function pendingOutputs(streams: Iterable<PendingView>, outputs: readonly string[][], matching: Matching): string[] {
  const keys = new Set<string>();
  const add = (key: string) => {
    const [idStr, prop] = splitKey(key);
    if (parsePattern(idStr) === null) keys.add(key);
    else for (const concrete of matching(idStr)) keys.add(concrete + "." + prop);
  };
  for (const stream of streams) {
    if (stream.plan === null) {
      stream.props.forEach(add);
      continue;
    }
    // Plain outputs by key, so a page of many callbacks is not props x outputs comparisons per change;
    // only pattern outputs need matching key by key.
    const exact = new Set<string>();
    const patterns: string[] = [];
    for (const cb of stream.plan) {
      for (const out of outputs[cb] ?? []) {
        if (parsePattern(splitKey(out)[0]) === null) exact.add(out);
        else patterns.push(out);
      }
    }
    for (const key of stream.props) if (exact.has(key) || patterns.some((out) => writes(out, key))) add(key);
  }
  return [...keys].sort();
}
