// Background callbacks' jobs the page follows (docs/background.md): their ids arrive on `job` lines, and go back
// in an event's `cancel` when a cancel Input of their callback changes or the callback runs again (a newer run
// replaces the old job: its process is stopped, not just its answer ignored). As Dash keys a job by the outputs
// it writes, a pattern-matching callback's newer run supersedes only the job of its own MATCH instance.
import type { Asked, Graph } from "./events";
import type { Binding } from "./patterns";

interface OpenJob {
  cb: number;
  id: string;
  /** The MATCH values of the instance it runs for; null for a callback without MATCH. */
  match: Binding | null;
}

export class Jobs {
  /** Running jobs by stream (oldest first). */
  private open = new Map<number, OpenJob[]>();
  /** Ids a cancel Input asked to stop, for the next event. */
  private due = new Set<string>();

  add(seq: number, cb: number, id: string, match: Binding | null = null): void {
    const jobs = this.open.get(seq) ?? [];
    jobs.push({ cb, id, match });
    this.open.set(seq, jobs);
  }

  /** A job of this stream gave its outcome (its `job` line with `ended`, just before its result line). */
  ended(seq: number, id: string): void {
    const jobs = this.open.get(seq);
    if (jobs) this.open.set(seq, jobs.filter((job) => job.id !== id));
  }

  streamEnded(seq: number): void {
    this.open.delete(seq);
  }

  /** A user change of `key`: the jobs of the callbacks it cancels are due to stop. Whether any are. */
  changed(graph: Graph, key: string): boolean {
    for (const cb of graph.cancelledBy.get(key) ?? []) for (const id of this.of(cb, null)) this.due.add(id);
    return this.due.size > 0;
  }

  get pending(): boolean {
    return this.due.size > 0;
  }

  /** The ids an event asking for these callbacks (and instances) cancels: the due ones and the jobs it supersedes. */
  take(asked: Asked): string[] {
    const ids = new Set(this.due);
    this.due.clear();
    for (const [cb, bindings] of asked) for (const id of this.of(cb, bindings)) ids.add(id);
    return [...ids];
  }

  /** The ids of cb's running jobs, narrowed to the instances `bindings` names (null: all of them). */
  private of(cb: number, bindings: Binding[] | null): string[] {
    const ids: string[] = [];
    for (const jobs of this.open.values()) {
      for (const job of jobs) if (job.cb === cb && covers(bindings, job.match)) ids.push(job.id);
    }
    return ids;
  }
}

/** Whether a run for `bindings` is a newer run of the instance a job bound to `match` runs for. */
function covers(bindings: Binding[] | null, match: Binding | null): boolean {
  if (bindings === null || match === null) return true;
  return bindings.some((binding) =>
    Object.keys(binding).every((key) => !(key in match) || JSON.stringify(binding[key]) === JSON.stringify(match[key])),
  );
}
