// Turning layout props into safe DOM attributes.
import type { CSSProperties } from "react";

/** `javascript:` URLs would run code the app never meant to ship. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return url === null || url === undefined ? undefined : String(url);
  // Browsers ignore control characters and whitespace inside the scheme.
  const scheme = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  if (scheme.startsWith("javascript:") || scheme.startsWith("vbscript:")) {
    console.error(`propwire: blocked a ${scheme.split(":")[0]}: URL`);
    return undefined;
  }
  return url;
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

/** Props that are never DOM attributes: event handler strings and raw HTML. */
export function isUnsafeAttr(name: string): boolean {
  return /^on[A-Z]/.test(name) || name === "dangerouslySetInnerHTML";
}

const URL_ATTRS = new Set(["href", "src", "action", "formAction", "xlinkHref", "poster", "cite", "data"]);

/** Pass-through attributes, minus `skip`, with styles converted and URLs checked. */
export function domAttrs(props: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const name in props) {
    const value = props[name];
    if (value === undefined || skip.has(name) || isUnsafeAttr(name)) continue;
    if (name === "style") attrs.style = toStyle(value);
    else if (URL_ATTRS.has(name)) attrs[name] = safeUrl(value);
    else attrs[name] = value;
  }
  return attrs;
}
