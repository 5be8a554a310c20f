// Boot: read the page config, mount the layout, then take over window.propwire's queue of stream lines.
import * as React from "react";
import * as ReactDOM from "react-dom";
import { createRoot, hydrateRoot } from "react-dom/client";
import PropTypes from "prop-types";
import { fillUnknown } from "./browser";
import { register, setScripts } from "./components/outside";
import { setUploadUrl } from "./components/files";
import { savedDownloads } from "./components/download";
import { hub, installDashApi } from "./components/dash_api";
import { setChildrenProps } from "./children_props";
import { noteRoot } from "./layout_paths";
import { lookup, preload } from "./components/registry";
import { persisted } from "./components/generated";
import { browserAreas, Persistence } from "./persist";
import { reportError, setErrorSink } from "./errors";
import { compileGraph, type RawGraph } from "./events";
import { Boundary } from "./boundary";
import { renderValue, RuntimeContext, setLookup } from "./render";
import { Runtime, type Trace } from "./runtime";
import { EventSocket } from "./socket";
import { Store } from "./store";
import { titleFromStore, titleWhileBusy } from "./title";

interface PageConfig {
  layout: unknown;
  graph?: RawGraph;
  eventUrl?: string;
  cookiesUrl?: string;
  socketUrl?: string;
  uploadUrl?: string;
  debug?: boolean;
  unknown?: string[];
  /** The outside component bundles' scripts per namespace (docs/components.md), loaded on first use. */
  bundles?: Record<string, string[]>;
  /** Component-valued props other than children, per library kind: {namespace: {type: [paths]}}. */
  children_props?: Record<string, Record<string, string[]>>;
  /** Library components' default `persisted_props`, {namespace: {type: [names]}} (their classes declare them). */
  persisted?: Record<string, Record<string, string[]>>;
  /** Debug pages only: the callbacks' names and props, the server's boot id, the reload stream's URL. */
  devtools?: Record<string, unknown>;
  /** Dash's update_title: the tab's title while callbacks run (absent: the title is left alone). */
  updateTitle?: string;
  /** Dash Pages: the id of the store whose data's `title` the tab shows (the page container's). */
  pageTitle?: string;
}

/** What the page defines before this bundle runs: a queue that inline scripts push stream lines onto. */
interface Queue {
  q?: unknown[];
  push(line: unknown): void;
  runtime?: Runtime;
  register?: typeof register;
  /** For test drivers: which Download saved a blob URL (components/download.tsx). */
  savedDownloads?: typeof savedDownloads;
}

declare global {
  interface Window {
    propwire?: Queue;
    React?: unknown;
    ReactDOM?: unknown;
    PropTypes?: unknown;
  }
}

/** One React for the page: outside UMD bundles (Dash component libraries) capture these when they run. */
function share(): void {
  window.React = React;
  window.ReactDOM = Object.assign({}, ReactDOM, { createRoot, hydrateRoot });
  window.PropTypes = PropTypes;
  const queue = window.propwire ?? (window.propwire = { q: [], push(line) { this.q!.push(line); } });
  queue.register = register;
  queue.savedDownloads = savedDownloads;
  installDashApi(); // before any library script: some read window.dash_component_api as they load
}

/** The dev tools bundle's path (build.mjs defines it). */
declare const __PW_DEVTOOLS__: string;

// A lazy component whose code is in may still show its fallback for a few frames (React throttles revealing a
// Suspense boundary): the page is ready once no fallback is left, or after about five seconds of frames (a chunk
// that never loads shows its error in its place, not a hang).
function whenDrawn(then: () => void, frames = 300): void {
  if (frames === 0 || !document.querySelector(".pw-loading")) requestAnimationFrame(then);
  else requestAnimationFrame(() => whenDrawn(then, frames - 1));
}

function boot(): void {
  setLookup(lookup); // the registry finds each component render.tsx draws
  const config = JSON.parse(document.getElementById("_pw-config")?.textContent || "{}") as PageConfig;
  const debug = Boolean(config.debug);
  setChildrenProps(config.children_props); // the store's walk finds components at those paths
  // Kept edits replace the layout's values before anything reads them; the server left those props to the page.
  const library = config.persisted ?? {};
  const persist = new Persistence((ns, type) => persisted[ns]?.[type] ?? library[ns]?.[type], browserAreas());
  persist.restoreTree(config.layout);
  const store = new Store(config.layout ?? null);
  fillUnknown(store, config.unknown ?? []);
  setScripts(config.bundles);
  const loaded = preload(config.layout);
  const body = document.body.dataset;
  // Debug pages: what happens is kept for the dev tools, whose chunk loads now (other pages never fetch it).
  const traces: Trace[] = [];
  let trace: (t: Trace) => void = (t) => void traces.push(t);
  const title = titleWhileBusy(config.updateTitle, document);
  setUploadUrl(config.uploadUrl ?? "/_propwire/upload");
  // Events over a WebSocket, opened now so the first click does not wait for its handshake (socket.ts).
  const socket = config.socketUrl ? new EventSocket(config.socketUrl) : undefined;
  socket?.warm();
  const runtime = new Runtime(store, compileGraph(config.graph), {
    eventUrl: config.eventUrl ?? "/_propwire/event",
    cookiesUrl: config.cookiesUrl ?? "/_propwire/cookies",
    socket,
    persist,
    hooks: {
      busy: (on) => {
        if (on) body.pwBusy = "1";
        else delete body.pwBusy;
        // Setting the tab's title costs the main thread a fraction of a millisecond: done once this task's event
        // has gone (its flush was queued first), it overlaps the server's time instead of delaying the send.
        queueMicrotask(() => title(runtime.busy));
      },
      // ready once the layout's lazy components (dropdown, slider, ...) are in and drawn, not only the data
      ready: () => void loaded.then(() => whenDrawn(() => setTimeout(() => (body.pwReady = "1"), 0))),
      report: (report) => reportError(report, debug),
      trace: debug ? (t) => trace(t) : undefined,
    },
  });
  if (debug) {
    // A bundle of its own (build.mjs), fetched only here: a path esbuild leaves alone, relative to this file.
    (import(/* @vite-ignore */ __PW_DEVTOOLS__) as Promise<typeof import("./devtools/index")>)
      .then((m) => {
        trace = m.start(config.devtools ?? {}, traces.splice(0), setErrorSink, store);
      })
      .catch((err) => console.error("propwire: dev tools failed to load", err));
  }
  hub.connect({
    root: store.root,
    watch: (fn) => store.watch(fn),
    watchPending: (fn) => runtime.watchPending(fn),
    pendingOutputs: () => runtime.pendingOutputs(),
  });
  noteRoot(store.root);
  if (config.pageTitle) {
    const key = `${config.pageTitle}.data`;
    store.subscribe(config.pageTitle, titleFromStore(() => store.value(key), document));
  }
  createRoot(document.getElementById("_pw-root")!).render(
    <RuntimeContext.Provider value={runtime}>
      <Boundary name="layout">{renderValue(store.root)}</Boundary>
    </RuntimeContext.Provider>,
  );
  takeOver(runtime);
}

/** Apply the lines queued so far, then handle each new push at once. */
function takeOver(runtime: Runtime): void {
  const queue: Queue = window.propwire ?? { push() {} };
  const waiting = queue.q ?? [];
  const push = (line: unknown) => {
    try {
      runtime.pageLine(line);
    } catch (err) {
      console.error("propwire: bad page stream line", err);
    }
  };
  queue.q = [];
  waiting.forEach(push);
  queue.push = push;
  queue.runtime = runtime;
  queue.register = register;
  queue.savedDownloads = savedDownloads;
  window.propwire = queue;
  // Every push line runs before DOMContentLoaded, so after it no `done` can still come.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => runtime.pageEnded(), { once: true });
  } else runtime.pageEnded();
}

share();
boot();
