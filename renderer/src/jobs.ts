// Background callbacks' jobs the page follows (docs/background.md): their ids arrive on `job` lines, and go back
// in an event's `cancel` when a cancel Input of their callback changes or the callback runs again (a newer run
// replaces the old job: its process is stopped, not just its answer ignored).
import type { Graph } from "./events";

export class Jobs {
  /** Running jobs by stream, then by callback (oldest first). */
  private open = new Map<number, Map<number, string[]>>();
  /** Ids a cancel Input asked to stop, for the next event. */
  private due = new Set<string>();

  add(seq: number, cb: number, id: string): void {
    let byCb = this.open.get(seq);
    if (!byCb) this.open.set(seq, (byCb = new Map()));
    const ids = byCb.get(cb) ?? [];
    ids.push(id);
    byCb.set(cb, ids);
  }

  /** A callback of this stream reported (result, skip, error): its oldest job is over. */
  ended(seq: number, cb: number): void {
    this.open.get(seq)?.get(cb)?.shift();
  }

  streamEnded(seq: number): void {
    this.open.delete(seq);
  }

  /** A user change of `key`: the jobs of the callbacks it cancels are due to stop. Whether any are. */
  changed(graph: Graph, key: string): boolean {
    for (const cb of graph.cancelledBy.get(key) ?? []) for (const id of this.of(cb)) this.due.add(id);
    return this.due.size > 0;
  }

  get pending(): boolean {
    return this.due.size > 0;
  }

  /** The ids an event asking for these callbacks cancels: the due ones and the jobs it supersedes. */
  take(asked: Iterable<number>): string[] {
    const ids = new Set(this.due);
    this.due.clear();
    for (const cb of asked) for (const id of this.of(cb)) ids.add(id);
    return [...ids];
  }

  private of(cb: number): string[] {
    const ids: string[] = [];
    for (const byCb of this.open.values()) ids.push(...(byCb.get(cb) ?? []));
    return ids;
  }
}
