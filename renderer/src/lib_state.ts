// The Redux-shaped state Dash component libraries read through `useDashContext().useSelector`, built from
// propwire's own store and plan (no Redux): `layout` (the live layout tree), `paths` ({strs: id -> path}) and
// `loading` ({JSON of a component path: [{path, property, id}]} for each pending output, as Dash keys it).
import { valueAt, type LayoutPath } from "./children_props";
import { idString, splitKey, type Id } from "./ids";
import { pathsById } from "./layout_paths";

export interface LoadingEntry {
  path: LayoutPath;
  property: string;
  /** The id string (dict ids as sorted JSON), as Dash's `stringifyId` gives it. */
  id: string;
}

export interface LibState {
  layout: unknown;
  paths: { strs: Record<string, LayoutPath> };
  loading: Record<string, LoadingEntry[]>;
}

/** What the state is built from: the store's root and change feed, and the runtime's pending outputs. */
export interface Source {
  root: unknown;
  watch(fn: () => void): () => void;
  watchPending(fn: () => void): () => void;
  pendingOutputs(): string[];
}

/** One per page: a version that moves when the layout or the pending outputs change, and the state at it. */
export class LibStateHub {
  version = 0;
  private source: Source | null = null;
  private listeners = new Set<() => void>();
  private pending: string[] = [];
  private pendingStale = false;
  private state: LibState | null = null;
  private stateVersion = -1;
  private paths: Map<string, LayoutPath> | null = null;

  /** Plug in the page (index.tsx at boot); a hub with no page reads as an empty layout with nothing loading. */
  connect(source: Source): void {
    this.source = source;
    source.watch(() => this.bump(true));
    // With no library component listening (most pages), the pending outputs are worked out only when read.
    source.watchPending(() => {
      this.pendingStale = true;
      if (this.listeners.size > 0) this.refreshPending();
    });
    this.bump(true);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    this.refreshPending();
    return () => void this.listeners.delete(fn);
  };

  /** Re-read the pending outputs if they may have moved; a change moves the version and tells the listeners. */
  private refreshPending(): void {
    if (!this.pendingStale || !this.source) return;
    this.pendingStale = false;
    const now = this.source.pendingOutputs();
    if (now.length === this.pending.length && now.every((k, i) => k === this.pending[i])) return;
    this.pending = now;
    this.bump(false);
  }

  private bump(layoutMoved: boolean): void {
    this.version++;
    if (layoutMoved) this.paths = null;
    this.listeners.forEach((fn) => fn());
  }

  /** Paths of the id'd components, walked once per layout change and only when asked for. */
  pathOf(idStr: string): LayoutPath | undefined {
    this.paths ??= pathsById(this.source?.root ?? null);
    return this.paths.get(idStr);
  }

  getState = (): LibState => {
    this.refreshPending();
    if (this.state && this.stateVersion === this.version) return this.state;
    const hub = this;
    const loading: Record<string, LoadingEntry[]> = {};
    for (const key of this.pending) {
      const [idStr, property] = splitKey(key);
      const path = this.pathOf(idStr);
      if (!path) continue; // an output whose component is not in the page shows no spinner
      (loading[JSON.stringify(path)] ??= []).push({ path, property, id: idStr });
    }
    this.state = {
      layout: this.source?.root ?? null,
      // built on first read: most libraries only read `loading`
      get paths() {
        hub.paths ??= pathsById(hub.source?.root ?? null);
        return { strs: Object.fromEntries(hub.paths) };
      },
      loading,
    };
    this.stateVersion = this.version;
    return this.state;
  };

  /** Dash's `getLayout`: the layout value at a path, or the component with an id. */
  getLayout(pathOrId: LayoutPath | Id): unknown {
    const root = this.source?.root ?? null;
    if (Array.isArray(pathOrId)) return valueAt(root, pathOrId);
    if (pathOrId === null || pathOrId === undefined) return undefined;
    const path = this.pathOf(idString(pathOrId));
    return path ? valueAt(root, path) : undefined;
  }
}

export interface LoadingOptions {
  /** Appended to the component's own path. */
  extraPath?: LayoutPath;
  /** Used instead of the component's own path (a child's `props.componentPath`). */
  rawPath?: LayoutPath;
  /** Which of the pending entries count. */
  filterFunc?: (entry: LoadingEntry) => boolean;
}

/** Whether a component (at `path`, or where the options say) has a pending output, as Dash's DashContext says. */
export function loadingAt(state: LibState, path: LayoutPath, options?: LoadingOptions): boolean {
  const { extraPath, rawPath, filterFunc } = options ?? {};
  const at = extraPath ? path.concat(extraPath) : rawPath ?? path;
  const entries = state.loading[JSON.stringify(at)] ?? [];
  return (filterFunc ? entries.filter(filterFunc) : entries).length > 0;
}
