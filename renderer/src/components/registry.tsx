// Which React component renders which (namespace, type). Built-ins come from generated.ts (written from the
// Python declarations); others from outside bundles (outside.tsx). Lazy ones load on first use.
import { lazy, Suspense } from "react";
import type { ComponentProps, PwComponent } from "./types";
import { Boundary } from "../boundary";
import { walk } from "../tree";
import { Html } from "./html";
import { eager, lazy as loaders } from "./generated";
import { adapt, found, hasScripts, loadNamespace } from "./outside";
import { Unknown } from "./unknown";

function deferred(name: string, load: () => Promise<{ default: PwComponent }>): PwComponent {
  const Lazy = lazy(load);
  return function Deferred(p: ComponentProps) {
    return (
      <Boundary name={name}>
        <Suspense fallback={<div id={p.id} className="pw-loading" />}>
          <Lazy {...p} />
        </Suspense>
      </Boundary>
    );
  };
}

// One component per kind, made once: React must see the same function on every render.
const made = new Map<string, PwComponent>();
for (const ns in loaders) for (const type in loaders[ns]) made.set(`${ns}.${type}`, deferred(type, loaders[ns][type]));

function outside(namespace: string, type: string): PwComponent {
  const kind = `${namespace}.${type}`;
  let comp = made.get(kind);
  if (comp) return comp;
  const ready = found(namespace, type);
  const load = () => loadNamespace(namespace).then(() => {
    const loaded = found(namespace, type);
    return { default: loaded ? adapt(loaded) : Unknown };
  });
  comp = ready ? adapt(ready) : deferred(kind, load);
  made.set(kind, comp);
  return comp;
}

export function lookup(namespace: string, type: string): PwComponent {
  if (namespace === "html") return Html;
  const builtin = eager[namespace]?.[type] ?? made.get(`${namespace}.${type}`);
  if (builtin) return builtin;
  if (namespace in eager) return Unknown;
  if (found(namespace, type) || hasScripts(namespace)) return outside(namespace, type);
  return Unknown;
}

/** Start loading the lazy components and outside bundles the layout uses; resolves when they are in (or failed). */
export function preload(layout: unknown): Promise<unknown> {
  const wanted = new Map<string, () => Promise<unknown>>();
  walk(layout, null, (comp) => {
    const load = loaders[comp.namespace]?.[comp.type];
    if (load) wanted.set(`${comp.namespace}.${comp.type}`, load);
    else if (!(comp.namespace in eager) && hasScripts(comp.namespace)) {
      wanted.set(comp.namespace, () => loadNamespace(comp.namespace));
    }
  });
  return Promise.all([...wanted.values()].map((load) => load().catch(() => {})));
}
