// dcc.Tooltip: a box at `bbox` (page pixels, as a Graph's hoverData gives it) with an arrow on its `direction`
// side; hidden unless `show` and a bbox. Its id is on the content span, as in Dash 4.4.1.
import type { CSSProperties } from "react";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { useOwnLoading } from "./dash_api";
import type { ComponentProps } from "./types";

interface Box {
  x0?: number;
  y0?: number;
  x1?: number;
  y1?: number;
}

export function Tooltip({ props, id, path }: ComponentProps) {
  const loading = useOwnLoading(path ?? []) !== null; // a callback is writing one of its props
  const bbox = (props.bbox ?? null) as Box | null;
  const show = (props.show ?? true) && bbox !== null;
  const at: Box = bbox ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
  const targetable = Boolean(props.targetable);
  const style = {
    top: `${at.y0}px`,
    left: `${at.x0}px`,
    width: `${Number(at.x1) - Number(at.x0)}px`,
    height: `${Number(at.y1) - Number(at.y0)}px`,
    display: show ? "inline-block" : "none",
    pointerEvents: targetable ? "auto" : "none",
    "--Dash-Tooltip-Border-Color": props.border_color ?? "var(--Dash-Stroke-Weak, #d6d6d6)",
    "--Dash-Tooltip-Background-Color": props.background_color ?? "var(--Dash-Fill-Inverse-Strong, #fff)",
    "--Dash-Tooltip-ZIndex": props.zindex ?? 1,
  } as CSSProperties;
  return (
    <div className="dcc-tooltip-bounding-box dash-tooltip" style={style}>
      <div className={`hover hover-${props.direction ?? "right"}`} data-dash-is-loading={loading || undefined}>
        <span id={id} className={`hover-content ${props.className ?? ""}`} style={toStyle(props.style)}>
          {loading ? <span>{props.loading_text ?? "Loading..."}</span> : renderValue(props.children)}
        </span>
      </div>
    </div>
  );
}
