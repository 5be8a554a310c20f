// The coordinator: user changes -> one event; stream lines -> store updates, drops and follow-ups.
import { ClientRunner, serverChanges } from "./client_runner";
import { dashClientside } from "./clientside";
import { askedFor, askedWrites, buildEvent, triggers, type Graph, type RunEntry } from "./events";
import { idString, propKey, splitKey } from "./ids";
import { parsePattern } from "./patterns";
import type { Frame } from "./wire";
import { pendingOutputs } from "./loading";
import { deepEqual } from "./patch";
import { absentSideIds, byComponent, patched } from "./results";
import { RerunList } from "./rerun";
import { Jobs } from "./jobs";
import type { Store } from "./store";
import { callbackTitle, defaultPost, errorReport, exchangeCookies, fetchEvent, type Post, type RuntimeOptions } from "./runtime_types";
import { parseLine, Stream, type Line, type ResultLine } from "./stream";

export type { Hooks, Post, Report, RuntimeOptions, Trace } from "./runtime_types";

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

export const PAGE_SEQ = 0;

export class Runtime {
  private seq = PAGE_SEQ;
  private streams = new Map<number, Stream>();
  private rerun = new RerunList();
  private jobs = new Jobs();
  private batch = new Set<string>();
  /** Whether this tick's batch holds side updates (its event's deferrals are then checked as answered: rerun.ts). */
  private sideBatch = false;
  private flushQueued = false;
  private pageDone = false;
  private isReady = false;
  private warned = new Set<string>();
  /** Cookie tokens being exchanged: the page is busy until their cookies are set. */
  private exchanges = 0;
  private post: Post;
  /** Told whenever what is pending may have changed (a stream opened, planned, reported or ended). */
  private pendingWatchers = new Set<() => void>();
  /** Runs the app's clientside callbacks (null: it has none). */
  private client: ClientRunner | null = null;

  constructor(readonly store: Store, readonly graph: Graph, private options: RuntimeOptions) {
    this.post = options.post ?? defaultPost;
    if (graph.client) {
      const host = { store, graph, report: (t: string, m: string) => this.report(t, m),
        userChange: (id: string, p: Record<string, unknown>) => this.userChange(id, p), moved: () => this.clientMoved() };
      const client = (this.client = new ClientRunner(host, graph.client));
      dashClientside((id, props) => client.setProps(idString(id), props));
    }
    this.open(PAGE_SEQ);
    options.hooks.busy(true);
  }

  /** A line of the page-load stream (seq 0), pushed by the page's inline scripts. */
  pageLine(line: unknown): void {
    const stream = this.streams.get(PAGE_SEQ);
    if (!stream) return;
    if (typeof line === "string") this.handleText(stream, line);
    else this.handle(stream, line);
    // One line, one script: its side updates go out alone, also when lines queued before this bundle are replayed.
    if (this.sideBatch && this.flushQueued) this.flush();
  }

  /** The page's HTML has been read to its end: a page stream still open lost its `done` line. */
  pageEnded(): void {
    const stream = this.streams.get(PAGE_SEQ);
    if (!stream) return;
    this.report("The page stream ended early", "The page's HTML ended before the initial callbacks were done.");
    this.end(stream);
  }

  /**
   * A user change: applied to the store at once; the triggering keys of one tick go out as one event, and the
   * components re-render just after it is sent. A prop equal to the one held is no change and is dropped, as
   * Dash's setProps drops it (AG Grid on mount sets the same rows several times; callbacks hear it once).
   */
  userChange(idStr: string, partial: Record<string, unknown>): void {
    this.store.hold();
    const changes = Object.fromEntries(Object.entries(partial).filter(([p, v]) => !deepEqual(this.store.value(propKey(idStr, p)), v)));
    const entry = this.store.entry(idStr);
    if (entry) this.options.persist?.record(entry.comp, changes); // a user's edit is kept before it applies
    for (const prop in changes) {
      const key = propKey(idStr, prop);
      if (this.store.setProp(idStr, prop, changes[prop])) this.changedKey(key);
    }
    this.queueFlush();
  }

  /** A changed prop of the page: it joins this tick's event if it triggers, else it may cancel a job. */
  private changedKey(key: string): void {
    if (triggers(this.graph, key)) this.batch.add(key);
    else if (this.jobs.changed(this.graph, key)) queueMicrotask(() => this.jobs.pending && this.send({}, []));
  }

  /** Side updates (a job's progress and set_props, running= values) trigger whatever their value, as Dash's sideUpdate
   * notifies: one event per tick, whose chain the server runs; an absent component's, nothing (docs/protocol.md). */
  private sideChanged(keys: Iterable<string>): void {
    for (const key of keys) if (this.store.has(splitKey(key)[0])) this.changedKey(key);
    if (this.batch.size === 0) return;
    this.sideBatch = true;
    this.queueFlush();
  }

  /** The batch goes out as one event at the end of this tick (its send queued before the busy hook's work). */
  private queueFlush(): void {
    if (this.flushQueued) return; // the queued flush releases the store
    if (this.batch.size === 0) return this.store.release();
    this.flushQueued = true;
    queueMicrotask(() => {
      try {
        this.flush();
      } finally {
        this.store.release();
      }
    });
    this.options.hooks.busy(true);
  }

  /** A component's own quiet change (`keepProps`): stored without a version bump; no callback fires. */
  keep(idStr: string, partial: Record<string, unknown>): void {
    for (const prop in partial) this.store.fill(propKey(idStr, prop), partial[prop]);
  }

  /** Whether any stream is running or an event is about to be sent. */
  get busy(): boolean {
    return this.streams.size > 0 || this.flushQueued || this.exchanges > 0 || !!this.client?.busy;
  }

  private flush(): void {
    this.flushQueued = false;
    const keys = new Set(this.batch);
    const side = this.sideBatch;
    this.batch.clear();
    this.sideBatch = false;
    const client = this.client;
    if (!client?.triggersLocal(keys)) return this.sendChanged(keys, [], side);
    // Local clientside callbacks run first: the event carries their outputs with the user's change.
    const ran = new Set<number>();
    client.running++;
    void client.localRound(keys, ran).finally(() => {
      client.running--;
      this.sendChanged(keys, [...ran], side);
      this.clientMoved();
    });
  }

  /** An event for these changed keys, unless they trigger nothing the server runs (only clientside ones ran). */
  private sendChanged(keys: Set<string>, ran: number[], side = false): void {
    const changed = serverChanges(this.graph, this.store, keys, ran);
    if (Object.keys(changed).length) this.send(changed, [], ran, side);
    else this.settle();
  }

  private send(changed: Record<string, unknown>, run: RunEntry[], ran: number[] = [], side = false): void {
    const seq = ++this.seq;
    const asked = askedFor(this.graph, Object.keys(changed), run);
    const body = buildEvent(this.graph, this.store, seq, changed, run, this.pendingProps(), asked);
    if (ran.length) body.ran = ran;
    const cancel = this.jobs.take(asked);
    if (cancel.length) body.cancel = cancel;
    const stream = this.open(seq, askedWrites(this.graph, asked));
    stream.side = side;
    this.options.hooks.trace?.({ type: "send", seq, t: now(), changed, run, asked: [...asked.keys()] });
    void fetchEvent(this.options, this.post, seq, JSON.stringify(body), (f) => this.handleFrame(stream, f), (t, m) => this.report(t, m))
      .then(() => this.end(stream));
    this.options.hooks.busy(true);
  }

  private open(seq: number, writes?: string[]): Stream {
    const stream = new Stream(seq, this.store.clock, writes);
    this.streams.set(seq, stream);
    this.pendingMoved();
    return stream;
  }

  private pendingProps(): string[] {
    return [...new Set([...this.streams.values()].flatMap((s) => s.props))];
  }

  /** A `cookies` line: the server sealed the cookies a callback set after the headers went out; POSTing the token
   * back gets the real Set-Cookie headers, kept with every flag (a page's script cannot set an HttpOnly cookie). */
  private exchange(seq: number, token: string): void {
    this.exchanges++;
    const url = this.options.cookiesUrl ?? "/_propwire/cookies";
    void exchangeCookies(this.post, url, seq, token, (title, message) => this.report(title, message)).finally(() => {
      this.options.socket?.renew(); // the socket's handshake carried the cookies of before
      this.exchanges--;
      this.settle();
    });
  }

  private handleText(stream: Stream, text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.report(`Event ${stream.seq}: unreadable stream line`, text.slice(0, 200));
    }
    this.handle(stream, raw);
  }

  private handleFrame(stream: Stream, frame: Frame): void {
    if ("bad" in frame) return this.report(`Event ${stream.seq}: ${frame.bad}`, frame.text);
    this.handle(stream, frame.line);
  }

  private handle(stream: Stream, raw: unknown): void {
    if (this.streams.get(stream.seq) !== stream) return;
    const line = parseLine(raw);
    if (typeof line === "string") return this.report(`Event ${stream.seq}: bad stream line`, line);
    this.apply(stream, line);
    this.pendingMoved();
  }

  /** The concrete prop keys that a running stream's unreported callbacks may still write (loading.ts). */
  pendingOutputs(): string[] {
    return pendingOutputs(this.streams.values(), this.graph.writes, (idStr) => {
      const pattern = parsePattern(idStr);
      return pattern ? this.store.matching(pattern) : [idStr];
    });
  }

  /** Call `fn` whenever the pending outputs may have changed; returns the unsubscribe. */
  watchPending(fn: () => void): () => void {
    this.pendingWatchers.add(fn);
    return () => void this.pendingWatchers.delete(fn);
  }

  private pendingMoved(): void {
    this.pendingWatchers.forEach((fn) => fn());
  }

  private apply(stream: Stream, line: Line): void {
    this.options.hooks.trace?.({ type: "line", seq: stream.seq, t: now(), line });
    switch (line.kind) {
      case "plan":
        return stream.setPlan(line.callbacks, line.props);
      case "start":
        return this.onStart(stream, line.cb, line.running);
      case "job": // a job started, or (ended) it gave its outcome: its result line follows
        return line.ended ? this.jobs.ended(stream.seq, line.id) : this.jobs.add(stream.seq, line.cb, line.id, line.match);
      case "progress": // a background job's set_progress / set_props values, as they happen
        byComponent(line.outputs).forEach((props, idStr) => this.outputs(stream, idStr, props));
        this.absentSide(line.cb, line.side);
        return this.sideChanged(Object.keys(line.outputs));
      case "result":
        stream.finished(line.cb);
        this.stopRunning(stream, line.cb);
        return this.onResult(stream, line);
      case "skip":
        stream.finished(line.cb);
        this.stopRunning(stream, line.cb);
        return this.rerun.ran(line.cb);
      case "error":
        stream.finished(line.cb);
        this.stopRunning(stream, line.cb);
        this.rerun.ran(line.cb);
        return this.options.hooks.report(errorReport(line, this.graph.names));
      case "note":
        return; // debug only: for the dev tools' trace
      case "deferred":
        stream.finished(line.cb);
        return this.onDeferred(stream, line.cb, line.triggered);
      case "client":
        stream.finished(line.cb);
        this.rerun.ran(line.cb);
        return this.client?.handOver(line, this.behind(stream));
      case "cookies":
        return this.exchange(stream.seq, line.token);
      case "done":
        return this.end(stream);
      case "unknown": // a newer server's line: skip it, and say so once
        if (this.warned.has(line.name)) return;
        this.warned.add(line.name);
        return console.warn(`propwire: skipping unknown stream line '${line.name}'`);
    }
  }

  /** A callback with `running` props started: each takes its value while running, a side update (sideSet). */
  private onStart(stream: Stream, cb: number, own?: [string, unknown, unknown][]): void {
    // Pattern-matching running props come with the start line, as the instance's own keys.
    const props = own ?? this.graph.running[cb];
    if (props?.length) this.sideSet(stream.startRunning(cb, props));
  }

  /** The callback ended (or, with `all`, its stream did): once no instance runs, its `running` props are set back. */
  private stopRunning(stream: Stream, cb: number, all = false): void {
    this.sideSet(stream.stopRunning(cb, all));
  }

  private sideSet(values: [string, unknown][]): void {
    for (const [key, value] of values) this.store.setProp(...splitKey(key), value);
    this.sideChanged(values.map(([key]) => key));
  }

  private onResult(stream: Stream, result: ResultLine): void {
    const verdict = stream.expect.judge(result.reads, (key) => this.store.version(key));
    if (verdict === "apply") {
      for (const [idStr, props] of byComponent(result.outputs)) this.outputs(stream, idStr, props);
      const values = patched(result.patches, (key) => this.store.has(splitKey(key)[0]), (key) => this.store.value(key),
        (key, err) => this.report(`${callbackTitle(this.graph.names, result.cb)}: cannot apply its Patch to ${key}`, err, result.cb));
      for (const [idStr, props] of byComponent(values)) this.outputs(stream, idStr, props);
      this.absentSide(result.cb, result.side);
      this.rerun.settle(result.cb, stream.seq, result.reads.map((key) => [key, this.store.version(key)]));
      this.client?.serverWrote(Object.keys(result.outputs), this.behind(stream));
      return;
    }
    this.options.hooks.trace?.({ type: "drop", seq: stream.seq, t: now(), cb: result.cb, reason: verdict });
    for (const key in result.outputs) stream.expect.taint(key);
    for (const key in result.patches) stream.expect.taint(key);
    if (verdict === "stale" && !this.rerun.covered(result.cb, stream.seq, result.reads, (k) => this.store.version(k))) {
      this.rerun.add(result.cb, result.triggered, stream.seq);
      this.pump();
    }
  }

  private absentSide(cb: number, side?: string[]): void { // a result's or a job's set_props writes to absent ids
    for (const m of this.graph.suppress ? [] : absentSideIds(side, this.store)) this.report(`${callbackTitle(this.graph.names, cb)}: set_props names an id not in the page`, m, cb);
  }

  /** One component's values from a result, through persistence first (persist.ts: `written`). */
  private outputs(stream: Stream, idStr: string, props: Record<string, unknown>): void {
    const comp = this.store.entry(idStr)?.comp, persist = this.options.persist;
    const changes = comp && persist ? persist.written(comp, props) : props;
    for (const prop in changes) this.output(stream, propKey(idStr, prop), changes[prop]);
    // Values a change of `persistence` brought back: new to the server, so they trigger as a user's change does.
    const back = Object.keys(changes).filter((p) => !(p in props) && triggers(this.graph, propKey(idStr, p)));
    back.forEach((p) => this.batch.add(propKey(idStr, p)));
    if (back.length) this.queueFlush();
  }

  /** A value from the server: applied, and expected by the stream that wrote it. */
  private output(stream: Stream, key: string, value: unknown): void {
    const [idStr, prop] = splitKey(key);
    for (const touched of this.store.setProp(idStr, prop, value) ?? []) {
      stream.expect.expect(touched, this.store.version(touched));
    }
  }

  /** A deferred callback waits for its own stream and every older one still running to end. */
  private behind(stream: Stream): number[] {
    return [...this.streams.keys()].filter((seq) => seq <= stream.seq);
  }

  private onDeferred(stream: Stream, cb: number, triggered: string[]): void {
    // A side event's reader waits for an older stream that writes its Input and will run it itself (rerun.ts).
    const since = stream.side ? new Map(triggered.map((key) => [key, this.store.version(key)])) : undefined;
    if (this.rerun.add(cb, triggered, stream.seq, this.behind(stream), since)) return;
    this.report(`${callbackTitle(this.graph.names, cb)} was deferred too many times`, "The server kept deferring it; giving up.", cb);
  }

  private end(stream: Stream): void {
    if (this.streams.get(stream.seq) !== stream) return;
    this.streams.delete(stream.seq);
    this.pendingMoved();
    this.options.hooks.trace?.({ type: "end", seq: stream.seq, t: now() });
    // A callback that started but never reported (the stream broke off): its running props end too.
    for (const cb of [...stream.running.keys()]) this.stopRunning(stream, cb, true);
    this.rerun.ended(stream.seq);
    this.jobs.streamEnded(stream.seq);
    this.client?.ended(stream.seq);
    if (stream.seq === PAGE_SEQ) this.pageDone = true;
    this.pump();
    this.settle();
  }

  /** Send the re-run list's ready entries as one follow-up event. */
  private pump(): void {
    const streams = [...this.streams.values()];
    // Until every running stream has told its plan, we cannot know what it will still run.
    if (streams.some((s) => s.plan === null)) return;
    // A clientside call still running may write what a deferred callback reads: everything waits for it.
    if (this.client && this.client.running > 0) return;
    const follow = this.client?.take() ?? null;
    const ready = this.rerun.take((cb) => streams.some((s) => s.plan!.has(cb)));
    if (ready.length || follow) {
      this.send(follow?.changed ?? {}, ready.map(({ cb, triggered }) => ({ cb, triggered })), follow?.ran);
    }
  }

  /** A clientside call finished: what it wrote may go out, and the page may settle. */
  private clientMoved(): void {
    this.pump();
    this.settle();
  }

  private settle(): void {
    if (this.busy) return;
    this.options.hooks.busy(false);
    if (this.pageDone && !this.isReady) {
      this.isReady = true;
      this.options.hooks.ready();
    }
  }

  private report(title: string, message: string, cb?: number): void { // cb: the dev tools then say where it is
    this.options.hooks.report({ title, message, cb });
  }
}
