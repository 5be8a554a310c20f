// Components from outside bundles: registered with window.propwire.register, or set as window[namespace][type] the
// way Dash component libraries do; a namespace the page config lists a script for loads it on first use.
import type { ComponentType } from "react";
import type { ComponentProps, PwComponent } from "./types";
import { renderValue } from "../render";
import { dashGlobals } from "./dash_globals";

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

/** An outside component takes Dash's props: its own props flat, `setProps`, and children rendered. */
export function adapt(comp: Outside): PwComponent {
  let wrapped = adapted.get(comp);
  if (!wrapped) {
    const Comp = comp;
    wrapped = function OutsideComponent({ props, setProps }: ComponentProps) {
      const children = props.children === undefined ? undefined : renderValue(props.children);
      return <Comp {...props} setProps={setProps}>{children}</Comp>;
    };
    adapted.set(comp, wrapped);
  }
  return wrapped;
}
