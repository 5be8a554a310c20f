// html.*: the lower-cased element, props passed through, clicks counted in n_clicks.
import { createElement } from "react";
import { renderValue } from "../render";
import { domAttrs } from "./attrs";
import { HTML_TAGS } from "./tags";
import type { ComponentProps } from "./types";
import { Unknown } from "./unknown";

const NOT_ATTRS = new Set([
  "children",
  "id",
  "n_clicks",
  "n_clicks_timestamp",
  "disable_n_clicks",
  "setProps",
  "loading_state",
  "key",
]);

/** Names that differ from the element: html.ObjectEl is <object>, html.MapEl is <map>. */
const RENAMED: Record<string, string> = { ObjectEl: "object", MapEl: "map" };

export function tagOf(type: string): string {
  return RENAMED[type] ?? type.toLowerCase();
}

export function Html(p: ComponentProps) {
  const { props, setProps, id } = p;
  const tag = tagOf(p.type);
  if (!HTML_TAGS.has(tag)) return <Unknown {...p} />;
  // The attribute order of Dash's elements, for tests that compare innerHTML with Dash's: id first (its props
  // are in the component's declared order, id before the rest) and style last (React writes a style change
  // after the other attributes, and Dash's outputs arrive as changes after the first render).
  const { style, ...rest } = domAttrs(props, NOT_ATTRS, tag);
  const attrs: Record<string, unknown> = id === undefined ? rest : { id, ...rest };
  if (style !== undefined) attrs.style = style;
  if (id !== undefined) {
    if (!props.disable_n_clicks) {
      attrs.onClick = () => setProps({ n_clicks: (Number(props.n_clicks) || 0) + 1, n_clicks_timestamp: Date.now() });
    }
  }
  // A dcc.ConfirmDialogProvider around it takes the click over (Dash clones its child with its own onClick;
  // a key of propwire's own, so a library's cloneElement onClick on an html child changes nothing here).
  if (typeof p.extras?.pwTakeClick === "function") attrs.onClick = p.extras.pwTakeClick;
  const children = props.children;
  // Void elements (br, img, input) must not get a children argument at all.
  return children === undefined || children === null
    ? createElement(tag, attrs)
    : createElement(tag, attrs, renderValue(children));
}
