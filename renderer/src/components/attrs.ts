// Turning layout props into safe DOM attributes.
import type { CSSProperties } from "react";

/**
 * What a URL-valued prop does with its URL: `link` navigates or submits (a href, form action, dcc.Location),
 * `frame` loads a document into the page (iframe/embed/object), `media` only fetches (img, video, link).
 */
export type UrlUse = "link" | "frame" | "media";

// Schemes that run script in the page's origin when navigated to; `data:` also makes a document of its own.
const SCRIPT_SCHEMES = new Set(["javascript:", "vbscript:"]);
const DOCUMENT_SCHEMES = new Set(["javascript:", "vbscript:", "data:"]);

/** The scheme a browser would see in `url`: its own URL parser first, then a cleaned-up text check. */
function schemesOf(url: string): string[] {
  const found: string[] = [];
  try {
    found.push(new URL(url, globalThis.location?.href ?? "http://localhost/").protocol);
  } catch {
    // not a URL the browser could load either; still look at the text below
  }
  // Browsers drop tabs/newlines and leading controls or spaces; `&colon;`-style entities matter when the URL came
  // through an HTML parser (Markdown). Look at the scheme as a browser might read it under any of these.
  const cleaned = url
    .replace(/&(tab|newline);/gi, "")
    .replace(/&#x?([0-9a-f]+);?/gi, (m, n: string) => String.fromCharCode(parseInt(n, /x/i.test(m) ? 16 : 10)))
    .replace(/&colon;/gi, ":")
    .replace(/[\u0000-\u0020\u007f-\u009f\u2000-\u200d\ufeff]/g, "")
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*:)/.exec(cleaned);
  if (scheme) found.push(scheme[1]);
  return found;
}

/**
 * `url` if it is safe for `use`, else undefined (and a console error naming the prop).
 * `javascript:` and `vbscript:` are never allowed; `data:` is allowed only where it is not a document
 * of its own (an image, or an <a download> link), since a data: frame would show content the app never sent.
 */
export function safeUrl(url: unknown, use: UrlUse = "link", where = "a URL prop"): string | undefined {
  if (url === null || url === undefined) return undefined;
  const text = typeof url === "string" ? url : String(url);
  const banned = use === "frame" ? DOCUMENT_SCHEMES : SCRIPT_SCHEMES;
  const bad = schemesOf(text).find((s) => banned.has(s));
  if (bad === undefined) return text;
  console.error(`propwire: blocked a ${bad} URL in ${where}`);
  return undefined;
}

/** A srcset ("url 1x, url 2x"): every candidate URL must be safe, or the whole attribute goes. */
export function safeSrcSet(value: unknown, where: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  const ok = text.split(",").every((c) => safeUrl(c.trim().split(/\s+/)[0] ?? "", "media", where) !== undefined);
  return ok ? text : undefined;
}

/** React wants camelCase style keys; accept CSS's kebab-case too. Custom properties stay as they are. */
export function toStyle(style: unknown): CSSProperties | undefined {
  if (style === null || typeof style !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) {
    const name = key.startsWith("--") ? key : key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = value;
  }
  return out as CSSProperties;
}

/**
 * Props that are never DOM attributes: event handler strings in any spelling, raw HTML, and `http-equiv`
 * (a <meta http-equiv="refresh"> inserted into the page navigates it; a late CSP <meta> breaks it).
 */
export function isUnsafeAttr(name: string): boolean {
  return /^on/i.test(name) || name === "dangerouslySetInnerHTML" || /^http-?equiv$/i.test(name);
}

/** Every URL-valued attribute the renderer may set, and what the browser does with it. */
const URL_ATTRS: Record<string, UrlUse> = {
  href: "link",
  action: "link",
  formAction: "link",
  xlinkHref: "link",
  cite: "media",
  ping: "link",
  src: "media",
  poster: "media",
  data: "frame",
  codebase: "frame",
  background: "media",
};

/** Elements whose `src` is a document of its own rather than a resource. */
const FRAME_TAGS = new Set(["iframe", "embed", "frame", "object"]);

function urlUse(tag: string, name: string): UrlUse | undefined {
  const use = URL_ATTRS[name];
  return name === "src" && FRAME_TAGS.has(tag) ? "frame" : use;
}

/**
 * An iframe's srcDoc is HTML the app wrote into the page: it may keep scripts (folium maps need them), but
 * always in an opaque origin, so that it can never reach this page, its cookies or its callbacks.
 */
function sandboxFor(srcDoc: unknown, sandbox: unknown): string | undefined {
  const own = typeof sandbox === "string" ? sandbox : srcDoc === undefined ? undefined : "allow-scripts";
  if (own === undefined) return undefined;
  if (srcDoc === undefined) return own;
  return own.split(/\s+/).filter((t) => t && t.toLowerCase() !== "allow-same-origin").join(" ");
}

/** Pass-through attributes, minus `skip`, with styles converted and URLs checked. */
export function domAttrs(
  props: Record<string, unknown>,
  skip: ReadonlySet<string>,
  tag = "",
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const name in props) {
    const value = props[name];
    if (value === undefined || skip.has(name) || isUnsafeAttr(name)) continue;
    const use = urlUse(tag, name);
    if (name === "style") attrs.style = toStyle(value);
    else if (use !== undefined) attrs[name] = safeUrl(value, use, `<${tag || "element"} ${name}>`);
    else if (name === "srcSet") attrs.srcSet = safeSrcSet(value, `<${tag || "element"} srcSet>`);
    else if (name === "sandbox" || name === "srcDoc") continue;
    else attrs[name] = value;
  }
  if (tag === "iframe" && props.srcDoc !== undefined && props.srcDoc !== null) attrs.srcDoc = String(props.srcDoc);
  const sandbox = sandboxFor(attrs.srcDoc, props.sandbox ?? undefined);
  if (sandbox !== undefined) attrs.sandbox = sandbox;
  return attrs;
}
