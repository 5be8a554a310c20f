// dcc.Store: renders nothing; keeps `data` in memory, localStorage or sessionStorage.
import { useEffect, useRef } from "react";
import { readStored, storageFor } from "../browser";
import type { ComponentProps } from "./types";

export function Store({ props, setProps, id }: ComponentProps) {
  const storage = storageFor(props.storage_type);
  const mounted = useRef(false);

  // At mount the stored data wins; none stored yet means the layout's data is the first to store.
  useEffect(() => {
    if (!storage || id === undefined) return;
    const stored = readStored(storage, id);
    if (stored === undefined) write(storage, id, props.data);
    else if (JSON.stringify(stored) !== JSON.stringify(props.data ?? null)) setProps({ data: stored });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storage, id]);

  // Each later change of data is a write, stamped with modified_timestamp.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (storage && id !== undefined) write(storage, id, props.data);
    setProps({ modified_timestamp: Date.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.data]);

  useEffect(() => {
    if (!props.clear_data) return;
    if (storage && id !== undefined) storage.removeItem(id);
    setProps({ data: null, clear_data: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.clear_data]);

  // Another tab wrote the same local key.
  useEffect(() => {
    if (props.storage_type !== "local" || id === undefined) return;
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea === storage && e.key === id) setProps({ data: e.newValue === null ? null : safeParse(e.newValue) });
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [props.storage_type, id, storage, setProps]);

  return null;
}

function write(storage: Storage, id: string, data: unknown): void {
  if (data === null || data === undefined) storage.removeItem(id);
  else storage.setItem(id, JSON.stringify(data));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
