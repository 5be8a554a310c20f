// dcc.Upload: a drop zone (its children) that reads the files dropped on it, or picked in the file dialog a
// click opens, as data: URLs into `contents`, with `filename` and `last_modified` (Dash 4.4.1's props and rules).
// A file outside accept / min_size / max_size is left out, as in Dash, and the console says which and why.
import { useRef, useState } from "react";
import type { ChangeEvent, DragEvent } from "react";
import { renderValue } from "../render";
import { sortFiles, streamUrl, uploadProps, zoneClass, zoneStyle } from "./files";
import type { FileLike } from "./files";
import type { ComponentProps } from "./types";

/** stream=True: the file's body POSTed to the server, which stores it on disk; its handle comes back. */
async function streamed(url: string, file: File): Promise<string> {
  const res = await fetch(url, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok || typeof answer.handle !== "string") {
    throw new Error(`the server refused ${JSON.stringify(file.name)} (HTTP ${res.status}): ${answer.error ?? "no handle"}`);
  }
  return answer.handle;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** What is being dragged, as far as a drag lets the page see it: each item's kind and MIME type (no name or
 * size until the drop, so react-dropzone, and Dash, judge the drag by type alone). */
function dragged(e: DragEvent): FileLike[] {
  const items = Array.from(e.dataTransfer?.items ?? []);
  return items.filter((i) => i.kind === "file").map((i) => ({ name: "", type: i.type, size: 0, lastModified: 0 }));
}

/** A dropped entry's files: a file itself, or every file under a folder, named by its path from the drop
 * (`folder/sub/file.txt`, as Dash's Upload names them). */
async function entryFiles(entry: any, prefix: string): Promise<File[]> {
  if (entry.isFile) {
    const file: File = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [prefix ? new File([file], prefix + file.name, { type: file.type, lastModified: file.lastModified }) : file];
  }
  if (!entry.isDirectory) return [];
  const reader = entry.createReader();
  const found: File[] = [];
  for (;;) { // a folder is read in batches until one comes back empty
    const batch: any[] = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return found;
    for (const child of batch) found.push(...(await entryFiles(child, `${prefix}${entry.name}/`)));
  }
}

/** The files of a drop: with `multiple`, dropped folders are walked (Chromium's webkitGetAsEntry). */
async function droppedFiles(e: DragEvent, multiple: boolean): Promise<File[]> {
  const transfer = e.dataTransfer;
  const entries = multiple ? Array.from(transfer?.items ?? []).map((i) => (i.kind === "file" ? i.webkitGetAsEntry?.() : null)) : [];
  if (!entries.length || entries.some((x) => !x)) return Array.from(transfer?.files ?? []);
  const files: File[] = [];
  for (const entry of entries) files.push(...(await entryFiles(entry, "")));
  return files;
}

export function Upload({ props, setProps, id }: ComponentProps) {
  const input = useRef<HTMLInputElement>(null);
  const targets = useRef(new Set<EventTarget>());
  const [drag, setDrag] = useState<{ active: boolean; reject: boolean }>({ active: false, reject: false });
  const disabled = Boolean(props.disabled);
  const multiple = Boolean(props.multiple);

  const take = (files: File[]) => {
    const { taken, refused } = sortFiles(files, props);
    for (const [file, why] of refused) {
      console.warn(`propwire: dcc.Upload ${JSON.stringify(id ?? "")} left out ${JSON.stringify(file.name)}: ${why}`);
    }
    if (!taken.length) return;
    // All read (or stored, streamed), then set at once in the order given (Dash sets them as its readers finish).
    const read = props.stream ? (f: File) => streamed(streamUrl(), f) : readAsDataUrl;
    Promise.all(taken.map(read)).then(
      (urls) => setProps(uploadProps(taken, urls, multiple)),
      (err) => console.error(`propwire: dcc.Upload ${JSON.stringify(id ?? "")} could not ${props.stream ? "upload" : "read"} a file: ${err}`),
    );
  };

  const onDragEnter = (e: DragEvent) => {
    e.preventDefault();
    targets.current.add(e.target);
    const files = dragged(e);
    const typesOk = sortFiles(files, { accept: props.accept, multiple: true }).refused.length === 0;
    setDrag({ active: true, reject: files.length > 0 && (!typesOk || (!multiple && files.length > 1)) });
  };
  const onDragLeave = (e: DragEvent) => {
    e.preventDefault();
    targets.current.delete(e.target);
    if (targets.current.size === 0) setDrag({ active: false, reject: false });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    targets.current.clear();
    setDrag({ active: false, reject: false });
    droppedFiles(e, multiple).then(take, (err) => console.error(`propwire: dcc.Upload could not read a drop: ${err}`));
  };
  const onClick = () => {
    if (props.disable_click || !input.current) return;
    input.current.value = ""; // the same file picked again is a change again
    input.current.click();
  };
  const onChange = (e: ChangeEvent<HTMLInputElement>) => take(Array.from(e.target.files ?? []));
  const folders = multiple && props.enable_folder_selection ? { webkitdirectory: "true", directory: "true" } : {};

  return (
    <div id={id}>
      <div
        className={zoneClass(props, drag)}
        style={zoneStyle(props, drag)}
        onClick={disabled ? undefined : onClick}
        onDragEnter={disabled ? undefined : onDragEnter}
        onDragOver={disabled ? undefined : (e) => e.preventDefault()}
        onDragLeave={disabled ? undefined : onDragLeave}
        onDrop={disabled ? undefined : onDrop}
      >
        {renderValue(props.children)}
        <input
          ref={input}
          type="file"
          accept={props.accept}
          multiple={multiple}
          disabled={disabled}
          autoComplete="off"
          style={{ position: "absolute", top: 0, right: 0, bottom: 0, left: 0, opacity: 0.00001, pointerEvents: "none" }}
          onClick={(e) => e.stopPropagation()}
          onChange={onChange}
          {...folders}
        />
      </div>
    </div>
  );
}
