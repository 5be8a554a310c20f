// The props store: the layout tree, an index id -> component with its ancestry,
// a version per prop key, and per-id subscriptions so one update re-renders one component.
import { propKey, splitKey } from "./ids";
import { componentId, mayHoldComponents, walk, type ComponentJson } from "./tree";

export interface Entry {
  comp: ComponentJson;
  /** Slots (`id.prop`) of the id'd components that contain this one, outermost first. */
  ancestry: readonly string[];
}

export class Store {
  readonly root: unknown;
  /** Last version handed out; versions are drawn from one clock so a stream can compare against its start. */
  clock = 0;
  private entries = new Map<string, Entry>();
  private versions = new Map<string, number>();
  private listeners = new Map<string, Set<() => void>>();

  constructor(layout: unknown) {
    this.root = layout;
    this.insert(layout, [], null);
  }

  entry(idStr: string): Entry | undefined {
    return this.entries.get(idStr);
  }

  has(idStr: string): boolean {
    return this.entries.has(idStr);
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The value of a prop key; undefined when unset or when its component is not in the page. */
  value(key: string): unknown {
    const [idStr, prop] = splitKey(key);
    return this.entries.get(idStr)?.comp.props[prop];
  }

  version(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  /**
   * Set one prop, re-index the components inside the new value (dropping those
   * inside the old one) and notify the component. Returns every key touched
   * (the prop and the props of inserted or removed components), or null when
   * the id is not in the page.
   */
  setProp(idStr: string, prop: string, value: unknown): string[] | null {
    const entry = this.entries.get(idStr);
    if (!entry) return null;
    const key = propKey(idStr, prop);
    const touched: string[] = [key];
    const old = entry.comp.props[prop];
    if (isSame(old, value)) return touched;
    if (mayHoldComponents(old)) this.remove(old, touched);
    entry.comp.props = { ...entry.comp.props, [prop]: value };
    this.bump(key);
    if (mayHoldComponents(value)) this.insert(value, [...entry.ancestry, key], touched);
    this.notify(idStr);
    return touched;
  }

  /** An initial value only the browser knows: part of the initial state, so no version bump. */
  fill(key: string, value: unknown): void {
    const [idStr, prop] = splitKey(key);
    const entry = this.entries.get(idStr);
    if (!entry) return;
    entry.comp.props = { ...entry.comp.props, [prop]: value };
    this.notify(idStr);
  }

  subscribe(idStr: string, listener: () => void): () => void {
    let set = this.listeners.get(idStr);
    if (!set) this.listeners.set(idStr, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && this.listeners.get(idStr) === set) this.listeners.delete(idStr);
    };
  }

  private notify(idStr: string): void {
    this.listeners.get(idStr)?.forEach((fn) => fn());
  }

  private bump(key: string): void {
    this.versions.set(key, ++this.clock);
  }

  /** Index the id'd components inside `value`; `ancestry` is that of its top-level components. */
  private insert(value: unknown, ancestry: readonly string[], touched: string[] | null): void {
    const chains = new Map<string, readonly string[]>();
    walk(value, null, (comp, slot) => {
      const idStr = componentId(comp);
      if (idStr === null) return;
      const parent = slot === null ? undefined : chains.get(splitKey(slot)[0]);
      const own = parent === undefined ? ancestry : [...parent, slot!];
      chains.set(idStr, own);
      this.entries.set(idStr, { comp, ancestry: own });
      if (touched) this.touchAll(idStr, comp, touched);
    });
  }

  private remove(value: unknown, touched: string[]): void {
    walk(value, null, (comp) => {
      const idStr = componentId(comp);
      // Only forget the entry if it is this very component (an id may have moved elsewhere).
      if (idStr === null || this.entries.get(idStr)?.comp !== comp) return;
      this.entries.delete(idStr);
      this.touchAll(idStr, comp, touched);
    });
  }

  private touchAll(idStr: string, comp: ComponentJson, touched: string[]): void {
    for (const prop in comp.props) {
      const key = propKey(idStr, prop);
      this.bump(key);
      touched.push(key);
    }
  }
}

/** Equal primitives are no change; objects from the wire are always new. */
function isSame(a: unknown, b: unknown): boolean {
  return a === b && (a === null || typeof a !== "object");
}
