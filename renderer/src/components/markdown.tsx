// dcc.Markdown: markdown to HTML with raw HTML escaped unless dangerously_allow_html.
import { Marked } from "marked";
import { useLayoutEffect, useMemo, useRef } from "react";
import { safeUrl, toStyle } from "./attrs";
import { setSanitizedHtml } from "./sanitize";
import type { ComponentProps } from "./types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Strip the indentation common to every non-blank line. */
export function dedent(text: string): string {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return cut ? lines.map((l) => l.slice(cut)).join("\n") : text;
}

export interface MarkdownOptions {
  allowHtml: boolean;
  linkTarget?: string;
}

export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }) => (options.allowHtml ? text : escapeHtml(text)),
      link({ href, title, tokens }) {
        const url = safeUrl(href, "link", "Markdown link");
        const inner = this.parser.parseInline(tokens);
        if (url === undefined) return inner;
        const target = options.linkTarget ? ` target="${escapeHtml(options.linkTarget)}"` : "";
        const rel = options.linkTarget === "_blank" ? ' rel="noopener noreferrer"' : "";
        const tip = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(url)}"${tip}${target}${rel}>${inner}</a>`;
      },
    },
  });
  return marked.parse(source, { async: false }) as string;
}

function sourceOf(children: unknown): string {
  if (Array.isArray(children)) return children.map(sourceOf).join("\n");
  return children === null || children === undefined ? "" : String(children);
}

export default function Markdown({ props, id }: ComponentProps) {
  const source = sourceOf(props.children);
  const html = useMemo(
    () =>
      renderMarkdown(props.dedent === false ? source : dedent(source), {
        allowHtml: Boolean(props.dangerously_allow_html),
        linkTarget: props.link_target ?? undefined,
      }),
    [source, props.dedent, props.dangerously_allow_html, props.link_target],
  );
  // Both paths go through the sanitiser: without raw HTML it only ever meets marked's own markup.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (box.current) setSanitizedHtml(box.current, html);
  }, [html]);
  return <div id={id} ref={box} className={props.className} style={toStyle(props.style)} />;
}
