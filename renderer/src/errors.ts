// Showing errors: the console always; in debug mode also the dev tools' overlay (text only, never HTML),
// which lives in the lazily loaded dev tools chunk: reports made before it loads wait for it.
import type { Report } from "./runtime";

let sink: ((report: Report) => void) | null = null;
const waiting: Report[] = [];

export function reportError(report: Report, debug: boolean): void {
  console.error(`propwire: ${report.title}: ${report.message}` + (report.traceback ? "\n" + report.traceback : ""));
  if (!debug) return;
  if (sink) sink(report);
  else waiting.push(report);
}

/** The dev tools take over showing reports (and show those made so far). */
export function setErrorSink(show: (report: Report) => void): void {
  sink = show;
  waiting.splice(0).forEach(show);
}
