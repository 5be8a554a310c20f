// window.dash_component_api: what Dash component libraries (dbc, Mantine, DataTable, AG Grid) call on the
// renderer, built on propwire's store and plan. `useSelector`/`useStore` read the Redux-shaped state of
// lib_state.ts; nothing here dispatches Redux actions (propwire has no reducers to run them).
import { createContext, createElement, useContext, useRef, useSyncExternalStore } from "react";
import type { ReactElement } from "react";
import type { LayoutPath } from "../children_props";
import { idString, type Id } from "../ids";
import { LibStateHub, loadingAt, type LibState, type LoadingEntry, type LoadingOptions } from "../lib_state";
import { Node } from "../render";
import type { ComponentJson } from "../tree";

export const hub = new LibStateHub();

type Selector<T> = (state: LibState) => T;
type Equality<T> = (a: T, b: T) => boolean;

/**
 * Dash's `useSelector(selector, equalityFn)`: re-renders when the selection changes. The selection is kept per
 * (state version, selector), so a selector made anew on each render (as dbc's Spinner makes one) is computed
 * once per render, and an equal selection keeps the old value (what `equalityFn` is for).
 */
export function useSelector<T>(selector: Selector<T>, equalityFn: Equality<T> = Object.is): T {
  const memo = useRef<{ version: number; selector: Selector<T>; value: T } | null>(null);
  const get = () => {
    const last = memo.current;
    if (last && last.version === hub.version && last.selector === selector) return last.value;
    const next = selector(hub.getState());
    const value = last && equalityFn(last.value, next) ? last.value : next;
    memo.current = { version: hub.version, selector, value };
    return value;
  };
  return useSyncExternalStore(hub.subscribe, get, get);
}

let warnedDispatch = false;

/** No Redux reducers run here: an action a library dispatches changes nothing, and the console says so once. */
function dispatch(action: unknown): unknown {
  if (!warnedDispatch) {
    warnedDispatch = true;
    console.warn("propwire: dash_component_api dispatch is not supported; use setProps", action);
  }
  return action;
}

const storeView = { getState: () => hub.getState(), subscribe: hub.subscribe, dispatch };

export interface DashContextValue {
  componentPath: LayoutPath;
  isLoading(options?: LoadingOptions): boolean;
  useLoading(options?: LoadingOptions): boolean;
  useSelector: typeof useSelector;
  useStore(): typeof storeView;
  useDispatch(): typeof dispatch;
}

/** The context value of a component at `path` (make it once per path: its identity is a dependency). */
export function dashContextFor(path: LayoutPath): DashContextValue {
  return {
    componentPath: path,
    isLoading: (options) => loadingAt(hub.getState(), path, options),
    // a hook, as in Dash: it subscribes the calling component to the loading state
    useLoading: (options) => useSelector((state) => loadingAt(state, path, options)),
    useSelector,
    useStore: () => storeView,
    useDispatch: () => dispatch,
  };
}

export const DashContext = createContext<DashContextValue>(dashContextFor([]));

export function useDashContext(): DashContextValue {
  return useContext(DashContext);
}

/** A component's own pending outputs (for `loading_state`), or null; equal lists keep one identity. */
export function useOwnLoading(path: LayoutPath): LoadingEntry[] | null {
  const key = JSON.stringify(path);
  return useSelector((state) => state.loading[key] ?? null, sameEntries);
}

function sameEntries(a: LoadingEntry[] | null, b: LoadingEntry[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i].id && e.property === b[i].property);
}

/** Render component JSON that is not in the layout's tree (a library's own render of a data prop). */
export function ExternalWrapper(p: { component: ComponentJson; componentPath: LayoutPath; temp?: boolean }): ReactElement {
  return createElement(Node, { json: p.component, componentPath: p.componentPath });
}

/** Dash's id string: strings as they are, dict ids as JSON with sorted keys. */
export function stringifyId(id: Id): string {
  return typeof id === "object" && id !== null ? idString(id) : (id as string);
}

/** Set before any library script runs (index.tsx), so a bundle that reads it at load finds it too. */
export function installDashApi(): void {
  const w = window as unknown as { dash_component_api?: Record<string, unknown> };
  w.dash_component_api = Object.assign(w.dash_component_api ?? {}, {
    ExternalWrapper,
    DashContext,
    useDashContext,
    getLayout: (pathOrId: LayoutPath | Id) => hub.getLayout(pathOrId),
    stringifyId,
  });
}
