// The dev tools chunk, loaded by debug pages only: the error overlay, hot reload, and the panel.
import type { Report, Trace } from "../runtime";
import { callbacksOf, Model, warningsOf, type ValueOf } from "./model";
import { showReport } from "./overlay";
import { mountPanel } from "./panel";
import { listen } from "./reload";

/** Start the dev tools with what happened so far; returns where the runtime's next traces go. */
export function start(
  devtools: Record<string, unknown>,
  backlog: Trace[],
  setErrorSink: (show: (report: Report) => void) => void,
  store?: { value: ValueOf },
): (trace: Trace) => void {
  // The store, to read the values a callback's run had (the page's bundle passes it as is: not a byte more there).
  const model = new Model(callbacksOf(devtools), 25, store && ((key) => store.value(key)));
  backlog.forEach((t) => model.add(t));
  setErrorSink((report) => showReport(report, model.callbacks));
  if (typeof devtools.reloadUrl === "string" && typeof devtools.boot === "string") {
    listen(devtools.reloadUrl, devtools.boot);
  }
  const host = document.createElement("div");
  host.id = "_pw-devtools-root";
  mountPanel(model, host, warningsOf(devtools));
  return (t) => model.add(t);
}
