// The dev tools panel (debug pages): a toggle in the bottom-left corner opens the callback graph (drawn, callbacks
// in flight lit up; or as a list), per-callback timing, and the trace of the last actions. Plain DOM, text only,
// so this chunk shares no code with the page's bundle and pages without debug never fetch it. The drawn graph and
// its layout library are a chunk of their own, fetched the first time the graph shows (build.mjs).
import { h } from "./dom";
import { docked } from "./dock";
import type { GraphView } from "./graph_view";
import type { Model } from "./model";
import { callbackList, timing, trace, warningList } from "./views";

type Tab = "graph" | "timing" | "trace";
type GraphMode = "drawn" | "list";
const TABS: [Tab, string][] = [
  ["graph", "Callbacks"],
  ["timing", "Timing"],
  ["trace", "Trace"],
];
const KEY = "pw-devtools";
const PILL = "cursor:pointer;border:1px solid transparent;border-radius:999px;padding:3px 11px;font:500 12px system-ui,sans-serif;";

interface State {
  open: boolean;
  tab: Tab;
  mode: GraphMode;
}

/** Open state, tab and graph mode survive a hot reload (same tab, sessionStorage). */
function remembered(): State {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || "{}");
    return {
      open: saved.open === true,
      tab: TABS.some(([t]) => t === saved.tab) ? saved.tab : "graph",
      mode: saved.mode === "list" ? "list" : "drawn",
    };
  } catch {
    return { open: false, tab: "graph", mode: "drawn" };
  }
}

function pill(label: string, on: boolean, attrs: Record<string, string>, act: () => void): HTMLElement {
  const look = on ? "background:#4f46e5;color:#fff;" : "background:#f1f5f9;color:#334155;";
  return h("button", { type: "button", "aria-pressed": String(on), style: PILL + look, onclick: act, ...attrs }, label);
}

interface Parts {
  toggle: HTMLElement;
  header: HTMLElement;
  body: HTMLElement;
  panel: HTMLElement;
}

function parts(): Parts {
  const toggle = h("button", {
    id: "_pw-devtools-toggle",
    type: "button",
    style: "font:500 12px/1 system-ui,sans-serif;padding:7px 12px;border-radius:999px;border:1px solid #334155;" +
      "background:#1e293b;color:#fff;cursor:pointer;box-shadow:0 2px 8px rgba(15,23,42,.25)",
  });
  const header = h("div", { style: "display:flex;gap:6px;align-items:center;padding:8px 0;border-bottom:1px solid #eef2f7;margin-bottom:8px" });
  const body = h("div", { style: "flex:1 1 auto;min-height:0;overflow:auto" });
  const panel = h("div", {
    id: "_pw-devtools",
    role: "dialog",
    "aria-label": "propwire dev tools",
    style: "box-sizing:border-box;width:100%;max-height:min(56vh,620px);display:flex;flex-direction:column;background:#fff;" +
      "color:#0f172a;border:1px solid #d5dbe5;border-radius:10px;box-shadow:0 10px 30px rgba(15,23,42,.18);" +
      "font:13px/1.45 system-ui,sans-serif;padding:0 12px 12px",
  }, header, body);
  return { toggle, header, body, panel };
}

/** The drawn graph's slot: made once (its layout, pan and zoom are kept), its chunk fetched on first use. */
function graphSlot(model: Model, redraw: () => void): (running: Set<number>) => HTMLElement {
  let view: GraphView | null = null;
  let loading = false;
  const slot = h("div", { class: "pw-dt-graph-host", style: "height:min(44vh,500px)" });
  return (running) => {
    if (view) view.update(running);
    else if (!loading) {
      loading = true;
      slot.replaceChildren(h("p", { style: "color:#64748b" }, "Drawing the callback graph…"));
      import("./graph_view")
        .then((m) => {
          view = new m.GraphView(model);
          slot.replaceChildren(view.element);
          redraw();
        })
        .catch((err) => slot.replaceChildren(h("p", { role: "alert" }, `The graph failed to load: ${err}`)));
    }
    return slot;
  };
}

function headerItems(state: State, set: (next: Partial<State>) => void): Node[] {
  return [
    h("strong", { style: "font-size:12px;color:#475569;margin-right:6px" }, "propwire"),
    ...TABS.map(([tab, name]) => pill(name, state.tab === tab, { "data-tab": tab }, () => set({ tab }))),
    h("span", { style: "flex:1" }),
    ...(state.tab === "graph" ? [
      pill("Graph", state.mode === "drawn", { "data-mode": "drawn" }, () => set({ mode: "drawn" })),
      pill("List", state.mode === "list", { "data-mode": "list" }, () => set({ mode: "list" })),
    ] : []),
    h("button", { type: "button", "aria-label": "Close dev tools", onclick: () => set({ open: false }),
      style: "border:0;background:none;font-size:18px;line-height:1;cursor:pointer;color:#64748b;margin-left:6px" }, "×"),
  ];
}

export function mountPanel(model: Model, host: HTMLElement, warnings: string[] = []): void {
  const state = remembered();
  const { toggle, header, body, panel } = parts();
  host.style.cssText = "display:flex;flex-direction:column;align-items:flex-start;gap:6px;min-width:0;box-sizing:border-box";
  host.append(panel, toggle);
  docked(host, 0);
  const set = (next: Partial<State>) => {
    Object.assign(state, next);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // storage disabled: the panel just starts closed next time
    }
    render();
  };
  toggle.addEventListener("click", () => set({ open: !state.open }));
  const drawn = graphSlot(model, () => render());
  const warn = warnings.length ? warningList(warnings) : null;
  const warned = warnings.length ? ` · ⚠ ${warnings.length} warning${warnings.length > 1 ? "s" : ""}` : "";
  let queued = false;
  let shown: Node | null = null;
  const render = () => {
    queued = false;
    const running = model.running();
    toggle.textContent = (running.size ? `dev tools · ${running.size} running` : "dev tools") + warned;
    toggle.setAttribute("aria-expanded", String(state.open));
    panel.style.display = state.open ? "flex" : "none";
    // Open, the panel's column takes what the strip can give, up to a comfortable width (dock.ts).
    host.style.flex = state.open ? "1 1 620px" : "0 0 auto";
    host.style.maxWidth = state.open ? "1100px" : "";
    if (!state.open) return;
    header.replaceChildren(...headerItems(state, set));
    const content = state.tab === "timing" ? timing(model) : state.tab === "trace" ? trace(model)
      : state.mode === "list" ? callbackList(model.callbacks, running) : drawn(running);
    if (shown !== content) body.replaceChildren(...(warn ? [warn] : []), (shown = content));
  };
  // Many lines can arrive in one frame: draw once per frame.
  model.subscribe(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(render);
  });
  render();
}
