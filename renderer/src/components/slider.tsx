// dcc.Slider and dcc.RangeSlider on rc-slider (its handles carry role=slider and aria-valuenow).
import RcSlider from "rc-slider";
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { autoMarks, wantsAutoMarks } from "./slider_marks";
import type { ComponentProps, Props } from "./types";

type Marks = Record<number, ReactNode | { label: ReactNode; style?: object }>;

/** JSON keys are strings: marks become number-keyed, labels rendered, bad keys dropped. */
export function toMarks(marks: unknown): Marks | undefined {
  if (marks === null || typeof marks !== "object") return undefined;
  const out: Marks = {};
  for (const [key, mark] of Object.entries(marks)) {
    const at = Number(key);
    if (!Number.isFinite(at)) continue;
    if (mark !== null && typeof mark === "object" && "label" in mark) {
      const m = mark as { label: unknown; style?: unknown };
      out[at] = { label: renderValue(m.label), style: toStyle(m.style) };
    } else out[at] = renderValue(mark);
  }
  return out;
}

/** min/max default to the marks' range, then 0..100 for min/max; step defaults to 1 (null snaps to marks). */
export function bounds(props: Props): { min: number; max: number; step: number | null } {
  const keys = Object.keys(props.marks ?? {}).map(Number).filter(Number.isFinite);
  const min = props.min ?? (keys.length ? Math.min(...keys) : 0);
  const max = props.max ?? (keys.length ? Math.max(...keys) : 100);
  const step = props.step === undefined ? 1 : props.step;
  return { min, max, step };
}

function useSlider(p: ComponentProps, range: boolean) {
  const { props, setProps, id } = p;
  const { min, max, step } = bounds(props);
  const fallback = range ? [min, max] : min;
  const value = props.value ?? fallback;
  // While dragging in mouseup mode, the handle moves locally; the value is sent on release.
  const [dragging, setDragging] = useState<number | number[] | null>(null);
  const drag = props.updatemode === "drag";
  const send = (v: number | number[]) => setProps({ value: v });
  const vertical = Boolean(props.vertical);
  // No `marks` (not even null): Dash 4.4.1 draws its own, as many as fit the measured length of the slider.
  const size = useLength(vertical);
  const auto = wantsAutoMarks(props.marks, min, max) ? autoMarks(min, max, props.step, size.length) : null;
  return (
    <div
      id={id}
      ref={size.ref}
      className={props.className}
      style={{ padding: "8px 4px", ...(vertical ? { height: props.verticalHeight ?? 400 } : {}), ...toStyle(props.style) }}
    >
      <RcSlider
        range={range}
        min={min}
        max={max}
        step={step}
        marks={auto ? undefined : toMarks(props.marks)}
        value={dragging ?? value}
        disabled={Boolean(props.disabled)}
        vertical={vertical}
        dots={Boolean(props.dots)}
        included={props.included ?? true}
        allowCross={props.allowCross ?? true}
        pushable={props.pushable}
        onChange={(v) => (drag ? send(v) : setDragging(v))}
        onChangeComplete={(v) => {
          setDragging(null);
          if (JSON.stringify(v) !== JSON.stringify(value)) send(v);
        }}
      />
      {auto && <AutoMarks marks={auto} min={min} max={max} vertical={vertical} />}
    </div>
  );
}

/** The slider's length in pixels (its height when vertical), kept up to date; null until measured. */
function useLength(vertical: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [length, setLength] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const dim = vertical ? box.height : box.width - 8; // the rail: the box less its 4 px side paddings
      if (dim > 0) setLength(dim);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return undefined;
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [vertical]);
  return { ref, length };
}

/** Auto marks drawn in Dash's order (rc-slider would sort them), each at its place along the rail. */
function AutoMarks({ marks, min, max, vertical }: { marks: [string, string][]; min: number; max: number; vertical: boolean }) {
  const at = (pos: string) => `${max === min ? 0 : ((Number(pos) - min) / (max - min)) * 100}%`;
  return (
    <div className="pw-slider-marks" style={{ position: "relative", height: vertical ? "100%" : "1.4em" }}>
      {marks.map(([pos, label]) => (
        <span
          key={pos}
          className="pw-slider-mark"
          style={vertical ? { position: "absolute", bottom: at(pos), left: "20px", transform: "translateY(50%)" }
            : { position: "absolute", left: at(pos), transform: "translateX(-50%)", whiteSpace: "nowrap" }}
        >
          {label}
        </span>
      ))}
    </div>
  );
}

export const Slider = (p: ComponentProps) => useSlider(p, false);
export const RangeSlider = (p: ComponentProps) => useSlider(p, true);
