// Component JSON and the walk that finds components (and their slots) inside a value.
import { deepPaths, eachAt } from "./children_props";
import { idString, propKey, type Id } from "./ids";

export interface ComponentJson {
  type: string;
  namespace: string;
  props: Record<string, unknown>;
}

export function isComponent(value: unknown): value is ComponentJson {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    "type" in value &&
    "props" in value &&
    "namespace" in value
  );
}

/** The id string of a component, or null when it has no id. */
export function componentId(comp: ComponentJson): string | null {
  const id = comp.props.id;
  return id === undefined || id === null ? null : idString(id as Id);
}

/** Only components and lists can hold components; other values are leaves. */
export function mayHoldComponents(value: unknown): boolean {
  return Array.isArray(value) || isComponent(value);
}

/**
 * Visit every component inside `value` with its nearest enclosing slot (`id.prop`
 * of the closest ancestor with an id), or `slot` when none lies inside `value`.
 * `path` is the component's position: list indices and prop positions from where
 * the walk started (after `path`'s own start); it is reused, so copy it to keep it.
 * Plain dicts are not searched, as on the server, except along the kind's children-prop paths (`a.b`, `a{}`,
 * `a[].b`: children_props.ts), where a library declares components inside them.
 */
export function walk(
  value: unknown,
  slot: string | null,
  visit: (comp: ComponentJson, slot: string | null, path: number[]) => void,
  path: number[] = [],
): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], slot, visit, path);
      path.pop();
    }
    return;
  }
  if (!isComponent(value)) return;
  visit(value, slot, path);
  const own = componentId(value);
  const props = value.props;
  let i = 0;
  for (const name in props) {
    const child = props[name];
    if (child !== null && typeof child === "object") {
      path.push(i);
      walk(child, own === null ? slot : propKey(own, name), visit, path);
      path.pop();
    }
    i++;
  }
  for (const deep of deepPaths(value.namespace, value.type)) {
    eachAt(props, deep, (child, at, pos) => {
      const n = path.length;
      path.push(...pos);
      walk(child, own === null ? slot : propKey(own, at[0] as string), visit, path);
      path.length = n;
    });
  }
}

/** Document order of two positions: the earlier sibling first, an ancestor before its descendants. */
export function comparePositions(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
