// Component-valued props other than `children` (a library's `_children_props`): where they sit, how to reach
// them. Dash component libraries name them with paths: `a` (a prop), `a.b` (a key of a dict prop), `a[]` (each
// item of a list), `a[].b` (a key of each item), `a{}` (each value of a dict). The page config lists them per
// kind (`children_props`); the store's walk, the component paths and the outside components' rendering all read
// them here, so the three agree on which values are components.

/** A position in the layout as Dash spells it: `["props", "children", 0, "props", "leftSection"]`. */
export type LayoutPath = (string | number)[];

interface Step {
  key: string;
  /** `[]`: each item of the list under `key`. */
  list: boolean;
  /** `{}`: each value of the dict under `key`. */
  dict: boolean;
}

type Table = Record<string, Record<string, string[]>>;

let table: Table = {};
const parsed = new Map<string, Step[]>();

/** The page config's `children_props`: {namespace: {type: [paths]}}. */
export function setChildrenProps(value: Table | undefined): void {
  table = value && typeof value === "object" ? value : {};
}

/** The children-prop paths of a kind (`children` is not listed: every component may have it). */
export function childrenPropsOf(namespace: string, type: string): readonly string[] {
  const paths = table[namespace]?.[type];
  return Array.isArray(paths) ? paths : [];
}

/** Paths that go below a prop's own value (into dicts): those a walk over props and lists would not reach. */
export function deepPaths(namespace: string, type: string): readonly string[] {
  return childrenPropsOf(namespace, type).filter((p) => p.includes(".") || p.includes("{}"));
}

function steps(path: string): Step[] {
  let out = parsed.get(path);
  if (!out) {
    out = path.split(".").map((part) => ({
      key: part.replace("[]", "").replace("{}", ""),
      list: part.includes("[]"),
      dict: part.includes("{}"),
    }));
    parsed.set(path, out);
  }
  return out;
}

const isDict = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Visit each value a children-prop path names inside `props`, with where it is (`at`, from the props object:
 * `["leftSection"]`, `["options", 2, "label"]`) and `pos`, the same position as indices (for document order).
 * A missing step ends that branch: the prop is simply unset there.
 */
export function eachAt(
  props: Record<string, unknown>,
  path: string,
  visit: (value: unknown, at: LayoutPath, pos: number[]) => void,
): void {
  const all = steps(path);
  const go = (value: unknown, i: number, at: LayoutPath, pos: number[]) => {
    if (i === all.length) return visit(value, at, pos);
    if (!isDict(value)) return;
    const { key, list, dict } = all[i];
    if (!Object.hasOwn(value, key)) return;
    const here = value[key];
    const keyAt = [...at, key];
    const keyPos = [...pos, Object.keys(value).indexOf(key)];
    const each = (item: unknown, name: string | number, index: number, base: LayoutPath, basePos: number[]) =>
      go(item, i + 1, [...base, name], [...basePos, index]);
    if (list) {
      if (!Array.isArray(here)) return;
      here.forEach((item, j) => {
        if (!dict) return each(item, j, j, keyAt, keyPos);
        if (isDict(item)) Object.keys(item).forEach((k, n) => go(item[k], i + 1, [...keyAt, j, k], [...keyPos, j, n]));
      });
    } else if (dict) {
      if (isDict(here)) Object.keys(here).forEach((k, n) => each(here[k], k, n, keyAt, keyPos));
    } else go(here, i + 1, keyAt, keyPos);
  };
  go(props, 0, [], []);
}

/** A copy of `obj` with the value at `at` replaced (the copies are shallow: only the way down is new). */
export function assocAt(obj: unknown, at: LayoutPath, value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  if (Array.isArray(obj)) {
    const copy = obj.slice();
    copy[head as number] = assocAt(obj[head as number], rest, value);
    return copy;
  }
  const base = isDict(obj) ? obj : {};
  return { ...base, [head]: assocAt(base[head as string], rest, value) };
}

/** The value at a Dash layout path (undefined when the way down is broken). */
export function valueAt(root: unknown, at: readonly (string | number)[]): unknown {
  let here: unknown = root;
  for (const step of at) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string | number, unknown>)[step];
  }
  return here;
}
