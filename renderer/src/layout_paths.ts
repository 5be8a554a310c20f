// Component paths as Dash spells them (`["props", "children", 0, "props", "leftSection"]`): Dash component
// libraries read a child's `props.componentPath` and hand it to `dash_component_api.getLayout`, and key the
// loading state by it. The layout root is the component at `[]` (a root list: its items at `[i]`).
import { deepPaths, eachAt, type LayoutPath } from "./children_props";
import { componentId, isComponent, type ComponentJson } from "./tree";

/**
 * Visit each component directly inside `comp` (not deeper than the next component) with its path from `comp`:
 * components and (nested) lists of them in any prop, and those at the kind's children-prop paths inside dicts.
 */
export function eachChild(comp: ComponentJson, visit: (child: ComponentJson, at: LayoutPath) => void): void {
  const props = comp.props;
  const down = (value: unknown, at: LayoutPath) => {
    if (isComponent(value)) return visit(value, at);
    if (Array.isArray(value)) value.forEach((item, i) => down(item, [...at, i]));
  };
  for (const name in props) {
    const value = props[name];
    if (value !== null && typeof value === "object") down(value, ["props", name]);
  }
  for (const deep of deepPaths(comp.namespace, comp.type)) {
    eachAt(props, deep, (value, at) => down(value, ["props", ...at]));
  }
}

// Where each rendered component sits: a Node notes its children's paths as it renders, so the child Node (which
// may be drawn by any component's code, through renderValue) finds its own. Keyed by the JSON object itself.
const noted = new WeakMap<object, LayoutPath>();

/** Note the paths of the components inside `comp`, which sits at `path`. */
export function noteChildren(comp: ComponentJson, path: LayoutPath): void {
  eachChild(comp, (child, at) => noted.set(child, path.concat(at)));
}

/** Note the layout root: a component at `[]`, a list's items at `[i]`. */
export function noteRoot(root: unknown): void {
  if (isComponent(root)) noted.set(root, []);
  else if (Array.isArray(root)) root.forEach((item, i) => isComponent(item) && noted.set(item, [i]));
}

/** The path noted for a component JSON (`[]` when none was: a component drawn outside any Node). */
export function notedPath(comp: ComponentJson): LayoutPath {
  return noted.get(comp) ?? [];
}

/** Every id'd component's path in the layout, by id string (what Dash keeps as `paths`). */
export function pathsById(root: unknown): Map<string, LayoutPath> {
  const found = new Map<string, LayoutPath>();
  const visit = (comp: ComponentJson, path: LayoutPath) => {
    const idStr = componentId(comp);
    if (idStr !== null && !found.has(idStr)) found.set(idStr, path);
    eachChild(comp, (child, at) => visit(child, path.concat(at)));
  };
  if (isComponent(root)) visit(root, []);
  else if (Array.isArray(root)) root.forEach((item, i) => isComponent(item) && visit(item, [i]));
  return found;
}

export function samePath(a: LayoutPath | undefined, b: LayoutPath | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
