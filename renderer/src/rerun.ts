// The re-run list: callbacks to ask for again in a follow-up event.

export interface RerunEntry {
  cb: number;
  triggered: string[];
  /** The newest stream that listed it; a valid result from a newer stream settles it. */
  seq: number;
  /** Streams that must end first (a deferred callback waits on their pending props). */
  waitFor: Set<number>;
  /**
   * A deferred entry's triggers with the versions the page held when it was deferred (null for a re-run of a
   * stale result): an applied result of the callback that read each at that version or newer answered them.
   */
  since: Map<string, number> | null;
}

/** A callback deferred this many times in a row without a result is given up on (a server that never answers). */
export const MAX_DEFERRALS = 8;

export class RerunList {
  private entries = new Map<number, RerunEntry>();
  private deferrals = new Map<number, number>();
  /** Per callback, per prop it read: the version its newest applied result read, and that result's stream. */
  private applied = new Map<number, Map<string, { version: number; seq: number }>>();

  get size(): number {
    return this.entries.size;
  }

  has(cb: number): boolean {
    return this.entries.has(cb);
  }

  /**
   * Returns false when `cb` was deferred too often and is given up on. `since`, for a deferral: the versions of
   * its triggers now. A deferral an applied result already answered is not listed: a side update (docs/protocol.md)
   * onto an Input that an older stream's callback still writes is deferred by the server, and that stream then
   * runs the reader with the newer value itself; Dash, too, runs such a blocked reader once, after its writer.
   */
  add(cb: number, triggered: readonly string[], seq: number, deferredBehind?: Iterable<number>,
    since?: Map<string, number>): boolean {
    if (deferredBehind) {
      const n = (this.deferrals.get(cb) ?? 0) + 1;
      this.deferrals.set(cb, n);
      if (n > MAX_DEFERRALS) {
        this.deferrals.delete(cb);
        this.entries.delete(cb);
        return false;
      }
    }
    const waitFor = deferredBehind ?? [];
    const old = this.entries.get(cb);
    const versions = since ?? null;
    if (!old) {
      if (versions && this.answered(cb, versions)) return true;
      this.entries.set(cb, { cb, triggered: [...triggered], seq, waitFor: new Set(waitFor), since: versions });
      return true;
    }
    for (const key of triggered) if (!old.triggered.includes(key)) old.triggered.push(key);
    for (const s of waitFor) old.waitFor.add(s);
    old.seq = Math.max(old.seq, seq);
    old.since = old.since && versions ? mergeNewest(old.since, versions) : null;
    return true;
  }

  /** Whether `cb`'s newest applied results read every one of these props at the version given or a newer one. */
  private answered(cb: number, since: Map<string, number>): boolean {
    const seen = this.applied.get(cb);
    if (!seen || since.size === 0) return false;
    for (const [key, version] of since) if ((seen.get(key)?.version ?? -1) < version) return false;
    return true;
  }

  /**
   * A valid result of `cb` from stream `seq` settles an entry listed by an older stream. `reads` are the
   * versions of the props it read, as the page held them when it was applied.
   */
  settle(cb: number, seq: number, reads: Iterable<[string, number]> = []): void {
    let seen = this.applied.get(cb);
    if (!seen) this.applied.set(cb, (seen = new Map()));
    for (const [key, version] of reads) {
      const old = seen.get(key);
      if (!old || old.seq <= seq) seen.set(key, { version, seq });
    }
    this.deferrals.delete(cb);
    const entry = this.entries.get(cb);
    if (entry && (entry.seq < seq || (entry.since && this.answered(cb, entry.since)))) this.entries.delete(cb);
  }

  /**
   * Whether a stale result of `cb` from stream `seq` needs no re-run: a newer stream's applied result of `cb`
   * read every one of the same props at the version the page holds now, so a re-run would be called with the
   * very arguments that result was computed from (Dash calls a callback once per change, never twice).
   */
  covered(cb: number, seq: number, reads: readonly string[], versionOf: (key: string) => number): boolean {
    const seen = this.applied.get(cb);
    if (!seen || reads.length === 0) return false;
    return reads.every((key) => {
      const got = seen.get(key);
      return got !== undefined && got.seq > seq && got.version === versionOf(key);
    });
  }

  /** `cb` ran (skip or error): it is being answered, so its deferral count starts over. */
  ran(cb: number): void {
    this.deferrals.delete(cb);
  }

  /** A stream ended: nothing waits on it any more. */
  ended(seq: number): void {
    for (const entry of this.entries.values()) entry.waitFor.delete(seq);
  }

  /** Remove and return the entries ready to send: waiting on no stream and not `busy` (planned by a running stream). */
  take(busy: (cb: number) => boolean): RerunEntry[] {
    const ready: RerunEntry[] = [];
    for (const entry of this.entries.values()) {
      if (entry.waitFor.size > 0 || busy(entry.cb)) continue;
      this.entries.delete(entry.cb);
      ready.push(entry);
    }
    return ready.sort((a, b) => a.cb - b.cb);
  }
}

function mergeNewest(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const merged = new Map(a);
  for (const [key, version] of b) merged.set(key, Math.max(version, merged.get(key) ?? -1));
  return merged;
}
