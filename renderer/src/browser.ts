// Values only the browser knows: stored data and the location. Filled in before the page stream applies.
import { splitKey } from "./ids";
import type { Store } from "./store";

export function storageFor(type: unknown): Storage | null {
  try {
    if (type === "local") return window.localStorage;
    if (type === "session") return window.sessionStorage;
  } catch {
    // storage disabled (privacy mode): behave like memory
  }
  return null;
}

/** The JSON stored under `idStr`, or undefined when there is none (or it is unreadable). */
export function readStored(storage: Storage | null, idStr: string): unknown {
  const raw = storage?.getItem(idStr);
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Where a store's modified_timestamp is kept, next to its data (the key Dash's stores use too). */
export const stampKey = (idStr: string) => `${idStr}-timestamp`;

/** The time stamp stored with `idStr`'s data, or undefined when there is none. */
export function readStamp(storage: Storage | null, idStr: string): number | undefined {
  const raw = storage?.getItem(stampKey(idStr));
  const n = raw === null || raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Write a store's data and its time stamp; null data removes both. */
export function writeStored(storage: Storage, idStr: string, data: unknown, stamp: number): void {
  if (data === null || data === undefined) {
    storage.removeItem(idStr);
    storage.removeItem(stampKey(idStr));
    return;
  }
  storage.setItem(idStr, JSON.stringify(data));
  storage.setItem(stampKey(idStr), String(stamp));
}

/**
 * A dcc.Store's value at load: stored data comes back with its stamp; data with nothing stored yet (the
 * layout's, written at mount) is stamped now, as the store's mount does in Dash. A local / session store
 * with neither (no `data` prop at all) mounts as Dash 4.4.1's does: modified_timestamp -1 (data None).
 */
function storeValue(props: Record<string, unknown>, idStr: string, prop: string): unknown {
  const storage = storageFor(props.storage_type);
  const stored = storage ? readStored(storage, idStr) : undefined;
  if (storage && stored === undefined && props.data === undefined) {
    return prop === "modified_timestamp" ? -1 : undefined; // data stays unset, read as None
  }
  if (prop === "data") return stored;
  if (prop !== "modified_timestamp") return undefined;
  if (stored !== undefined) return readStamp(storage, idStr) ?? Date.now();
  return props.data === null || props.data === undefined ? undefined : Date.now();
}

export function locationProps(): Record<string, string> {
  const { pathname, search, hash, href } = window.location;
  return { pathname, search, hash, href };
}

/** The browser's value for one unknown key, or undefined when it has none. */
export function browserValue(store: Store, key: string): unknown {
  const [idStr, prop] = splitKey(key);
  const comp = store.entry(idStr)?.comp;
  if (!comp || comp.namespace !== "dcc") return undefined;
  if (comp.type === "Store") return storeValue(comp.props, idStr, prop);
  if (comp.type === "Location") return locationProps()[prop];
  return undefined;
}

export function fillUnknown(store: Store, keys: readonly string[]): void {
  // data before anything else: a store's stamp depends on whether it has data
  const order = [...keys].sort((a, b) => Number(b.endsWith(".data")) - Number(a.endsWith(".data")));
  for (const key of order) {
    const value = browserValue(store, key);
    if (value !== undefined) store.fill(key, value);
  }
}
