// The pure parts of dcc.Upload and dcc.Download: which dropped files an Upload takes, what it sets, what a
// Download saves. Kept apart from the React components so node tests cover them.

let uploadUrl = "/_propwire/upload";

/** Where a dcc.Upload(stream=True) POSTs each file's body: the page config's `uploadUrl` (set as the page boots). */
export function setUploadUrl(url: string): void {
  uploadUrl = url;
}

export const streamUrl = (): string => uploadUrl;

/** What an Upload needs to know of a file (a browser File has all of these). */
export interface FileLike {
  name: string;
  type: string;
  size: number;
  lastModified: number;
}

/** An Upload's limits, from its props as Dash reads them (max_size -1: no limit). */
export interface Limits {
  accept?: string;
  min_size?: number;
  max_size?: number;
  multiple?: boolean;
}

/** Whether `file` is one of the kinds `accept` lists: ".csv" (the name's ending), "image/*" (a MIME family) or
 * "text/plain" (an exact MIME type), comma separated, case aside; no `accept` takes every file. */
export function accepts(file: FileLike, accept: string | undefined): boolean {
  if (!accept) return true;
  const name = file.name.toLowerCase();
  const type = (file.type || "").toLowerCase();
  return accept.split(",").some((raw) => {
    const item = raw.trim().toLowerCase();
    if (!item) return false;
    if (item.startsWith(".")) return name.endsWith(item);
    if (item.endsWith("/*")) return type.startsWith(item.slice(0, -1));
    return item === type;
  });
}

/** Why `file` is refused (for the console), or null when it may be read. */
export function refusal(file: FileLike, limits: Limits): string | null {
  const max = typeof limits.max_size === "number" && limits.max_size !== -1 ? limits.max_size : Infinity;
  const min = typeof limits.min_size === "number" ? limits.min_size : 0;
  if (!accepts(file, limits.accept)) return `its type ${JSON.stringify(file.type)} is not in accept=${JSON.stringify(limits.accept)}`;
  if (file.size > max) return `it is ${file.size} bytes, over max_size=${max}`;
  if (file.size < min) return `it is ${file.size} bytes, under min_size=${min}`;
  return null;
}

/** The files an Upload reads and those it leaves out (with why): outside `accept` or the sizes, and every file
 * after the first when not `multiple` (react-dropzone's rule, which Dash's Upload follows). */
export function sortFiles<F extends FileLike>(files: F[], limits: Limits): { taken: F[]; refused: [F, string][] } {
  const taken: F[] = [];
  const refused: [F, string][] = [];
  for (const file of files) {
    const why = refusal(file, limits);
    if (why) refused.push([file, why]);
    else taken.push(file);
  }
  if (!limits.multiple && taken.length > 1) {
    for (const extra of taken.splice(1)) refused.push([extra, "only one file may be dropped (multiple=False)"]);
  }
  return { taken, refused };
}

/** The props an Upload sets for files read as data: URLs: one of each, or lists of them with `multiple`;
 * last_modified in seconds since 1970, as Dash's. */
export function uploadProps(files: FileLike[], urls: string[], multiple: boolean): Record<string, unknown> {
  const names = files.map((f) => f.name);
  const stamps = files.map((f) => f.lastModified / 1000);
  if (multiple) return { contents: urls, filename: names, last_modified: stamps };
  return { contents: urls[0], filename: names[0], last_modified: stamps[0] };
}

/** The style an Upload's zone has: its style, then (unless a class name replaces them) the active, reject and
 * disabled styles over it while they apply, as Dash's. Dash's defaults when the app sets none. */
export function zoneStyle(props: Record<string, any>, state: { active: boolean; reject: boolean }): Record<string, unknown> {
  let style: Record<string, unknown> = { position: "relative", ...(props.style ?? {}) };
  const pick = (cls: string, own: string, fallback: Record<string, unknown>) =>
    props[cls] ? undefined : (props[own] ?? fallback);
  const active = pick("className_active", "style_active", { borderStyle: "solid", borderColor: "#6c6", backgroundColor: "#eee" });
  const reject = pick("className_reject", "style_reject", { borderStyle: "solid", borderColor: "#c66", backgroundColor: "#eee" });
  const disabled = pick("className_disabled", "style_disabled", { opacity: 0.5 });
  if (state.active && active) style = { ...style, ...active };
  if (state.reject && reject) style = { ...style, ...reject };
  if (props.disabled && disabled) style = { ...style, ...disabled };
  return style;
}

/** The zone's class names: className, plus className_active / _reject / _disabled while they apply. */
export function zoneClass(props: Record<string, any>, state: { active: boolean; reject: boolean }): string | undefined {
  const parts = [props.className];
  if (state.active) parts.push(props.className_active);
  if (state.reject) parts.push(props.className_reject);
  if (props.disabled) parts.push(props.className_disabled);
  const text = parts.filter((p) => typeof p === "string" && p).join(" ");
  return text || undefined;
}

/** What a Download saves for its `data`: the bytes (base64 decoded when it says so), the file name and the
 * Blob type; `data`'s own base64 / type win over the component's props (defaults false, "text/plain"). */
export function downloadOf(data: any, props: Record<string, any>): { bytes: Uint8Array | string; filename: string; type: string } | null {
  if (!data || typeof data !== "object" || typeof data.content !== "string") return null;
  const base64 = "base64" in data ? Boolean(data.base64) : Boolean(props.base64 ?? false);
  const type = "type" in data ? data.type : (props.type ?? "text/plain");
  const bytes = base64 ? decodeBase64(data.content) : data.content;
  return { bytes, filename: String(data.filename ?? "download"), type: typeof type === "string" ? type : "" };
}

function decodeBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
