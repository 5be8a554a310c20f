// Pattern-matching ids: dict ids whose values may be wildcards (["ALL"], ["MATCH"], ["ALLSMALLER"]).
import { idString } from "./ids";

export type DictId = Record<string, unknown>;

/** The MATCH values of the instance a change triggered, e.g. {index: 3}. */
export type Binding = Record<string, unknown>;

export interface Pattern {
  id: DictId;
  /** The sorted keys, as one string: only ids with the same key set can fit. */
  keyset: string;
  /** Keys whose value must be equal. */
  fixed: [string, unknown][];
  /** Keys holding MATCH (a binding may fix them). */
  match: string[];
  /** Whether MATCH is its only wildcard: a binding then names one id. */
  onlyMatch: boolean;
}

const WILDCARDS = new Set(["ALL", "MATCH", "ALLSMALLER"]);

export function wildcardOf(value: unknown): string | null {
  return Array.isArray(value) && value.length === 1 && WILDCARDS.has(value[0]) ? (value[0] as string) : null;
}

export function keysetOf(id: DictId): string {
  return JSON.stringify(Object.keys(id).sort());
}

export function isDictIdString(idStr: string): boolean {
  return idStr.charCodeAt(0) === 123; // "{"
}

// Both caches are keyed by id string; a page names a bounded set of them, but a long session adding and
// removing items could grow the concrete one, so it starts over past a limit.
const parsedIds = new Map<string, ParsedId | null>();
const patterns = new Map<string, Pattern | null>();
const MAX_CACHED = 10000;

export interface ParsedId {
  id: DictId;
  keyset: string;
}

/** The dict a dict id string spells, with its key set; null for a string id (or an unreadable one). */
export function parseDictId(idStr: string): ParsedId | null {
  if (!isDictIdString(idStr)) return null;
  let parsed = parsedIds.get(idStr);
  if (parsed !== undefined) return parsed;
  parsed = null;
  try {
    const value = JSON.parse(idStr);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) parsed = { id: value, keyset: keysetOf(value) };
  } catch {
    // not JSON: a string id that happens to start with "{"
  }
  if (parsedIds.size >= MAX_CACHED) parsedIds.clear();
  parsedIds.set(idStr, parsed);
  return parsed;
}

/** The pattern an id string spells, or null when it holds no wildcard. */
export function parsePattern(idStr: string): Pattern | null {
  if (!isDictIdString(idStr)) return null;
  let pattern = patterns.get(idStr);
  if (pattern !== undefined) return pattern;
  pattern = compile(parseDictId(idStr)?.id ?? null);
  patterns.set(idStr, pattern);
  return pattern;
}

function compile(id: DictId | null): Pattern | null {
  if (id === null) return null;
  const fixed: [string, unknown][] = [];
  const match: string[] = [];
  let wild = 0;
  for (const key in id) {
    const w = wildcardOf(id[key]);
    if (w === null) fixed.push([key, id[key]]);
    else {
      wild++;
      if (w === "MATCH") match.push(key);
    }
  }
  return wild ? { id, keyset: keysetOf(id), fixed, match, onlyMatch: match.length === wild } : null;
}

/**
 * Whether a concrete dict id (already known to have the pattern's key set) fits:
 * equal values where the pattern has none of the wildcards, and the binding's values for its MATCH keys.
 */
export function fits(pattern: Pattern, id: DictId, binding?: Binding | null): boolean {
  for (const [key, want] of pattern.fixed) if (!sameValue(id[key], want)) return false;
  if (binding) {
    for (const key of pattern.match) if (key in binding && !sameValue(id[key], binding[key])) return false;
  }
  return true;
}

/** The one id string a pattern names under a binding, when the binding fixes all its wildcards; else null. */
export function instanceOf(pattern: Pattern, binding: Binding): string | null {
  if (!pattern.onlyMatch || !pattern.match.every((key) => key in binding)) return null;
  const id = { ...pattern.id };
  for (const key of pattern.match) id[key] = binding[key];
  return idString(id);
}

/** The MATCH values a concrete id gives a pattern (empty when it has no MATCH). */
export function bindingOf(pattern: Pattern, id: DictId): Binding | null {
  if (pattern.match.length === 0) return null;
  const binding: Binding = {};
  for (const key of pattern.match) binding[key] = id[key];
  return binding;
}

/** Id values are strings, numbers and booleans; anything else compares as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}
