// The date pickers' arithmetic, kept free of React so node --test checks it: ISO days ('YYYY-MM-DD'), the
// display_format both ways (date_format.ts, date_parse.ts: Dash 4.4.1's rules), and which days a calendar lets
// the user pick. Days are plain {y, m, d} numbers: no time zone can shift them.

import type { Day } from "./date_format";

export type { Day } from "./date_format";

export { MONTHS, format, FormatError } from "./date_format";
export { parse } from "./date_parse";

export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function iso(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}

/** The day a date prop names (its first ten characters, a datetime's time dropped), or null. */
export function parseIso(value: unknown): Day | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) ? { y, m, d } : null;
}

/** Whether the calendar lets the user pick `day`: within min..max allowed and not one of the disabled days. */
export function allowed(day: Day, props: Record<string, unknown>): boolean {
  const text = iso(day);
  const min = parseIso(props.min_date_allowed);
  const max = parseIso(props.max_date_allowed);
  if ((min && text < iso(min)) || (max && text > iso(max))) return false;
  const off = Array.isArray(props.disabled_days) ? props.disabled_days : [];
  return !off.some((v) => { const d = parseIso(v); return d !== null && iso(d) === text; });
}

/** The weeks (rows of 7 days) of month (y, m), starting on `first` (0 = Sunday); days of the months around it
 * fill the first and last rows. */
export function weeks(y: number, m: number, first = 0): Day[][] {
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() - first + 7) % 7;
  const count = Math.ceil((lead + daysIn(y, m)) / 7) * 7;
  const rows: Day[][] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(y, m - 1, 1 - lead + i));
    if (i % 7 === 0) rows.push([]);
    rows[rows.length - 1].push({ y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() });
  }
  return rows;
}
