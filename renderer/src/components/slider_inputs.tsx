// Dash 4's number boxes beside a slider (allow_direct_input, on unless false): one for a Slider, a min and a max
// box for a two-handle RangeSlider. Typing a number on the slider's grid moves drag_value (value too in "drag"
// mode); leaving the box sets value to the typed number clamped to min..max (and the other handle) and snapped to
// the step, as Dash 4.4.1's slider does.
import { useState } from "react";
import type { Props } from "./types";

const NEAR = 1e-4;

/** May a typed number be sent while typing: inside min..max and on the step's grid (NaN passes, as in Dash). */
export function onGrid(t: number, min: number, max: number, step: number): boolean {
  if (t < min || t > max) return false;
  const off = Math.abs((t - min) % step);
  return !(off > NEAR && off < step - NEAR);
}

/** The number a box sets on leaving it: clamped to min..max, snapped to the step, with the step's decimals. */
export function snap(t: number, min: number, max: number, step: number): number {
  let r = Math.max(min, Math.min(max, t));
  r = min + Math.round((r - min) / step) * step;
  const text = step.toString();
  const decimals = text.includes(".") ? text.split(".")[1].length : 0;
  return Math.max(min, Math.min(max, Number(r.toFixed(decimals))));
}

/** What leaving box `which` (0: min, last: max) sets: the typed text, or the shown value when empty. */
export function leave(text: string, shown: number[], which: number, min: number, max: number, step: number): number[] {
  const last = which === shown.length - 1;
  const edge = last ? max : min;
  let t = text === "" ? (Number.isNaN(shown[which]) ? edge : shown[which]) : parseFloat(text);
  if (Number.isNaN(t)) t = edge;
  // against the other handle (a Slider's one box: against the number it shows, as Dash 4.4.1 does)
  t = last ? Math.max(shown[0] ?? min, t) : Math.min(shown[1] ?? max, t);
  const out = [...shown];
  out[which] = snap(t, min, max, step);
  return out;
}

export interface BoxesProps {
  props: Props;
  values: number[];
  min: number;
  max: number;
  step: number;
  /** The new positions, as the slider's own handles send them (`commit`: value, else drag_value). */
  send: (v: number[], commit: boolean) => void;
}

/** The boxes' shown numbers follow the slider until one is typed into; typing keeps its own text. */
export function useBoxes({ props, values, min, max, step, send }: BoxesProps) {
  const [typed, setTyped] = useState<number[] | null>(null);
  const shown = typed && typed.length === values.length ? typed : values;
  const drag = props.updatemode === "drag";
  const width = `calc(${Math.max(String(Math.floor(max)).length, String(Math.floor(min)).length) +
    Math.min((String(step).split(".")[1]?.length ?? -1) + 1, 3)}ch + 1.5em)`;
  const box = (which: number) => (
    <input
      key={which}
      type="number"
      className={`pw-slider-input pw-slider-input-${which === values.length - 1 ? "max" : "min"}`}
      style={{ width }}
      value={Number.isNaN(shown[which]) ? "" : shown[which]}
      min={which === 0 || values.length === 1 ? min : shown[0]}
      max={which === values.length - 1 ? max : shown[values.length - 1]}
      step={step}
      disabled={Boolean(props.disabled)}
      onChange={(e) => {
        const t = parseFloat(e.target.value);
        const next = [...shown];
        next[which] = t;
        setTyped(next);
        if (onGrid(t, min, max, step)) send(next, drag);
      }}
      onBlur={(e) => {
        const next = leave(e.target.value, shown, which, min, max, step);
        setTyped(next);
        if (!drag) send(next, true);
      }}
    />
  );
  // The handles show the boxes' numbers too (Dash keeps one list for both), while those are numbers.
  const held = typed && typed.length === values.length && typed.every(Number.isFinite) ? typed : null;
  return { box, held, clear: () => setTyped(null) };
}

/** Whether Dash 4.4.1 draws the boxes: allowed, a step, at most two handles, horizontal. */
export function wantsBoxes(props: Props, step: number | null, handles: number): boolean {
  return props.allow_direct_input !== false && step !== null && handles <= 2 && !props.vertical;
}
