// The marks Dash 4.4.1's Slider draws when it is given none: labels at "nice" multiples of the step, as many as
// fit the slider's width, plus min and max. The same rule is in propwire/testing/slider_marks.py (headless).

/** JavaScript's number-to-text, as Dash's String(mark). */
const text = (n: number) => String(n);

const decimals = (d: number) => (text(d).split(".").length > 1 ? text(d).split(".")[1].length : 0);

/** Snap a mark to the step's precision (Dash: for steps of 10 and more, to a multiple of the step). */
export function alignMark(v: number, d: number): number {
  if (decimals(d) < 1) {
    if (d < 10) return v;
    return parseInt((Math.trunc(v / d) * d).toFixed(decimals(d)), 10);
  }
  if (d < 10) return parseFloat(v.toFixed(decimals(d)));
  return parseFloat((parseFloat((v / d).toFixed(0)) * d).toFixed(decimals(d)));
}

const PREFIXES = ["y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"];

const exponentOf = (x: number) => {
  const e = Math.abs(x).toExponential();
  return Number(e.slice(e.indexOf("e") + 1));
};

/** A mark's label: plain below 10 000 and from 0.001 on, else with an SI prefix scaled to the range's mean
 * (d3's formatPrefix(",.0", mean), which Dash uses): 20000 -> "20k". */
export function markLabel(mark: number, min: number, max: number): string {
  const tens = Math.log10(Math.abs(mark));
  if (mark === 0 || (tens > -3 && tens < 4)) return text(mark);
  const mean = (Math.abs(max) + Math.abs(min)) / 2;
  const e = Math.max(-8, Math.min(8, Math.floor(exponentOf(mean) / 3))) * 3;
  const scaled = Math.pow(10, -e) * mark;
  const digits = Math.abs(scaled).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (scaled < 0 && Number(digits.replace(/,/g, "")) !== 0 ? "-" : "") + digits + PREFIXES[8 + e / 3];
}

/** [first mark after min, interval, step]: the interval a nice multiple (1, 2, 2.5, 5, 10 ×10^k) of the step
 * giving about as many marks as fit (10 px a character + 20 px), 3 to 50 of them; 330 px before measuring. */
function bestSteps(min: number, max: number, step: number, width: number | null): [number, number, number] {
  const chars = Math.max(markLabel(min, min, max).length, markLabel(max, min, max).length);
  const perMark = chars * 10 + 20;
  const target = Math.max(3, Math.min(Math.floor((width || 330) / perMark) + 1, 50));
  const raw = (max - min) / (target - 1) / step;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const normalized = raw / magnitude;
  const nice = normalized <= 1.5 ? 1 : normalized <= 2.25 ? 2 : normalized <= 3.5 ? 2.5 : normalized <= 5 ? 5 : 10;
  const steps = Math.round((step * Math.max(1, nice * magnitude)) / step);
  return [min + Math.max(1, steps) * step, steps * step, step];
}

/** The auto marks as [position, label] in the order Dash draws them: its marks live in a JavaScript object,
 * so integer positions come first in ascending order, then the others (negative, fractional) as added. */
export function autoMarks(min: number, max: number, step: number | null | undefined, width: number | null): [string, string][] {
  const [start, interval, chosen] = bestSteps(min, max, step ?? 1, width);
  const marks: number[] = [];
  let cursor = start;
  if ((max - cursor) / interval > 0) {
    while (cursor < max) {
      marks.push(alignMark(cursor, chosen));
      const before = cursor;
      cursor += interval;
      if (cursor <= before) break;
    }
    if (marks.length >= 2 && max - marks[marks.length - 2] <= interval * 1.5) marks.pop();
  }
  const out: Record<string, string> = {};
  for (const mark of marks) out[text(mark)] = markLabel(mark, min, max);
  out[text(min)] = markLabel(min, min, max);
  out[text(max)] = markLabel(max, min, max);
  return Object.entries(out);
}

/** Whether Dash draws auto marks: `marks` absent, empty, or with no mark inside min..max (null draws none). */
export function wantsAutoMarks(marks: unknown, min: number, max: number): boolean {
  if (marks === undefined) return true;
  if (marks === null || typeof marks !== "object") return false;
  return !Object.keys(marks).some((k) => Number(k) >= min && Number(k) <= max);
}
