// Component JSON and the walk that finds components (and their slots) inside a value.
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
 * Plain dicts are not searched, as on the server.
 */
export function walk(
  value: unknown,
  slot: string | null,
  visit: (comp: ComponentJson, slot: string | null) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, slot, visit);
    return;
  }
  if (!isComponent(value)) return;
  visit(value, slot);
  const own = componentId(value);
  const props = value.props;
  for (const name in props) {
    const child = props[name];
    if (child !== null && typeof child === "object") {
      walk(child, own === null ? slot : propKey(own, name), visit);
    }
  }
}
