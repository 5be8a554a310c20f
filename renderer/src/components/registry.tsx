// Which React component renders which (namespace, type); heavy ones load on first use.
import { lazy, Suspense } from "react";
import type { ComponentProps, PwComponent } from "./types";
import { Boundary } from "../render";
import { walk } from "../tree";
import { Html } from "./html";
import { Input } from "./input";
import { Textarea } from "./textarea";
import { Checklist, RadioItems } from "./choices";
import { Store } from "./store";
import { Interval } from "./interval";
import { Location } from "./location";
import { Link } from "./link";
import { Unknown } from "./unknown";

/** Chunks loaded only by pages that use them. */
const loaders: Record<string, () => Promise<{ default: PwComponent }>> = {
  Dropdown: () => import("./dropdown"),
  Slider: () => import("./slider").then((m) => ({ default: m.Slider })),
  RangeSlider: () => import("./slider").then((m) => ({ default: m.RangeSlider })),
  Markdown: () => import("./markdown"),
};

function deferred(name: string): PwComponent {
  const Lazy = lazy(loaders[name]);
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

const dcc: Record<string, PwComponent> = {
  Input,
  Textarea,
  Checklist,
  RadioItems,
  Store,
  Interval,
  Location,
  Link,
};
for (const name in loaders) dcc[name] = deferred(name);

export function lookup(namespace: string, type: string): PwComponent {
  if (namespace === "html") return Html;
  if (namespace === "dcc") return dcc[type] ?? Unknown;
  return Unknown;
}

/** Start loading the chunks a layout needs before React asks for them. */
/** Start loading the lazy components the layout uses; resolves when they are in (or failed). */
export function preload(layout: unknown): Promise<unknown> {
  const wanted = new Set<string>();
  walk(layout, null, (comp) => {
    if (comp.namespace === "dcc" && comp.type in loaders) wanted.add(comp.type);
  });
  return Promise.all([...wanted].map((name) => loaders[name]().catch(() => {})));
}
