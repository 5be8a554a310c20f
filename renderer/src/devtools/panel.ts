// The dev tools panel (debug pages): a toggle in the bottom-left corner opens the callback graph (callbacks in
// flight highlighted), per-callback timing, and the trace of the last actions. Plain DOM, text only, so this
// chunk shares no code with the page's bundle and pages without debug never fetch it.
import { h } from "./dom";
import { describe, type Action, type CallbackInfo, type Model } from "./model";

type Tab = "graph" | "timing" | "trace";
const TABS: [Tab, string][] = [
  ["graph", "Callbacks"],
  ["timing", "Timing"],
  ["trace", "Trace"],
];
const KEY = "pw-devtools";
const MONO = "font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px";
const SMALL = "font-size:11px;color:#667";
const LIST = "margin:0;padding-left:20px";

interface State {
  open: boolean;
  tab: Tab;
}

/** Open state and tab survive a hot reload (same tab, sessionStorage). */
function remembered(): State {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || "{}");
    return { open: saved.open === true, tab: TABS.some(([t]) => t === saved.tab) ? saved.tab : "graph" };
  } catch {
    return { open: false, tab: "graph" };
  }
}

export function mountPanel(model: Model, host: HTMLElement, warnings: string[] = []): void {
  const state = remembered();
  const toggle = h("button", {
    id: "_pw-devtools-toggle",
    type: "button",
    style:
      "position:fixed;left:12px;bottom:12px;z-index:2147483646;font:12px/1 system-ui,sans-serif;padding:6px 10px;" +
      "border-radius:14px;border:1px solid #99a;background:#223;color:#fff;cursor:pointer;opacity:.85",
    onclick: () => set({ open: !state.open }),
  });
  const panel = h("div", {
    id: "_pw-devtools",
    role: "dialog",
    "aria-label": "propwire dev tools",
    style:
      "position:fixed;left:12px;bottom:44px;z-index:2147483646;width:min(760px,94vw);max-height:55vh;overflow:auto;" +
      "background:#fff;color:#222;border:1px solid #99a;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2);" +
      "font:13px/1.4 system-ui,sans-serif;padding:0 10px 10px",
  });
  host.append(toggle, panel);

  const set = (next: Partial<State>) => {
    Object.assign(state, next);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // storage disabled: the panel just starts closed next time
    }
    render();
  };

  let queued = false;
  const render = () => {
    queued = false;
    const running = model.running();
    const warned = warnings.length ? ` · ⚠ ${warnings.length} warning${warnings.length > 1 ? "s" : ""}` : "";
    toggle.textContent = (running.size ? `dev tools · ${running.size} running` : "dev tools") + warned;
    toggle.setAttribute("aria-expanded", String(state.open));
    panel.style.display = state.open ? "block" : "none";
    if (!state.open) return;
    const tabs = h(
      "div",
      { style: "position:sticky;top:0;background:#fff;padding:8px 0;display:flex;gap:6px" },
      TABS.map(([tab, name]) =>
        h(
          "button",
          {
            type: "button",
            "data-tab": tab,
            "aria-pressed": String(state.tab === tab),
            style: `cursor:pointer;font-weight:${state.tab === tab ? 700 : 400}`,
            onclick: () => set({ tab }),
          },
          name,
        ),
      ),
      h("span", { style: "flex:1" }),
      h("button", { type: "button", "aria-label": "Close dev tools", onclick: () => set({ open: false }) }, "×"),
    );
    const body =
      state.tab === "graph" ? graph(model.callbacks, running) : state.tab === "timing" ? timing(model) : trace(model);
    panel.replaceChildren(tabs, ...(warnings.length ? [warningList(warnings)] : []), body);
  };
  // Many lines can arrive in one frame: draw once per frame.
  model.subscribe(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(render);
  });
  render();
}

/** Start-up warnings stay above every tab: each is a callback that waits for a component not yet on the page. */
function warningList(warnings: string[]): HTMLElement {
  return h(
    "div",
    { class: "pw-dt-warnings", role: "status", style: "background:#fff8e1;border:1px solid #e0b000;padding:4px 8px" },
    h("h4", { style: "margin:4px 0" }, "Start-up warnings"),
    h("ul", { style: LIST }, warnings.map((w) => h("li", { style: MONO }, w))),
  );
}

const keys = (list: string[]) => h("span", { style: MONO }, list.length ? list.join(", ") : "—");

function graph(callbacks: CallbackInfo[], running: Set<number>): HTMLElement {
  // The components' props: which callbacks read each one and which write it.
  const props = new Map<string, { reads: number[]; writes: number[] }>();
  const at = (key: string) => props.get(key) ?? props.set(key, { reads: [], writes: [] }).get(key)!;
  callbacks.forEach((cb, i) => {
    [...cb.inputs, ...cb.states].forEach((k) => at(k).reads.push(i));
    cb.outputs.forEach((k) => at(k).writes.push(i));
  });
  const name = (i: number) => callbacks[i]?.name ?? String(i);
  return h(
    "div",
    { class: "pw-dt-graph" },
    h("h4", { style: "margin:4px 0" }, "Callbacks: inputs → callback → outputs"),
    h(
      "ol",
      { style: LIST },
      callbacks.map((cb, i) =>
        h(
          "li",
          {
            "data-cb": i,
            "data-name": cb.name,
            "data-running": running.has(i) ? "1" : undefined,
            style: `padding:2px 4px;border-radius:4px;${running.has(i) ? "background:#fff3bf" : ""}`,
          },
          h("strong", {}, cb.name),
          running.has(i) && h("em", { style: "color:#a60;margin-left:6px" }, "running"),
          " ",
          h("span", { style: SMALL }, cb.where),
          h("div", {}, keys(cb.inputs), " → ", h("strong", {}, cb.name), " → ", keys(cb.outputs)),
          cb.states.length > 0 && h("div", { style: SMALL }, "state: ", keys(cb.states)),
        ),
      ),
    ),
    h("h4", { style: "margin:8px 0 4px" }, "Components"),
    h(
      "ul",
      { style: LIST, class: "pw-dt-props" },
      [...props.keys()].sort().map((key) => {
        const p = props.get(key)!;
        return h(
          "li",
          { "data-prop": key },
          h("span", { style: MONO }, key),
          p.writes.length > 0 && ` · written by ${p.writes.map(name).join(", ")}`,
          p.reads.length > 0 && ` · read by ${p.reads.map(name).join(", ")}`,
        );
      }),
    ),
  );
}

function timing(model: Model): HTMLElement {
  const rows = [...model.timings.entries()].sort((a, b) => a[0] - b[0]);
  if (!rows.length) return h("p", {}, "No callback has run yet.");
  const cell = "padding:2px 8px;border-bottom:1px solid #eee;text-align:left";
  const heads = ["callback", "runs", "server (last)", "network (last)", "server (total)", "ctx.record_timing (last)"];
  return h(
    "table",
    { class: "pw-dt-timing", style: "border-collapse:collapse;width:100%" },
    h("thead", {}, h("tr", {}, heads.map((x) => h("th", { style: cell }, x)))),
    h(
      "tbody",
      {},
      rows.map(([cb, t]) =>
        h(
          "tr",
          { "data-cb": cb, "data-name": model.name(cb) },
          [
            model.name(cb),
            String(t.calls),
            `${t.ms} ms`,
            t.network === null ? "— (page load)" : `${t.network} ms`,
            `${t.total} ms`,
            t.timing.map(([n, ms, desc]) => `${n}: ${ms} ms${desc ? ` (${desc})` : ""}`).join("; ") || "—",
          ].map((text) => h("td", { style: cell }, text)),
        ),
      ),
    ),
  );
}

function label(model: Model, action: Action): string {
  if (action.seq === 0) return "page load";
  if (action.changed.length) return action.changed.map(([k, v]) => `${k} = ${v}`).join(", ");
  return `follow-up: ${action.run.map((cb) => model.name(cb)).join(", ")} asked for again`;
}

function trace(model: Model): HTMLElement {
  if (!model.actions.length) return h("p", {}, "Nothing has happened yet.");
  return h(
    "div",
    { class: "pw-dt-trace" },
    [...model.actions].reverse().map((action) =>
      h(
        "section",
        { class: "pw-dt-action", "data-seq": action.seq, style: "margin:6px 0" },
        h(
          "div",
          { style: "font-weight:600" },
          `#${action.seq} ${label(model, action)} `,
          h("span", { style: SMALL }, action.done ? `${action.ms ?? 0} ms` : "running…"),
        ),
        h(
          "ol",
          { style: LIST },
          action.entries.map((entry) =>
            h(
              "li",
              {
                "data-kind": entry.kind,
                "data-cb": entry.cb,
                "data-name": model.name(entry.cb),
                "data-dropped": entry.dropped,
                style: `color:${entry.kind === "error" || entry.dropped ? "#a11" : entry.kind === "result" ? "inherit" : "#667"}`,
              },
              describe(model, entry),
            ),
          ),
        ),
      ),
    ),
  );
}
