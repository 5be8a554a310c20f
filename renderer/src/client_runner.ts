// When the browser runs clientside callbacks, and what their outputs send on (docs/callbacks.md).
//
// - Local ones (no server callback writes their Inputs) run as soon as an Input changes in the page: before the
//   event of a user change is sent, so the event carries their outputs with the user's change (one request).
// - Every other clientside call comes from the server as a `client` line: it runs at once, and its outputs
//   (with what local callbacks make of them) go out in one follow-up event, together with the callbacks the
//   server deferred, once the streams that were running when it was handed over have ended. Until then the
//   follow-up holds back every re-run: a callback waiting for a clientside output never runs without it.
import { callClient, localCall, type ClientCall, type ClientSpec, type ClientTable } from "./clientside";
import { triggeredBy, type Graph } from "./events";
import { callbackTitle } from "./runtime_types";
import { idString, propKey, splitKey, type Id } from "./ids";
import type { Store } from "./store";

export interface ClientHost {
  readonly store: Store;
  readonly graph: Graph;
  report(title: string, message: string): void;
  /** A user-like change outside any clientside call (`set_props` from an event listener): an event of its own. */
  userChange(idStr: string, props: Record<string, unknown>): void;
  /** Something finished: the host may send the follow-up and settle. */
  moved(): void;
}

export interface FollowUp {
  changed: Record<string, unknown>;
  ran: number[];
}

export class ClientRunner {
  /** Calls whose function has not answered yet (a Promise). */
  running = 0;
  private keys = new Set<string>();
  private ran = new Set<number>();
  private waitFor = new Set<number>();
  /** While a function runs: where its `set_props` keys go. */
  private collecting: Set<string> | null = null;

  constructor(private host: ClientHost, private table: ClientTable) {}

  /** Something is still to run or to send. */
  get busy(): boolean {
    return this.running > 0 || this.keys.size > 0;
  }

  /** `dash_clientside.set_props`: inside a call its writes join the call's outputs; outside, a user change. */
  setProps(idStr: string, props: Record<string, unknown>): void {
    if (this.collecting === null) return this.host.userChange(idStr, props);
    for (const prop in props) {
      if (this.host.store.setProp(idStr, prop, props[prop])) this.collecting.add(propKey(idStr, prop));
    }
  }

  /** Whether a change of these keys makes a local callback run (then the event waits for them). */
  triggersLocal(keys: Iterable<string>): boolean {
    return triggeredBy(this.host.graph, keys).some((cb) => this.table.specs.get(cb)?.local);
  }

  /**
   * Run the local callbacks these keys trigger, in order, each once, with what they trigger in turn; the keys
   * they write are added to `keys` and the callbacks to `ran`.
   */
  async localRound(keys: Set<string>, ran: Set<number>): Promise<void> {
    const queued = new Map<number, string[]>();
    const mark = (changed: Iterable<string>) => {
      for (const key of changed) {
        for (const cb of triggeredBy(this.host.graph, [key])) {
          if (!this.table.specs.get(cb)?.local || ran.has(cb)) continue;
          const list = queued.get(cb) ?? [];
          if (!list.includes(key)) list.push(key);
          queued.set(cb, list);
        }
      }
    };
    mark(keys);
    for (const cb of this.table.order) {
      const triggered = queued.get(cb);
      if (!triggered) continue;
      ran.add(cb);
      const spec = this.table.specs.get(cb)!;
      const wrote = await this.run(spec, localCall(cb, spec, triggered));
      wrote.forEach((k) => keys.add(k));
      mark(wrote);
    }
  }

  /** A `client` line: run it now; its outputs follow once the streams `behind` have ended. */
  handOver(call: ClientCall, behind: Iterable<number>): void {
    const spec = this.table.specs.get(call.cb);
    if (!spec) return this.host.report(`${callbackTitle(this.host.graph.names, call.cb)} is not a clientside callback`,
      "The server handed it over.");
    for (const seq of behind) this.waitFor.add(seq);
    this.running++;
    void (async () => {
      try {
        const keys = new Set(await this.run(spec, call));
        const ran = new Set([call.cb]);
        await this.localRound(keys, ran);
        this.follow(keys, ran);
      } finally {
        this.running--;
        this.host.moved();
      }
    })();
  }

  /** A server result wrote these keys: local callbacks they trigger (a server set_props) run, and follow. */
  serverWrote(keys: string[], behind: Iterable<number>): void {
    if (!this.triggersLocal(keys)) return;
    for (const seq of behind) this.waitFor.add(seq);
    this.running++;
    void (async () => {
      try {
        const changed = new Set<string>();
        const ran = new Set<number>();
        const all = new Set(keys);
        await this.localRound(all, ran);
        for (const key of all) if (!keys.includes(key)) changed.add(key);
        this.follow(changed, ran);
      } finally {
        this.running--;
        this.host.moved();
      }
    })();
  }

  ended(seq: number): void {
    this.waitFor.delete(seq);
  }

  /** The follow-up to send now, or null (a call still running, a stream still to end, or nothing to send). */
  take(): FollowUp | null {
    if (this.running > 0 || this.waitFor.size > 0 || this.keys.size === 0) return null;
    const ran = [...this.ran];
    const changed = serverChanges(this.host.graph, this.host.store, this.keys, ran);
    this.keys.clear();
    this.ran.clear();
    return Object.keys(changed).length ? { changed, ran } : null;
  }

  private follow(keys: Set<string>, ran: Set<number>): void {
    keys.forEach((k) => this.keys.add(k));
    ran.forEach((cb) => this.ran.add(cb));
  }

  /** Call one function and write its outputs and set_props into the page; the keys written. */
  private async run(spec: ClientSpec, call: ClientCall): Promise<string[]> {
    const store = this.host.store;
    const absent = [...call.inputs, ...call.outputs].flat().some((key) => !store.has(splitKey(key)[0]));
    if (absent) return []; // as Dash: a call whose components are not all in the page is not made
    const collected = new Set<string>();
    const outer = this.collecting;
    this.collecting = collected;
    let outcome;
    try {
      outcome = await callClient(spec, call, (key) => store.value(key), (id: Id, props) =>
        this.setProps(idString(id), props));
    } finally {
      if (this.collecting === collected) this.collecting = outer;
    }
    if (outcome.kind === "error") this.host.report(`Clientside callback '${spec.name}' raised an error`, outcome.message);
    if (outcome.kind !== "outputs") return [...collected];
    const wrote = [...collected];
    for (const [key, value] of outcome.outputs) {
      const [idStr, prop] = splitKey(key);
      if (store.setProp(idStr, prop, value)) wrote.push(key);
    }
    return wrote;
  }
}

/**
 * The changed keys an event needs to carry: those that trigger a callback the server runs (not a local
 * clientside one, which ran here, nor one of `ran`), with their values from the page.
 */
export function serverChanges(graph: Graph, store: Store, keys: Iterable<string>, ran: Iterable<number>): Record<string, unknown> {
  const skip = new Set(ran);
  const changed: Record<string, unknown> = {};
  for (const key of keys) {
    const server = triggeredBy(graph, [key]).some((cb) => !skip.has(cb) && !graph.client?.specs.get(cb)?.local);
    if (server) changed[key] = store.value(key) ?? null;
  }
  return changed;
}
