// Showing errors: a small overlay in debug mode (text only, never HTML), the console otherwise.
import type { Report } from "./runtime";

const OVERLAY_ID = "_pw-error";

export function reportError(report: Report, debug: boolean): void {
  console.error(`propwire: ${report.title}: ${report.message}` + (report.traceback ? "\n" + report.traceback : ""));
  if (debug) showOverlay(report);
}

function showOverlay(report: Report): void {
  const box = overlay();
  const item = el("div", "border-top:1px solid #f5c2c7;padding:8px 0");
  item.append(el("strong", "", report.title), el("div", "margin:4px 0;white-space:pre-wrap", report.message));
  if (report.traceback) item.append(el("pre", "margin:0;white-space:pre-wrap;font-size:12px", report.traceback));
  box.append(item);
}

function overlay(): HTMLElement {
  const found = document.getElementById(OVERLAY_ID);
  if (found) return found;
  const box = el(
    "div",
    "position:fixed;right:12px;bottom:12px;z-index:2147483647;max-width:min(720px,90vw);max-height:60vh;" +
      "overflow:auto;background:#fff5f5;color:#842029;border:1px solid #f5c2c7;border-radius:6px;" +
      "padding:8px 12px;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)",
  );
  box.id = OVERLAY_ID;
  box.setAttribute("role", "alert");
  const close = el("button", "float:right;border:0;background:none;font-size:16px;cursor:pointer;color:inherit", "×");
  close.setAttribute("aria-label", "Dismiss errors");
  close.onclick = () => box.remove();
  box.append(close, el("strong", "", "propwire errors"));
  document.body.append(box);
  return box;
}

function el(tag: string, style: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (style) node.style.cssText = style;
  if (text !== undefined) node.textContent = text;
  return node;
}
