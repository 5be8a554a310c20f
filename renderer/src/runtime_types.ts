// The runtime's types for the page around it: what it reports, traces and needs (kept apart: runtime.ts is long).
import type { RunEntry } from "./events";
import type { Persistence } from "./persist";
import { viaSocket, type EventSocket, type Refused } from "./socket";
import type { Line } from "./stream";
import { readResponse, type Frame } from "./wire";

export interface Report {
  title: string;
  message: string;
  traceback?: string;
  /** The callback that raised, and (debug only) the values of its inputs and states. */
  cb?: number;
  inputs?: Record<string, unknown>;
}

/**
 * What happened, for the dev tools (debug pages only): an event sent, a stream line, a result dropped
 * because the page changed since its event was sent, a stream's end. `t` is `performance.now()`.
 */
export type Trace =
  | { type: "send"; seq: number; t: number; changed: Record<string, unknown>; run: RunEntry[]; asked: number[] }
  | { type: "line"; seq: number; t: number; line: Line }
  | { type: "drop"; seq: number; t: number; cb: number; reason: "stale" | "tainted" }
  | { type: "end"; seq: number; t: number };

/** What the runtime tells the page; kept apart so the runtime runs without a DOM. */
export interface Hooks {
  busy(on: boolean): void;
  ready(): void;
  report(report: Report): void;
  /** Debug pages: every event, line, drop and stream end, for the dev tools. */
  trace?(trace: Trace): void;
}

export type Post = (url: string, body: string) => Promise<Response>;

export interface RuntimeOptions {
  eventUrl: string;
  /** Where a `cookies` line's token is exchanged for its Set-Cookie headers (docs/protocol.md). */
  cookiesUrl?: string;
  hooks: Hooks;
  post?: Post;
  /** Events over a WebSocket (socket.ts) when it is open; without it, or while it cannot open, POSTs. */
  socket?: EventSocket;
  /** Keeps persisted props' edits (persist.ts); without it nothing persists. */
  persist?: Persistence;
}

export const defaultPost: Post = (url, body) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body });

/** The server's `{"error": "..."}` body, or the raw text. */
export function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    if (body && typeof body.error === "string") return body.error;
  } catch {
    // not JSON: show it as it is
  }
  return text;
}

/** POSTs a `cookies` line's token back (docs/protocol.md): the answer carries the real Set-Cookie headers. A
 * refusal or failure goes to `report`. */
export async function exchangeCookies(post: Post, url: string, seq: number, token: string,
                                      report: (title: string, message: string) => void): Promise<void> {
  try {
    const res = await post(url, JSON.stringify({ seq, token }));
    if (!res.ok) report(`Cookies of event ${seq} were refused (HTTP ${res.status})`, errorMessage(await res.text()));
  } catch (err) {
    report(`Cookies of event ${seq} could not be set`, String(err));
  }
}

/** How the page's messages name callback `cb`: "Callback 'update_city'" from the graph's names (its function's
 * name), "Callback 3" only when the graph has none for it (a hand-written graph). */
export function callbackTitle(names: readonly string[], cb: number): string {
  const name = names[cb];
  return name ? `Callback '${name}'` : `Callback ${cb}`;
}

/** An error line as the report the page shows (the dev tools, the console). */
export function errorReport(line: Extract<Line, { kind: "error" }>, names: readonly string[]): Report {
  return { title: `${callbackTitle(names, line.cb)} raised an error`, message: line.message,
    traceback: line.traceback || undefined, cb: line.cb, inputs: line.inputs };
}

/** Sends one event (over the socket when it is open, else as a POST) and hands its answer's frames to `onFrame`;
 * a refusal or failure goes to `report`. Resolves when the answer has ended, however it ended. */
export async function fetchEvent(options: RuntimeOptions, post: Post, seq: number, body: string,
                                 onFrame: (frame: Frame) => void, report: (title: string, message: string) => void,
): Promise<void> {
  try {
    const socket = options.socket;
    const refused = (err: Refused) => report(`Event ${seq} was rejected (HTTP ${err.status})`, err.message);
    if (socket && (await viaSocket(socket, seq, body, onFrame, refused))) return;
    const res = await post(options.eventUrl, body);
    if (!res.ok) report(`Event ${seq} was rejected (HTTP ${res.status})`, errorMessage(await res.text()));
    else await readResponse(res, onFrame);
  } catch (err) {
    report(`Event ${seq} failed`, String(err));
  }
}
