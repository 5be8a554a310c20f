// Applying a Patch's operations to a prop's value: a new value, copied only along the paths it changes.
// A list operation on a typed-array spec (a plotly.express trace's y) acts on its values (typed_arrays.ts).

import { isTypedArraySpec, specOfValues, specValues } from "./typed_arrays";

/** `[name, path, argument]`: path is dict keys and list indices inside the prop's value. */
export type PatchOp = [string, (string | number)[], unknown];

type Container = Record<string, unknown> | unknown[];

/** The value with `ops` applied in order; the old value (and everything in it) is left as it was. */
export function applyPatch(value: unknown, ops: readonly PatchOp[]): unknown {
  for (const op of ops) {
    if (!Array.isArray(op) || !Array.isArray(op[1])) throw new Error(`malformed Patch operation ${JSON.stringify(op)}`);
    value = applyOne(value, op[0], op[1], op[2]);
  }
  return value;
}

function applyOne(value: unknown, name: string, path: readonly (string | number)[], arg: unknown): unknown {
  if (name === "assign" || name === "delete") {
    if (path.length === 0) return name === "assign" ? arg : null;
    return update(value, path.slice(0, -1), (parent) => {
      const copy = copyOf(parent ?? {});
      const key = path[path.length - 1];
      if (Array.isArray(copy)) {
        const i = listIndex(copy, key);
        if (i < 0 || i > copy.length || (i === copy.length && name === "delete")) {
          throw new Error(`Patch path index ${String(key)} is out of range`);
        }
        if (name === "delete") copy.splice(i, 1);
        else if (i === copy.length) copy.push(arg);
        else copy[i] = arg;
      } else if (name === "delete") delete copy[key];
      else copy[key] = arg;
      return copy;
    });
  }
  return update(value, path, (target) => change(target, name, arg));
}

/**
 * A copy of `value` with the value at `path` replaced by `fn` of it. Missing dict keys on the way
 * start as {}; a missing last key hands `fn` undefined.
 */
function update(value: unknown, path: readonly (string | number)[], fn: (target: unknown) => unknown): unknown {
  if (path.length === 0) return fn(value);
  const copy = copyOf(value ?? {});
  const key = path[0];
  if (Array.isArray(copy)) {
    const i = listIndex(copy, key);
    if (i < 0 || i >= copy.length) throw new Error(`Patch path index ${String(key)} is out of range`);
    copy[i] = update(copy[i], path.slice(1), fn);
  } else {
    const child = key in copy ? copy[key] : path.length > 1 ? {} : undefined;
    copy[key] = update(child, path.slice(1), fn);
  }
  return copy;
}

function copyOf(value: unknown): Container {
  if (Array.isArray(value)) return value.slice();
  if (value !== null && typeof value === "object") return { ...(value as Record<string, unknown>) };
  throw new Error(`Patch path goes through ${JSON.stringify(value)}, which is neither a list nor a dict`);
}

/** A list index as Python reads it: negative ones count from the end. */
function listIndex(list: unknown[], key: string | number): number {
  const i = Number(key);
  if (!Number.isInteger(i)) throw new Error(`Patch path ${JSON.stringify(key)} is not a list index`);
  return i < 0 ? list.length + i : i;
}

const NUMERIC: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
};

const LIST_OPS = new Set(["append", "prepend", "insert", "extend", "remove", "clear", "reverse"]);

function change(target: unknown, name: string, arg: unknown): unknown {
  const numeric = NUMERIC[name];
  if (numeric) return numeric((target ?? 0) as number, arg as number);
  if (name === "merge") return { ...((target ?? {}) as Record<string, unknown>), ...(arg as Record<string, unknown>) };
  if (!LIST_OPS.has(name)) throw new Error(`unknown Patch operation '${name}'`);
  if (isTypedArraySpec(target)) {
    // a 1-D spec stays one (propwire/api/patch.py does the same); a 2-D one becomes its nested list
    const values = change(specValues(target), name, arg) as unknown[];
    const flat = target.shape === undefined || target.shape === "" || !String(target.shape).includes(",");
    return flat ? specOfValues(values, target.dtype) : values;
  }
  const items = target === null || target === undefined ? [] : Array.isArray(target) ? target.slice() : null;
  if (items === null) throw new Error(`Patch '${name}' needs a list, not ${JSON.stringify(target)}`);
  switch (name) {
    case "append":
      items.push(arg);
      break;
    case "prepend":
      items.unshift(arg);
      break;
    case "insert": {
      const [index, item] = arg as [number, unknown];
      // As Python's list.insert: negative counts from the end, out of range clamps.
      const i = index < 0 ? Math.max(0, items.length + index) : Math.min(index, items.length);
      items.splice(i, 0, item);
      break;
    }
    case "extend":
      for (const item of arg as unknown[]) items.push(item);
      break;
    case "remove": {
      const i = items.findIndex((item) => deepEqual(item, arg));
      if (i >= 0) items.splice(i, 1);
      break;
    }
    case "clear":
      items.length = 0;
      break;
    case "reverse":
      items.reverse();
      break;
  }
  return items;
}

/** Deep equality of JSON values (key order aside; null and undefined differ), as ramda's `equals` that Dash uses. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as any)[k], (b as any)[k]));
}
