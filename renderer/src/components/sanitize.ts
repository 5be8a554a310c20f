// Raw HTML from dcc.Markdown(dangerously_allow_html=True): markup stays, anything that could run script goes.
import { safeSrcSet, safeUrl, type UrlUse } from "./attrs";

/** Elements removed with their content: script, things that change the page's base, refresh or navigation,
 * plugin/frame containers, SVG animation (it can set an href to `javascript:` after the check), templates. */
const DROPPED = new Set([
  "script", "base", "meta", "link", "object", "embed", "applet", "frame", "frameset", "template",
  "animate", "set", "animatemotion", "animatetransform", "handler", "listener", "portal", "fencedframe",
]);

/** URL attributes by their DOM (lower-case, local) name. */
const URL_ATTRS: Record<string, UrlUse> = {
  href: "link", action: "link", formaction: "link", ping: "link",
  src: "media", poster: "media", background: "media", cite: "media", lowsrc: "media", dynsrc: "media",
  data: "frame", codebase: "frame",
};

const XHTML = "http://www.w3.org/1999/xhtml";

// SVG and MathML name URL attributes in ways HTML does not (values=, to=); script URLs go there too.
function cleanElement(el: Element): void {
  const tag = el.localName.toLowerCase();
  for (const attr of Array.from(el.attributes)) {
    const name = attr.localName.toLowerCase();
    const where = `Markdown <${tag} ${name}>`;
    let keep = true;
    if (name.startsWith("on") || name === "srcdoc" || name === "http-equiv" || name === "is") keep = false;
    else if (name === "srcset" || name === "imagesrcset") keep = safeSrcSet(attr.value, where) !== undefined;
    else if (name in URL_ATTRS) {
      const use = name === "src" && tag === "iframe" ? "frame" : URL_ATTRS[name];
      keep = safeUrl(attr.value, use, where) !== undefined;
    } else if (el.namespaceURI !== XHTML && /^\s*(javascript|vbscript)\s*:/i.test(attr.value)) keep = false;
    if (!keep) el.removeAttributeNode(attr);
  }
}

/** Sanitise a parsed (inert) document's body in place; returns it. */
export function sanitizeBody(body: HTMLElement): HTMLElement {
  for (const el of Array.from(body.querySelectorAll("*"))) {
    if (DROPPED.has(el.localName.toLowerCase())) el.remove();
    else cleanElement(el);
  }
  return body;
}

/**
 * Put `html` into `container` as sanitised nodes. The HTML is parsed in an inert document (no script runs, no
 * image loads there), cleaned, and its nodes moved in: never serialised and parsed again, which is where
 * mutation XSS hides.
 */
export function setSanitizedHtml(container: HTMLElement, html: string): void {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, "text/html");
  const body = sanitizeBody(doc.body);
  container.replaceChildren(...Array.from(body.childNodes).map((n) => document.importNode(n, true)));
}
