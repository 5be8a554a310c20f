// dcc.Store: renders nothing; keeps `data` in memory, localStorage or sessionStorage, stamped with
// modified_timestamp whenever it really changes (as Dash's store: equal data written again is no change).
import { useEffect, useRef } from "react";
import { readStamp, readStored, stampKey, storageFor, writeStored } from "../browser";
import type { ComponentProps } from "./types";

/** Where the data lives: the browser's storage, or (memory) the component itself. */
interface Back {
  get(): unknown;
  set(data: unknown, stamp: number): void;
}

function backOf(storage: Storage | null, id: string, memory: { current: unknown }): Back {
  if (storage) return { get: () => readStored(storage, id), set: (data, stamp) => writeStored(storage, id, data, stamp) };
  return {
    get: () => memory.current,
    set: (data) => void (memory.current = data ?? undefined),
  };
}

export function Store({ props, setProps, id }: ComponentProps) {
  const storage = storageFor(props.storage_type);
  const memory = useRef<unknown>(undefined);
  const mounted = useRef(false);
  const back = id === undefined ? null : backOf(storage, id, memory);

  // At mount the stored data wins; none stored yet means the layout's data is the first to store. Stamps the
  // page could know at load (stored data, the layout's data) were filled in before the page stream applied.
  useEffect(() => {
    if (!back) return;
    const old = back.get();
    if (old === undefined) {
      if (isNil(props.data)) return;
      const stamp = typeof props.modified_timestamp === "number" ? props.modified_timestamp : Date.now();
      back.set(props.data, stamp);
      if (props.modified_timestamp !== stamp) setProps({ modified_timestamp: stamp });
    } else if (!equal(old, props.data)) {
      setProps({ data: old, modified_timestamp: readStamp(storage, id!) ?? Date.now() });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storage, id]);

  // A later change of data that differs from what is kept: kept, and stamped.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (!back || equal(back.get(), props.data)) return;
    const stamp = Date.now();
    back.set(props.data, stamp);
    setProps({ modified_timestamp: stamp });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.data]);

  useEffect(() => {
    if (!props.clear_data) return;
    if (storage && id !== undefined) {
      storage.removeItem(id);
      storage.removeItem(stampKey(id));
    }
    memory.current = undefined;
    setProps({ data: null, clear_data: false, modified_timestamp: Date.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.clear_data]);

  // Another tab wrote the same local key.
  useEffect(() => {
    if (props.storage_type !== "local" || id === undefined) return;
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea !== storage || e.key !== id) return;
      const data = e.newValue === null ? null : safeParse(e.newValue);
      setProps({ data, modified_timestamp: readStamp(storage, id) ?? Date.now() });
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [props.storage_type, id, storage, setProps]);

  return null;
}

const isNil = (v: unknown) => v === null || v === undefined;

/** Deep equality of JSON values, key order aside; null and undefined are the same "no data". */
export function equal(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in (b as object) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
