// The props store: the layout tree, an index id -> component with its ancestry,
// a version per prop key, and per-id subscriptions so one update re-renders one component.
import { propKey, splitKey } from "./ids";
import { fits, instanceOf, keysetOf, type Binding, type DictId, type Pattern } from "./patterns";
import { comparePositions, componentId, mayHoldComponents, walk, type ComponentJson } from "./tree";

export interface Entry {
  comp: ComponentJson;
  /** Slots (`id.prop`) of the id'd components that contain this one, outermost first. */
  ancestry: readonly string[];
  /** Where it is in the layout: list indices and prop positions from the root (for document order). */
  pos: readonly number[];
  /** A dict id (pattern-matching), as it is in the layout. */
  dictId?: DictId;
}

/** The dict-id components with one key set: those a pattern may name. */
interface Group {
  entries: Map<string, Entry>;
  /** Their ids in document order; null until asked for after a change. */
  order: string[] | null;
}

export class Store {
  readonly root: unknown;
  /** Last version handed out; versions are drawn from one clock so a stream can compare against its start. */
  clock = 0;
  private entries = new Map<string, Entry>();
  private versions = new Map<string, number>();
  private listeners = new Map<string, Set<() => void>>();
  private groups = new Map<string, Group>();

  constructor(layout: unknown) {
    this.root = layout;
    this.insert(layout, [], [], null);
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

  /** The present dict ids a pattern names (narrowed to a binding's MATCH values), in document order. */
  matching(pattern: Pattern, binding?: Binding | null): string[] {
    const group = this.groups.get(pattern.keyset);
    if (!group) return [];
    // A binding for every wildcard names one id: look it up instead of scanning the group.
    const one = binding ? instanceOf(pattern, binding) : null;
    if (one !== null) return group.entries.has(one) ? [one] : [];
    if (group.order === null) group.order = inOrder(group.entries);
    return group.order.filter((idStr) => fits(pattern, group.entries.get(idStr)!.dictId!, binding));
  }

  /** Present ids in document order (absent ones last). */
  sortIds(ids: string[]): string[] {
    const far = [Infinity];
    return ids.sort((a, b) => comparePositions(this.entries.get(a)?.pos ?? far, this.entries.get(b)?.pos ?? far));
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
    const props = (entry.comp.props = { ...entry.comp.props, [prop]: value });
    this.bump(key);
    if (mayHoldComponents(value)) {
      const at = Object.keys(props).indexOf(prop);
      this.insert(value, [...entry.ancestry, key], [...entry.pos, at], touched);
    }
    this.notify(idStr);
    return touched;
  }

  /** An initial value only the browser knows, or a component's own quiet change (Runtime.keep): no version bump. */
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

  /** Ids whose listeners wait for `release()`; null when notifications go out at once. */
  private held: Set<string> | null = null;

  /** Hold notifications back (until `release()`): a user's change is sent before React re-renders for it. */
  hold(): void {
    this.held ??= new Set();
  }

  release(): void {
    const held = this.held;
    this.held = null;
    held?.forEach((idStr) => this.notify(idStr));
  }

  private notify(idStr: string): void {
    if (this.held) return void this.held.add(idStr);
    this.listeners.get(idStr)?.forEach((fn) => fn());
    this.watchers.forEach((fn) => fn());
  }

  /** Listeners of every change (the Dash component API's `useSelector` over the whole layout). */
  private watchers = new Set<() => void>();

  /** Call `fn` after any component's props change; returns the unsubscribe. */
  watch(fn: () => void): () => void {
    this.watchers.add(fn);
    return () => void this.watchers.delete(fn);
  }

  private bump(key: string): void {
    this.versions.set(key, ++this.clock);
  }

  /** Index the id'd components inside `value`; `ancestry` and `pos` are those of `value` itself. */
  private insert(value: unknown, ancestry: readonly string[], pos: number[], touched: string[] | null): void {
    const chains = new Map<string, readonly string[]>();
    walk(
      value,
      null,
      (comp, slot, path) => {
        const idStr = componentId(comp);
        if (idStr === null) return;
        const parent = slot === null ? undefined : chains.get(splitKey(slot)[0]);
        const own = parent === undefined ? ancestry : [...parent, slot!];
        chains.set(idStr, own);
        const entry: Entry = { comp, ancestry: own, pos: path.slice() };
        const id = comp.props.id;
        if (typeof id === "object" && !Array.isArray(id)) {
          entry.dictId = id as DictId;
          this.group(entry.dictId).entries.set(idStr, entry);
        }
        const replaced = this.entries.get(idStr);
        if (replaced?.dictId && !entry.dictId) this.unindex(idStr, replaced);
        this.entries.set(idStr, entry);
        if (touched) this.touchAll(idStr, comp, touched);
      },
      pos,
    );
  }

  private group(id: DictId): Group {
    const keyset = keysetOf(id);
    let group = this.groups.get(keyset);
    if (!group) this.groups.set(keyset, (group = { entries: new Map(), order: null }));
    group.order = null;
    return group;
  }

  private unindex(idStr: string, entry: Entry): void {
    const group = this.groups.get(keysetOf(entry.dictId!));
    if (!group || group.entries.get(idStr) !== entry) return;
    group.entries.delete(idStr);
    group.order = null;
  }

  private remove(value: unknown, touched: string[]): void {
    walk(value, null, (comp) => {
      const idStr = componentId(comp);
      if (idStr === null) return;
      // Only forget the entry if it is this very component (an id may have moved elsewhere).
      const entry = this.entries.get(idStr);
      if (entry?.comp !== comp) return;
      this.entries.delete(idStr);
      if (entry.dictId) this.unindex(idStr, entry);
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

function inOrder(entries: Map<string, Entry>): string[] {
  return [...entries.keys()].sort((a, b) => comparePositions(entries.get(a)!.pos, entries.get(b)!.pos));
}

/** Equal primitives are no change; objects from the wire are always new. */
function isSame(a: unknown, b: unknown): boolean {
  return a === b && (a === null || typeof a !== "object");
}
