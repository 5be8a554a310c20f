// A slider's tooltips (Dash 4.4.1's `tooltip` prop: placement, always_visible, template, style, transform): one
// per handle, drawn after the slider's marks (where Dash's DOM has them, so the text reads marks then values),
// each at its handle's place along the rail. Shown always, or while the pointer is over the slider or a handle
// has the focus (Dash shows them on the thumb's hover and focus).
import { useState } from "react";
import type { CSSProperties } from "react";
import { toStyle } from "./attrs";

export type Tooltip = { placement?: string; always_visible?: boolean; template?: string; style?: unknown;
  transform?: string };

/** The tooltip prop when it is a dict (Dash's other forms configure nothing), else null. */
export function tooltipOf(raw: unknown): Tooltip | null {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Tooltip) : null;
}

/** The value a named function of window.dccFunctions makes of it (a dotted path, as Dash looks it up). */
function transformed(name: string, value: number): unknown {
  let fn: unknown = (window as unknown as { dccFunctions?: unknown }).dccFunctions;
  for (const part of name.split(".")) fn = fn == null ? undefined : (fn as Record<string, unknown>)[part];
  if (typeof fn !== "function") throw new Error(`Invalid func for slider tooltip transform: ${name}`);
  return (fn as (v: number) => unknown)(value);
}

/** The tooltip's text: its template (default "{value}") with the first "{value}" replaced, as Dash 4.4.1. */
export function tooltipText(tip: Tooltip, value: number): string {
  const shown = tip.transform ? transformed(tip.transform, value) : value;
  return (tip.template || "{value}").replace("{value}", String(shown));
}

/** Where the box sits around its handle `at` along the rail: above it unless placement says bottom, left or
 * right (Dash's placement words: "top", "bottomLeft", ...), beside it for a vertical slider. */
function placed(placement: string | undefined, vertical: boolean, at: string): CSSProperties {
  const where = (placement ?? "top").toLowerCase();
  const box: CSSProperties = { position: "absolute", whiteSpace: "nowrap", pointerEvents: "none", zIndex: 2 };
  if (vertical) {
    Object.assign(box, { bottom: at, transform: "translateY(50%)" });
    if (where.includes("left")) box.right = "calc(50% + 12px)";
    else box.left = "calc(50% + 12px)";
    return box;
  }
  Object.assign(box, { left: at, transform: "translateX(-50%)" });
  if (where.includes("bottom")) box.top = "calc(100% - 4px)";
  else box.bottom = "calc(100% - 4px)";
  return box;
}

/** Whether the pointer is over the slider or a handle inside it has the focus: the props for its wrapper. */
export function useShown() {
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const handlers = {
    onMouseEnter: () => setHover(true),
    onMouseLeave: () => setHover(false),
    onFocus: () => setFocus(true),
    onBlur: () => setFocus(false),
  };
  return { shown: hover || focus, handlers };
}

type Props = { id?: string; tip: Tooltip; values: number[]; min: number; max: number; vertical: boolean };

export function Tooltips({ id, tip, values, min, max, vertical }: Props) {
  const fraction = (v: number) => (max === min ? 0 : (v - min) / (max - min));
  return (
    <>
      {values.map((v, i) => (
        <div
          key={i}
          className={`pw-slider-tooltip${tip.always_visible ? " always-visible" : ""}`}
          style={placed(tip.placement, vertical, `calc(4px + (100% - 8px) * ${fraction(v)})`)}
        >
          <div id={id === undefined ? undefined : `${id}-tooltip-${i + 1}-content`} style={toStyle(tip.style)}>
            {tooltipText(tip, v)}
          </div>
        </div>
      ))}
    </>
  );
}
