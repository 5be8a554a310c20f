// The graph's side pane: the selected callback's last runs (inputs, outputs, duration, what triggered it) and why
// it ran or did not; or the selected prop's writers and readers. Text only, never HTML.
import { h } from "./dom";
import { runsOf, shortWhere, whyLine, type Run } from "./graph_model";
import { ms, type Model } from "./model";

const MONO = "font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:11.5px";
const MUTED = "color:#64748b;font-size:11.5px";
const HEAD = "margin:10px 0 4px;font-size:11px;letter-spacing:.04em;text-transform:uppercase;color:#64748b";
const BADGE: Record<string, [string, string]> = {
  ran: ["#dcfce7", "#166534"], no_update: ["#e0f2fe", "#075985"], skipped: ["#f1f5f9", "#475569"],
  "not run": ["#f1f5f9", "#475569"], deferred: ["#fef3c7", "#92400e"], clientside: ["#cffafe", "#155e75"],
  error: ["#fee2e2", "#991b1b"], "not in event": ["#f8fafc", "#64748b"], running: ["#fef3c7", "#92400e"],
};

const keyList = (keys: string[]) => keys.length ? h("div", { style: MONO }, keys.join(", ")) : h("div", { style: MUTED }, "—");

function badge(status: string): HTMLElement {
  const [bg, fg] = BADGE[status] ?? ["#f1f5f9", "#334155"];
  return h("span", { class: "pw-dt-badge", style: `background:${bg};color:${fg};border-radius:9px;padding:0 7px;font-size:11px;font-weight:600` }, status);
}

function pairs(list: [string, string][], title: string): HTMLElement | null {
  if (!list.length) return null;
  return h("div", { style: "margin-top:2px" }, h("span", { style: MUTED }, `${title} `),
    h("span", { style: MONO }, list.map(([k, v]) => `${k} = ${v}`).join("; ")));
}

function run(r: Run): HTMLElement {
  return h("li", { class: "pw-dt-run", "data-status": r.status, "data-seq": r.seq,
    style: "padding:6px 0;border-top:1px solid #eef2f7;list-style:none" },
  h("div", { style: "display:flex;gap:6px;align-items:center;flex-wrap:wrap" }, badge(r.status),
    r.ms !== undefined && h("strong", { style: "font-size:12px" }, ms(r.ms)),
    h("span", { style: MUTED }, `#${r.seq} ${r.action}`)),
  h("div", { class: "pw-dt-why", style: "margin-top:2px;font-size:12px" }, whyLine(r)),
  pairs(r.inputs, "inputs"), pairs(r.outputs, "→"));
}

function callbackDetails(model: Model, cb: number): HTMLElement {
  const info = model.callbacks[cb];
  const t = model.timings.get(cb);
  const runs = runsOf(model, cb);
  const running = model.running().has(cb);
  return h("div", { class: "pw-dt-node-details", "data-cb": cb, "data-name": info?.name },
    h("div", { style: "font:600 13px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all;margin-top:2px" }, model.name(cb)),
    h("div", { style: MUTED, title: info?.where }, info?.clientside ? `clientside · ${shortWhere(info.where)}` : info?.where ?? ""),
    running && h("div", { style: "margin-top:4px" }, badge("running")),
    h("div", { style: HEAD }, "Inputs"), keyList(info?.inputs ?? []),
    info?.states.length ? [h("div", { style: HEAD }, "States"), keyList(info.states)] : null,
    h("div", { style: HEAD }, "Outputs"), keyList(info?.outputs ?? []),
    h("div", { style: HEAD }, "Timing"),
    h("div", { style: "font-size:12px" }, t ? `${t.calls} run${t.calls === 1 ? "" : "s"} · last ${ms(t.ms)} · total ${ms(t.total)}` : "no result yet"),
    h("div", { style: HEAD }, "Last actions"),
    runs.length ? h("ul", { class: "pw-dt-runs", style: "margin:0;padding:0" }, runs.map(run)) : h("div", { style: MUTED }, "Nothing has happened yet."));
}

function propDetails(model: Model, key: string, pick: (cb: number) => void): HTMLElement {
  const link = (cb: number) => h("button", { type: "button", onclick: () => pick(cb), style:
    "border:0;background:none;padding:0;color:#4338ca;cursor:pointer;text-decoration:underline;" + MONO }, model.label(cb));
  const by = (test: (i: number) => boolean) => model.callbacks.map((_, i) => i).filter(test);
  const writers = by((i) => model.callbacks[i].outputs.includes(key));
  const readers = by((i) => model.callbacks[i].inputs.includes(key) || model.callbacks[i].states.includes(key));
  const list = (cbs: number[]) => cbs.length ? h("div", { style: "display:flex;flex-direction:column;gap:2px;align-items:flex-start" }, cbs.map(link))
    : h("div", { style: MUTED }, "—");
  return h("div", { class: "pw-dt-node-details", "data-key": key },
    h("div", { style: "font:600 13px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all;margin-top:2px" }, key),
    h("div", { style: HEAD }, "Written by"), list(writers), h("div", { style: HEAD }, "Read by"), list(readers));
}

/** The pane for the selection (a callback, a prop, or nothing: a hint and what runs now). */
export function details(model: Model, cb: number | null, prop: string | null, pick: (cb: number) => void): HTMLElement {
  if (cb !== null) return callbackDetails(model, cb);
  if (prop !== null) return propDetails(model, prop, pick);
  const running = [...model.running()].map((i) => model.label(i));
  return h("div", { class: "pw-dt-node-details", style: "font-size:12px;color:#334155" },
    h("div", { style: "font-weight:600;margin:2px 0 4px" }, `${model.callbacks.length} callbacks`),
    h("div", { style: MUTED }, "Click a callback to see its last runs and why it ran or did not; click a prop to see who writes and reads it. Drag to pan, scroll to zoom."),
    h("div", { style: HEAD }, "Running now"),
    running.length ? h("div", { style: MONO }, running.join(", ")) : h("div", { style: MUTED }, "nothing"));
}
