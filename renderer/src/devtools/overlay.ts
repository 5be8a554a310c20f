// The error overlay of debug pages: each report with, for a callback error, the callback's name and place, the
// values of its inputs and states, and its traceback (cut to the app's code by the server). Text only, never HTML.
import type { Report } from "../runtime";
import { docked } from "./dock";
import { short, type CallbackInfo } from "./model";

const OVERLAY_ID = "_pw-error";

export function showReport(report: Report, callbacks: CallbackInfo[]): void {
  const box = overlay();
  const item = el("div", "border-top:1px solid #f5c2c7;padding:8px 0");
  item.className = "pw-error-item";
  // The runtime names the callback a report is about (the graph's names) and gives its number: here it gets
  // where it is defined too; a graph without names leaves "Callback 3" in the title, named here.
  const info = report.cb === undefined ? undefined : callbacks[report.cb];
  if (info) {
    item.dataset.cb = String(report.cb);
    item.append(el("strong", "", report.title.replace(/^Callback \d+\b/, `Callback '${info.name}'`)));
    if (info.where) item.append(el("div", "font-size:12px;opacity:.8", info.where));
  } else {
    item.append(el("strong", "", report.title));
  }
  item.append(el("div", "margin:4px 0;white-space:pre-wrap", report.message));
  const inputs = Object.entries(report.inputs ?? {});
  if (inputs.length) {
    item.append(el("div", "font-weight:600;margin-top:4px", "Inputs and states"));
    const list = el("pre", "margin:0 0 4px;white-space:pre-wrap;font-size:12px");
    list.className = "pw-error-inputs";
    list.textContent = inputs.map(([key, value]) => `${key} = ${short(value, 200)}`).join("\n");
    item.append(list);
  }
  if (report.traceback) {
    const tb = el("pre", "margin:0;white-space:pre-wrap;font-size:12px", report.traceback);
    tb.className = "pw-error-traceback";
    item.append(tb);
  }
  box.append(item);
}

function overlay(): HTMLElement {
  const found = document.getElementById(OVERLAY_ID);
  if (found) return found;
  const box = el(
    "div",
    "flex:0 1 480px;min-width:min(300px,100%);margin-left:auto;max-height:40vh;box-sizing:border-box;" +
      "overflow:auto;background:#fff5f5;color:#842029;border:1px solid #f5c2c7;border-radius:6px;" +
      "padding:8px 12px;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)",
  );
  box.id = OVERLAY_ID;
  box.setAttribute("role", "alert");
  const close = el("button", "float:right;border:0;background:none;font-size:16px;cursor:pointer;color:inherit", "×");
  close.setAttribute("aria-label", "Dismiss errors");
  close.onclick = () => box.remove();
  box.append(close, el("strong", "", "propwire errors"));
  return docked(box, 1);
}

function el(tag: string, style: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (style) node.style.cssText = style;
  if (text !== undefined) node.textContent = text;
  return node;
}
