// Rendering: one memoized Node per component JSON; an id'd Node subscribes to its own store entry.
import { createContext, Fragment, memo, useCallback, useContext, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import type { PwComponent } from "./components/types";
import type { Runtime } from "./runtime";
import type { LayoutPath } from "./children_props";
import { noteChildren, notedPath, samePath } from "./layout_paths";
import { componentId, isComponent, type ComponentJson } from "./tree";

export const RuntimeContext = createContext<Runtime | null>(null);

const noSubscription = () => () => {};

type Lookup = (namespace: string, type: string) => PwComponent;
let lookup: Lookup = (namespace, type) => {
  throw new Error(`propwire: no component registry to find ${namespace}.${type} in`);
};

/**
 * The seam between rendering and the components: the registry plugs its lookup in at start-up (index.tsx), so
 * this module imports no component and the components may import `renderValue` without an import cycle.
 */
export function setLookup(find: Lookup): void {
  lookup = find;
}

export interface NodeProps {
  json: ComponentJson;
  /** Its layout path, when the parent knows it (outside components' children): else the one noted for it. */
  componentPath?: LayoutPath;
  /** Anything else is a prop a library added with `cloneElement`: passed on to an outside component. */
  [extra: string]: unknown;
}

/**
 * Memoized on the JSON object (and its path and any added props): a parent re-render passes the same child
 * objects, so only components whose own props changed render again.
 */
export const Node = memo(function Node({ json, componentPath, ...extras }: NodeProps) {
  const runtime = useContext(RuntimeContext)!;
  const idStr = componentId(json);
  const subscribe = useCallback(
    (onChange: () => void) => (idStr === null ? noSubscription() : runtime.store.subscribe(idStr, onChange)),
    [runtime, idStr],
  );
  // The store replaces `json.props` on every change, so the object itself is the snapshot.
  const snapshot = () => json.props;
  const props = useSyncExternalStore(subscribe, snapshot, snapshot); // (the third: server rendering, in tests)
  // A component without an id cannot reach the store; its user changes stay local.
  const [local, setLocal] = useState<Record<string, unknown> | null>(null);
  const setProps = useCallback(
    (partial: Record<string, unknown>) =>
      idStr === null ? setLocal((old) => ({ ...old, ...partial })) : runtime.userChange(idStr, partial),
    [runtime, idStr],
  );
  const keepProps = useCallback(
    (partial: Record<string, unknown>) => (idStr === null ? setLocal((old) => ({ ...old, ...partial })) : runtime.keep(idStr, partial)),
    [runtime, idStr],
  );
  const path = componentPath ?? notedPath(json);
  noteChildren(json, path); // before the children render: each finds its own path
  const Impl = lookup(json.namespace, json.type);
  return (
    <Impl
      type={json.type}
      namespace={json.namespace}
      props={local ? { ...props, ...local } : props}
      setProps={setProps}
      keepProps={keepProps}
      id={idStr ?? undefined}
      path={path}
      extras={Object.keys(extras).length ? extras : undefined}
    />
  );
}, sameNodeProps);

function sameNodeProps(a: NodeProps, b: NodeProps): boolean {
  if (a.json !== b.json || !samePath(a.componentPath, b.componentPath)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k === "componentPath" || a[k] === b[k]);
}

/** Children and other node props: text, numbers, components, or (nested) lists of them. */
export function renderValue(value: unknown): ReactNode {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map(renderItem);
  if (isComponent(value)) return <Node json={value} />;
  return JSON.stringify(value);
}

function renderItem(item: unknown, index: number): ReactNode {
  if (isComponent(item)) {
    const idStr = componentId(item);
    return <Node key={idStr === null ? index : "#" + idStr} json={item} />;
  }
  return <Fragment key={index}>{renderValue(item)}</Fragment>;
}
