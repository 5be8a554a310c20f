// The panel's text views: the callbacks as a list (beside the drawn graph), per-callback timing, the trace of the
// last actions, and the start-up warnings. Plain DOM, text only.
import { h } from "./dom";
import { actionLabel, describe, ms, type CallbackInfo, type Model } from "./model";

const MONO = "font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px";
const SMALL = "font-size:11px;color:#64748b";
const LIST = "margin:0;padding-left:20px";

/** Start-up warnings stay above every tab: each is a callback that waits for a component not yet on the page. */
export function warningList(warnings: string[]): HTMLElement {
  return h(
    "div",
    { class: "pw-dt-warnings", role: "status", style: "background:#fff8e1;border:1px solid #e0b000;border-radius:6px;padding:4px 8px;margin-bottom:6px" },
    h("h4", { style: "margin:4px 0" }, "Start-up warnings"),
    h("ul", { style: LIST }, warnings.map((w) => h("li", { style: MONO }, w))),
  );
}

const keys = (list: string[]) => h("span", { style: MONO }, list.length ? list.join(", ") : "—");

/** Every callback as `inputs → name → outputs`, then every prop with who writes and reads it. */
export function callbackList(callbacks: CallbackInfo[], running: Set<number>): HTMLElement {
  const props = new Map<string, { reads: number[]; writes: number[] }>();
  const at = (key: string) => props.get(key) ?? props.set(key, { reads: [], writes: [] }).get(key)!;
  callbacks.forEach((cb, i) => {
    [...cb.inputs, ...cb.states].forEach((k) => at(k).reads.push(i));
    cb.outputs.forEach((k) => at(k).writes.push(i));
  });
  const name = (i: number) => callbacks[i]?.name ?? String(i);
  return h(
    "div",
    { class: "pw-dt-list" },
    h("ol", { style: LIST },
      callbacks.map((cb, i) =>
        h("li", { "data-cb": i, "data-name": cb.name, "data-running": running.has(i) ? "1" : undefined,
          style: `padding:2px 4px;border-radius:4px;${running.has(i) ? "background:#fef3c7" : ""}` },
        h("strong", {}, cb.name),
        running.has(i) && h("em", { style: "color:#a60;margin-left:6px" }, "running"),
        " ", h("span", { style: SMALL }, cb.where),
        h("div", {}, keys(cb.inputs), " → ", h("strong", {}, cb.name), " → ", keys(cb.outputs)),
        cb.states.length > 0 && h("div", { style: SMALL }, "state: ", keys(cb.states))),
      ),
    ),
    h("h4", { style: "margin:8px 0 4px" }, "Components"),
    h("ul", { style: LIST, class: "pw-dt-props" },
      [...props.keys()].sort().map((key) => {
        const p = props.get(key)!;
        return h("li", { "data-prop": key }, h("span", { style: MONO }, key),
          p.writes.length > 0 && ` · written by ${p.writes.map(name).join(", ")}`,
          p.reads.length > 0 && ` · read by ${p.reads.map(name).join(", ")}`);
      }),
    ),
  );
}

export function timing(model: Model): HTMLElement {
  const rows = [...model.timings.entries()].sort((a, b) => a[0] - b[0]);
  if (!rows.length) return h("p", {}, "No callback has run yet.");
  const cell = "padding:3px 8px;border-bottom:1px solid #eef2f7;text-align:left";
  const heads = ["callback", "runs", "server (last)", "network (last)", "server (total)", "ctx.record_timing (last)"];
  const runs = rows.reduce((n, [, t]) => n + t.calls, 0);
  return h("div", {},
    h("p", { class: "pw-dt-server-total", "data-ms": model.serverTotal(), style: "margin:4px 0 6px" },
      `Server time of every callback run so far: ${ms(model.serverTotal())} over ${runs} run${runs === 1 ? "" : "s"}`),
    h("table", { class: "pw-dt-timing", style: "border-collapse:collapse;width:100%" },
      h("thead", {}, h("tr", {}, heads.map((x) => h("th", { style: cell + ";color:#475569;font-weight:600" }, x)))),
      h("tbody", {},
        rows.map(([cb, t]) =>
          h("tr", { "data-cb": cb, "data-name": model.name(cb), "data-total": t.total, "data-last": t.ms },
            [
              model.label(cb),
              String(t.calls),
              ms(t.ms),
              t.network === null ? "— (page load)" : ms(t.network),
              ms(t.total),
              t.timing.map(([n, v, desc]) => `${n}: ${v} ms${desc ? ` (${desc})` : ""}`).join("; ") || "—",
            ].map((text, i) => h("td", { style: cell + (i === 0 ? ";" + MONO : "") }, text)),
          ),
        ),
      ),
    ),
  );
}

export function trace(model: Model): HTMLElement {
  if (!model.actions.length) return h("p", {}, "Nothing has happened yet.");
  return h("div", { class: "pw-dt-trace" },
    [...model.actions].reverse().map((action) =>
      h("section", { class: "pw-dt-action", "data-seq": action.seq, style: "margin:6px 0" },
        h("div", { style: "font-weight:600" }, `#${action.seq} ${actionLabel(model, action)} `,
          h("span", { style: SMALL }, action.done ? ms(action.ms ?? 0) : "running…")),
        h("ol", { style: LIST },
          action.entries.map((entry) =>
            h("li", {
              "data-kind": entry.kind, "data-cb": entry.cb, "data-name": model.name(entry.cb), "data-dropped": entry.dropped,
              style: `color:${entry.kind === "error" || entry.dropped ? "#a11" : entry.kind === "result" ? "inherit" : "#667"}`,
            }, describe(model, entry)),
          ),
        ),
      ),
    ),
  );
}
