// Events over one WebSocket per tab (docs/protocol.md#the-event-socket), POSTs the fallback.
//
// A message is an event exactly as a POST body is; the server answers with binary frames `<seq>\n<bytes>`,
// the bytes being the same stream lines a POST answer has, read here by a FrameReader per event. A text frame
// `{"seq", "status", "error"}` is what a POST would get as a 4xx. The socket opens at the first event (or
// earlier, `warm()`); while it cannot (a proxy that blocks WebSockets, a server without the route), events go
// as POSTs, and it is tried again after a back-off. An event the socket closed on before any of its answer
// came is re-sent as a POST (`Unanswered`): nothing of it ran or it is lost, so a re-send cannot show twice.
// A socket can die without closing (a laptop's sleep, a dropped network): while events wait on it and nothing
// has come for a heartbeat's time, the page pings (`{"ping": n}`, the server answers `{"pong": n}` at once,
// whatever its callbacks are doing); no answer in time and the socket is closed, settling what it owed.
import { FrameReader, type Frame } from "./wire";

/** The socket closed before any of this event's answer arrived: send it again another way. */
export class Unanswered extends Error {}

/** The server refused the event (what a POST would get as a 4xx). */
export class Refused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The few WebSocket members used here (a fake one in the tests). */
export interface SocketLike {
  readyState: number;
  binaryType: string;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

interface Pending {
  reader: FrameReader;
  onFrame: (frame: Frame) => void;
  resolve: () => void;
  reject: (err: Error) => void;
  answered: boolean;
}

const OPEN = 1;
const NEWLINE = 10;
/** At most this many events in flight on the socket (the server's MAX_IN_FLIGHT); more go as POSTs. */
export const MAX_IN_FLIGHT = 8;
/** A bigger event goes as a POST: the socket's message limit (uvicorn's 16 MiB) must never cut one. */
export const MAX_MESSAGE_CHARS = 1 << 20;
const OPEN_TIMEOUT_MS = 3000;
/** How long events may wait with nothing heard before a ping, and how long a ping may go unanswered. */
export const HEARTBEAT_MS = 15_000;
export const PONG_TIMEOUT_MS = 10_000;
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

export class EventSocket {
  private ws: SocketLike | null = null;
  private opening: Promise<boolean> | null = null;
  private pending = new Map<number, Pending>();
  private retryAt = 0;
  private backoff = FIRST_BACKOFF_MS;
  private stale = false;
  private heard = 0; // when the socket last sent anything
  private pinged: number | null = null; // when the unanswered ping went out
  private pings = 0;
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(private url: string, private make: (url: string) => SocketLike = (u) => new WebSocket(u) as SocketLike,
              private beat = { heartbeatMs: HEARTBEAT_MS, pongTimeoutMs: PONG_TIMEOUT_MS }) {}

  /** Open the socket now, so the first event does not wait for the handshake. */
  warm(): void {
    void this.ready();
  }

  /**
   * The page's cookies changed (a callback's, exchanged at the cookies endpoint): the socket's handshake carried
   * the old ones, and its events would be run with them, so the next event goes over a new socket (or, while
   * the old one still answers events, as a POST, which carries the cookies of the moment).
   */
  renew(): void {
    this.stale = true;
  }

  /** Whether this event may go over the socket as it is now, open and fresh: then it goes in this very task,
   * before anything the page does next (React's render of the click), with no wait on a promise. */
  openFor(body: string): boolean {
    return !this.stale && this.ws?.readyState === OPEN && this.fits(body);
  }

  /** Whether this event may go over the socket: open (or opened now), not too big, a slot free. */
  async usable(body: string): Promise<boolean> {
    if (!this.fits(body)) return false;
    if (this.stale) {
      if (this.pending.size) return false;
      this.stale = false;
      const old = this.ws;
      this.ws = null;
      if (old) {
        old.onclose = old.onmessage = null;
        old.close();
      }
    }
    return this.ready();
  }

  private fits(body: string): boolean {
    return body.length <= MAX_MESSAGE_CHARS && this.pending.size < MAX_IN_FLIGHT;
  }

  private ready(): Promise<boolean> {
    if (this.ws?.readyState === OPEN) return Promise.resolve(true);
    if (this.opening) return this.opening;
    if (now() < this.retryAt) return Promise.resolve(false);
    const opening = (this.opening = this.connect().finally(() => (this.opening = null)));
    return opening;
  }

  private connect(): Promise<boolean> {
    return new Promise((resolve) => {
      let ws: SocketLike;
      try {
        ws = this.make(absolute(this.url));
      } catch {
        return resolve(this.failed());
      }
      ws.binaryType = "arraybuffer";
      const timer = setTimeout(() => {
        ws.close();
        resolve(this.failed());
      }, OPEN_TIMEOUT_MS);
      ws.onopen = () => {
        clearTimeout(timer);
        this.ws = ws;
        this.backoff = FIRST_BACKOFF_MS;
        resolve(true);
      };
      ws.onclose = () => {
        clearTimeout(timer);
        if (this.ws === ws) this.closed();
        else resolve(this.failed()); // never opened: refused, or nothing listens
      };
      ws.onerror = () => undefined; // a close follows
      ws.onmessage = (ev) => this.message(ev.data);
    });
  }

  private failed(): false {
    this.retryAt = now() + this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    return false;
  }

  /** Send one event (its seq and POST body); `onFrame` gets its answer's frames; resolves at its `done`. */
  event(seq: number, body: string, onFrame: (frame: Frame) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = this.ws;
      if (!ws || ws.readyState !== OPEN) return reject(new Unanswered("the event socket is not open"));
      if (this.pending.size === 0) this.heard = now(); // the wait for an answer starts now
      this.pending.set(seq, { reader: new FrameReader(), onFrame, resolve, reject, answered: false });
      ws.send(body);
      this.watch();
    });
  }

  /** While events wait: ping after a heartbeat with nothing heard; close when a ping goes unanswered. */
  private watch(): void {
    if (this.watchdog !== undefined) return;
    const check = () => {
      this.watchdog = undefined;
      const ws = this.ws;
      if (!ws || this.pending.size === 0) return void (this.pinged = null);
      const t = now();
      if (this.pinged !== null && t - this.pinged >= this.beat.pongTimeoutMs) {
        ws.onclose = ws.onmessage = null;
        ws.close();
        return this.closed();
      }
      if (this.pinged === null && t - this.heard >= this.beat.heartbeatMs) {
        this.pinged = t;
        ws.send(JSON.stringify({ ping: ++this.pings }));
      }
      this.watchdog = later(check, this.pinged !== null ? this.beat.pongTimeoutMs : this.beat.heartbeatMs);
    };
    this.watchdog = later(check, this.beat.heartbeatMs);
  }

  private message(data: unknown): void {
    this.heard = now();
    this.pinged = null; // anything from the socket shows it alive, a pong or not
    if (typeof data === "string") return this.refused(data);
    if (!(data instanceof ArrayBuffer)) return;
    const bytes = new Uint8Array(data);
    const nl = bytes.indexOf(NEWLINE);
    if (nl < 1 || nl > 16) return;
    const pending = this.pending.get(Number(String.fromCharCode(...bytes.subarray(0, nl))));
    if (!pending) return;
    pending.answered = true;
    for (const frame of pending.reader.push(bytes.subarray(nl + 1))) {
      pending.onFrame(frame);
      if ("line" in frame && "done" in frame.line) {
        this.pending.delete(Number(String.fromCharCode(...bytes.subarray(0, nl))));
        pending.resolve();
      }
    }
  }

  private refused(text: string): void {
    let body: { seq?: unknown; status?: unknown; error?: unknown; pong?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    if ("pong" in body) return;
    const pending = typeof body.seq === "number" ? this.pending.get(body.seq) : undefined;
    if (!pending) return console.error("propwire: the event socket refused a message:", body.error);
    this.pending.delete(body.seq as number);
    pending.reject(new Refused(Number(body.status) || 400, String(body.error ?? "")));
  }

  /** The open socket closed (the server restarted, went idle, the network dropped): what it owed is settled. */
  private closed(): void {
    this.ws = null;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.pinged = null;
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const p of owed) p.reject(p.answered ? new Error("the event socket closed mid-answer") : new Unanswered("unanswered"));
  }
}

/** setTimeout, never holding a Node process open (the renderer's tests run in one). */
function later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(fn, ms);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** ws:// or wss:// for a path on the page's own host. */
function absolute(path: string): string {
  if (/^wss?:/.test(path) || typeof location === "undefined") return path;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
}

/**
 * Send one event over the socket when it can take it: true when it went (answered, or refused: `refused` is
 * told, as a POST's 4xx is reported), false when it is to go as a POST (never sent, or the socket closed
 * before any of its answer came).
 */
export async function viaSocket(socket: EventSocket, seq: number, body: string, onFrame: (frame: Frame) => void,
                                refused: (err: Refused) => void): Promise<boolean> {
  if (!socket.openFor(body) && !(await socket.usable(body))) return false;
  try {
    await socket.event(seq, body, onFrame);
  } catch (err) {
    if (err instanceof Unanswered) return false;
    if (!(err instanceof Refused)) throw err;
    refused(err);
  }
  return true;
}
