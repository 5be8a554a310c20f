// Components from outside bundles: registered with window.propwire.register, or set as window[namespace][type] the
// way Dash component libraries do; a namespace the page config lists a script for loads it on first use.
import { createElement, useCallback, useMemo, useRef } from "react";
import type { ComponentType } from "react";
import { assocAt, childrenPropsOf, eachAt, type LayoutPath } from "../children_props";
import { Node } from "../render";
import { deepEqual } from "../patch";
import { componentId, isComponent } from "../tree";
import { dashGlobals } from "./dash_globals";
import { DashContext, dashContextFor, useOwnLoading } from "./dash_api";
import type { ComponentProps, Props, PwComponent } from "./types";

type Outside = ComponentType<any>;

const registered = new Map<string, Outside>();
const adapted = new Map<Outside, PwComponent>();
let scripts: Record<string, string[]> = {};
const loading = new Map<string, Promise<void>>();

/** The outside bundles' scripts per namespace, from the page config (the Python declarations' Bundle.script). */
export function setScripts(table: Record<string, string[]> | undefined): void {
  scripts = table ?? {};
  // Dash libraries' pages start fetching what those libraries expect of the page now, not when one first renders
  if (Object.values(scripts).some((urls) => urls.some((url) => url.includes("/_dash-component-suites/")))) {
    void dashGlobals();
  }
}

/** Add a component for (namespace, type); an outside bundle calls it as window.propwire.register. */
export function register(namespace: string, type: string, component: Outside): void {
  if (typeof namespace !== "string" || typeof type !== "string" || component == null) {
    throw new TypeError("propwire.register(namespace, type, Component) takes two strings and a React component");
  }
  registered.set(`${namespace}.${type}`, component);
}

/** The outside component for (namespace, type), if one is in: registered first, then window[namespace][type]. */
export function found(namespace: string, type: string): Outside | undefined {
  const own = registered.get(`${namespace}.${type}`);
  if (own) return own;
  const library = (window as unknown as Record<string, unknown>)[namespace];
  const comp = library && typeof library === "object" ? (library as Record<string, unknown>)[type] : undefined;
  return typeof comp === "function" || (typeof comp === "object" && comp !== null) ? (comp as Outside) : undefined;
}

export function hasScripts(namespace: string): boolean {
  return (scripts[namespace] ?? []).length > 0;
}

/** Load a namespace's scripts once, in order (each may use what the one before defined). */
export function loadNamespace(namespace: string): Promise<void> {
  let done = loading.get(namespace);
  if (!done) {
    done = (scripts[namespace] ?? []).reduce((before, url) => before.then(() => addScript(url)), dashGlobals());
    loading.set(namespace, done);
  }
  return done;
}

function addScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement("script");
    el.src = url;
    // the page's nonce, so the script may run under its Content-Security-Policy whatever its origin
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
    if (nonce) el.nonce = nonce;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`propwire: the component bundle ${url} failed to load`));
    document.head.appendChild(el);
  });
}

/**
 * An outside component takes Dash's props: its own props flat, `id` (a dict id as its string, as Dash gives
 * it), `setProps`, `loading_state` while an output of its is pending, and `children` and its kind's children
 * props rendered (each an element whose `props.componentPath` `getLayout` resolves), inside a DashContext.
 */
export function adapt(comp: Outside): PwComponent {
  let wrapped = adapted.get(comp);
  if (!wrapped) {
    const Comp = comp;
    wrapped = function OutsideComponent({ props, setProps, id, namespace, type, path = [], extras }: ComponentProps) {
      const key = JSON.stringify(path);
      const context = useMemo(() => dashContextFor(path), [key]); // the path's content is what counts
      const pending = useOwnLoading(path);
      const hydrated = useMemo(() => hydrate(props, namespace, type, path), [props, namespace, type, key]);
      const { children, ...rest } = hydrated;
      const { send, renderType } = useDashSetProps(props, setProps);
      const { pwTakeClick, ...more } = extras ?? {};
      const all: Record<string, unknown> = { ...rest, ...more, setProps: send };
      // A dcc.ConfirmDialogProvider around it: Dash hands the provider's click handler to its child as the
      // `onClick` prop, which a library button (dbc.Button) uses instead of counting n_clicks.
      if (typeof pwTakeClick === "function") all.onClick = pwTakeClick;
      if (id !== undefined) all.id = id;
      // a component that declares `dashRenderType` is told why it renders, as Dash tells it (AG Grid skips a
      // re-render for its own changes)
      if ("dashRenderType" in Comp) all.dashRenderType = renderType;
      if (pending) {
        all.loading_state = { is_loading: true, prop_name: pending.map((e) => e.property).join(","), component_name: id ?? "" };
      }
      const element =
        children === undefined
          ? createElement(Comp, all)
          : Array.isArray(children)
            ? createElement(Comp, all, ...children)
            : createElement(Comp, all, children);
      return <DashContext.Provider value={context}>{element}</DashContext.Provider>;
    };
    adapted.set(comp, wrapped);
  }
  return wrapped;
}

export type RenderType = "internal" | "callback" | "parent";

/**
 * Why a library component renders, as Dash's `dashRenderType` says: "internal" (its own setProps changed its
 * props), "callback" (something else did: a callback's output), "parent" (its props are as they were: the
 * first render, or a parent's).
 */
export class RenderReason {
  props: Props | null = null;
  private own = false;

  /** The reason of a render with `props` (the store gives a changed component a new props object). */
  of(props: Props): RenderType {
    let type: RenderType = "parent";
    if (this.props !== null && this.props !== props) {
      type = this.own ? "internal" : "callback";
      this.own = false;
    }
    this.props = props;
    return type;
  }

  /** Its own setProps is changing its props: the next new props are its own doing. */
  changing(): void {
    this.own = true;
  }
}

/**
 * Dash's setProps rules for a library component: only the props whose value changes go on (a library setting
 * a prop to what it is, as Mantine's Select re-sets its value when its data changes, triggers no callback),
 * and the render's `dashRenderType`.
 */
export function useDashSetProps(props: Props, setProps: (partial: Props) => void): {
  send: (partial: Props) => void;
  renderType: RenderType;
} {
  const ref = useRef<RenderReason | null>(null);
  const reason = (ref.current ??= new RenderReason());
  const renderType = reason.of(props);
  const send = useCallback(
    (partial: Props) => {
      const diff = changedProps(partial, reason.props ?? {});
      if (diff === null) return;
      reason.changing();
      setProps(diff);
    },
    [setProps, reason],
  );
  return { send, renderType };
}

/** The props of `partial` whose value differs from `now`'s, or null when none does. */
export function changedProps(partial: Props, now: Props): Props | null {
  const diff: Props = {};
  let any = false;
  for (const name in partial) {
    if (deepEqual(partial[name], now[name])) continue;
    diff[name] = partial[name];
    any = true;
  }
  return any ? diff : null;
}

/** The props with `children` and the kind's children props rendered where they are (Dash's paths). */
export function hydrate(props: Props, namespace: string, type: string, path: LayoutPath): Props {
  let out: Props = props;
  if (props.children !== undefined) out = { ...out, children: renderAt(props.children, path.concat("props", "children")) };
  for (const spec of childrenPropsOf(namespace, type)) {
    eachAt(props, spec, (value, at) => {
      out = assocAt(out, at, renderAt(value, path.concat("props", ...at))) as Props;
    });
  }
  return out;
}

/** A component (or list of them) as Nodes at `at`; anything else as it is (a library takes strings raw). */
function renderAt(value: unknown, at: LayoutPath): unknown {
  if (isComponent(value)) return <Node json={value} componentPath={at} />;
  if (!Array.isArray(value)) return value;
  return value.map((item, i) => {
    if (!isComponent(item)) return item;
    const idStr = componentId(item);
    return <Node key={idStr === null ? "@" + i : "#" + idStr} json={item} componentPath={at.concat(i)} />;
  });
}
