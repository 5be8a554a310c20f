// dcc.Slider and dcc.RangeSlider on rc-slider (its handles carry role=slider and aria-valuenow).
import RcSlider from "rc-slider";
import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { useBoxes, wantsBoxes } from "./slider_inputs";
import { autoMarks, wantsAutoMarks } from "./slider_marks";
import { Tooltips, tooltipOf, useShown } from "./slider_tooltip";
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
  const send = (v: number | number[]) => setProps({ value: v, drag_value: v });
  // A value a number box set on blur leaves drag_value as typing left it (Dash 4.4.1's slider compares the new
  // value with the number it shows, which the box set already).
  const boxed = useRef<string | null>(null);
  const values = [value].flat() as number[];
  const boxes = useBoxes({ props, values, min, max, step: step ?? 1, send: (v, commit) => {
    const out = range ? v : v[0];
    if (commit && props.updatemode !== "drag") boxed.current = JSON.stringify(out);
    setProps(commit ? (props.updatemode === "drag" ? { value: out, drag_value: out } : { value: out })
      : { drag_value: out });
  } });
  // drag_value follows the handle while it moves and is the value once set (at mount, after a release, or
  // when a callback sets the value), as Dash 4.4.1's slider keeps it.
  useEffect(() => {
    boxes.clear();
    const fromBox = boxed.current === JSON.stringify(props.value);
    boxed.current = null;
    if (!fromBox && props.value != null && JSON.stringify(props.drag_value) !== JSON.stringify(props.value)) {
      setProps({ drag_value: props.value });
    }
  }, [JSON.stringify(props.value)]); // eslint-disable-line react-hooks/exhaustive-deps
  const moving = useHeld((v) => setProps({ drag_value: v }));
  const tip = tooltipOf(props.tooltip);
  const hovered = useShown();
  const vertical = Boolean(props.vertical);
  // No `marks` (not even null): Dash 4.4.1 draws its own, as many as fit the measured length of the slider.
  const size = useLength(vertical);
  const auto = wantsAutoMarks(props.marks, min, max) ? autoMarks(min, max, props.step, size.length) : null;
  const direct = wantsBoxes(props, step, values.length);
  return (
    <div
      id={id}
      className={props.className}
      {...hovered.handlers}
      style={{ position: "relative", padding: "8px 4px", ...(direct ? { display: "flex", gap: "8px", alignItems: "flex-start" } : {}),
        ...(vertical ? { height: props.verticalHeight ?? 400 } : {}), ...toStyle(props.style) }}
    >
      {direct && values.length === 2 && boxes.box(0)}
      <div ref={size.ref} style={{ position: "relative", flex: 1, minWidth: 0, height: vertical ? "100%" : undefined }}>
      <RcSlider
        range={range}
        min={min}
        max={max}
        step={step}
        marks={auto ? undefined : toMarks(props.marks)}
        value={dragging ?? (boxes.held ? (range ? boxes.held : boxes.held[0]) : value)}
        disabled={Boolean(props.disabled)}
        vertical={vertical}
        dots={Boolean(props.dots)}
        included={props.included ?? true}
        allowCross={props.allowCross ?? true}
        pushable={props.pushable}
        onChange={(v) => {
          boxes.clear();
          if (drag) send(v);
          else {
            setDragging(v);
            moving.hold(v);
          }
        }}
        onChangeComplete={(v) => {
          moving.drop();
          setDragging(null);
          if (JSON.stringify(v) !== JSON.stringify(value)) send(v);
        }}
      />
      {auto && <AutoMarks marks={auto} min={min} max={max} vertical={vertical} />}
      {tip && (tip.always_visible || hovered.shown) && (
        <Tooltips id={id} tip={tip} values={[dragging ?? value].flat()} min={min} max={max} vertical={vertical} />
      )}
      </div>
      {direct && boxes.box(values.length - 1)}
    </div>
  );
}

/** drag_value while a handle is held, sent at most every HELD_MS: a click on the rail (press and release at once)
 * then sends value and drag_value together in one change, as Dash 4.4.1's one callback call for it. */
const HELD_MS = 50;
function useHeld(send: (v: number | number[]) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<number | number[] | null>(null);
  const drop = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const hold = (v: number | number[]) => {
    latest.current = v;
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      if (latest.current !== null) send(latest.current);
    }, HELD_MS);
  };
  useEffect(() => drop, []);
  return { hold, drop };
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
      const dim = vertical ? box.height : box.width; // the rail's box (the number boxes and paddings are outside)
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
