// What one stream expects of the versions of the props its results read.

export type Verdict = "apply" | "stale" | "tainted";

export class Expectations {
  private own = new Map<string, number>();
  private tainted = new Set<string>();

  /** `start` is the store clock when the event was sent: any version above it is newer than the snapshot. */
  constructor(readonly start: number) {}

  /** Whether the page still holds the version of `key` that this stream's snapshot had. */
  matches(key: string, version: number): boolean {
    const own = this.own.get(key);
    return own === undefined ? version <= this.start : own === version;
  }

  /** Tainted reads win: their result was computed from a dropped one, and its re-run covers it. */
  judge(reads: readonly string[], versionOf: (key: string) => number): Verdict {
    let stale = false;
    for (const key of reads) {
      if (this.tainted.has(key)) return "tainted";
      if (!this.matches(key, versionOf(key))) stale = true;
    }
    return stale ? "stale" : "apply";
  }

  /** The stream wrote `key`: later results of the same stream were computed from this version. */
  expect(key: string, version: number): void {
    this.own.set(key, version);
    this.tainted.delete(key);
  }

  /** The stream's value for `key` was dropped: nothing computed from it may be applied. */
  taint(key: string): void {
    this.tainted.add(key);
  }
}
