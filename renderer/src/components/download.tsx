// dcc.Download: renders nothing; each time `data` is set (after mount) it saves that file in the browser, as
// Dash's Download does: a Blob of the content (base64-decoded when it says so) under the data's filename.
import { useEffect, useRef } from "react";
import { downloadOf } from "./files";
import type { ComponentProps } from "./types";

function save(bytes: Uint8Array | string, filename: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // the browser has started reading it long before
}

export function Download({ props }: ComponentProps) {
  const seen = useRef(props.data);
  useEffect(() => {
    if (props.data === seen.current) return; // the layout's own data, or a render with nothing new
    seen.current = props.data;
    const file = downloadOf(props.data, props);
    if (file) save(file.bytes, file.filename, file.type);
  }, [props.data]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
