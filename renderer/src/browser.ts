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

export function locationProps(): Record<string, string> {
  const { pathname, search, hash, href } = window.location;
  return { pathname, search, hash, href };
}

/** The browser's value for one unknown key, or undefined when it has none. */
export function browserValue(store: Store, key: string): unknown {
  const [idStr, prop] = splitKey(key);
  const comp = store.entry(idStr)?.comp;
  if (!comp || comp.namespace !== "dcc") return undefined;
  if (comp.type === "Store" && prop === "data") return readStored(storageFor(comp.props.storage_type), idStr);
  if (comp.type === "Location") return locationProps()[prop];
  return undefined;
}

export function fillUnknown(store: Store, keys: readonly string[]): void {
  for (const key of keys) {
    const value = browserValue(store, key);
    if (value !== undefined) store.fill(key, value);
  }
}

/**
 * `Set-Cookie` values from a `cookies` stream line. A page can only set the cookies its scripts may see:
 * an HttpOnly one is left out, with a warning (set it from a callback that finishes before the headers).
 */
export function setCookies(cookies: readonly string[], jar: { cookie: string } = document): void {
  for (const cookie of cookies) {
    const [pair, ...attrs] = cookie.split(";");
    const name = pair.split("=")[0].trim();
    if (attrs.some((a) => a.trim().toLowerCase() === "httponly")) {
      console.warn(`propwire: cookie '${name}' is HttpOnly; a page cannot set it, so it was left out`);
      continue;
    }
    jar.cookie = cookie;
  }
}
