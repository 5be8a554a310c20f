// dcc.Download: renders nothing; each time `data` is set (after mount) it saves that file in the browser, as
// Dash's Download does: a Blob of the content (base64-decoded when it says so) under the data's filename.
import { useEffect, useRef } from "react";
import { downloadOf } from "./files";
import type { ComponentProps } from "./types";

/**
 * The Download behind each blob URL still alive (its id and the Blob's type): a browser download says only its
 * URL and filename, and two Downloads may save files of the same name, so a test driver asks by the URL.
 */
export const savedDownloads = new Map<string, { id: string; type: string }>();

function save(bytes: Uint8Array | string, filename: string, type: string, id: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  savedDownloads.set(url, { id, type });
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => { // the browser has started reading it long before
    URL.revokeObjectURL(url);
    savedDownloads.delete(url);
  }, 60_000);
}

export function Download({ props, id }: ComponentProps) {
  const seen = useRef(props.data);
  useEffect(() => {
    if (props.data === seen.current) return; // the layout's own data, or a render with nothing new
    seen.current = props.data;
    const file = downloadOf(props.data, props);
    if (file) save(file.bytes, file.filename, file.type, id ?? "");
  }, [props.data]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
