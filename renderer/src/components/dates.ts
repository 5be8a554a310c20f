// The date pickers' arithmetic, kept free of React so node --test checks it: ISO days ('YYYY-MM-DD'), the
// display_format tokens (moment's YYYY YY MMMM MMM MM M DD D; any other character is itself) both ways, and
// which days a calendar lets the user pick. Days are plain {y, m, d} numbers: no time zone can shift them.

export interface Day { y: number; m: number; d: number } // m: 1..12

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

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

const TOKENS = /YYYY|YY|MMMM|MMM|MM|M|DD|D/g;

/** `day` written in `format` (default 'YYYY-MM-DD'). Example: format({y: 2024, m: 5, d: 7}, "MMM D, YYYY") is "May 7, 2024". */
export function format(day: Day, fmt = "YYYY-MM-DD"): string {
  return fmt.replace(TOKENS, (t) => {
    switch (t) {
      case "YYYY": return pad(day.y, 4);
      case "YY": return pad(day.y % 100, 2);
      case "MMMM": return MONTHS[day.m - 1];
      case "MMM": return MONTHS[day.m - 1].slice(0, 3);
      case "MM": return pad(day.m, 2);
      case "M": return String(day.m);
      case "DD": return pad(day.d, 2);
      default: return String(day.d);
    }
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERN: Record<string, string> = { YYYY: "(\\d{4})", YY: "(\\d{2})", MMMM: "([A-Za-z]+)", MMM: "([A-Za-z]{3})",
  MM: "(\\d{1,2})", M: "(\\d{1,2})", DD: "(\\d{1,2})", D: "(\\d{1,2})" };

/** The day typed `text` names in `fmt`, else as an ISO 'YYYY-MM-DD' (Dash 4.4.1 reads that too whatever its
 * display_format), or null when it names none (a YY year is 20YY). */
export function parse(text: string, fmt = "YYYY-MM-DD"): Day | null {
  const typed = text.trim();
  return inFormat(typed, fmt) ?? (/^\d{4}-\d{2}-\d{2}$/.test(typed) ? parseIso(typed) : null);
}

function inFormat(text: string, fmt: string): Day | null {
  const order: string[] = [];
  let source = "";
  let last = 0;
  for (const m of fmt.matchAll(TOKENS)) {
    source += escape(fmt.slice(last, m.index)) + PATTERN[m[0]];
    order.push(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  const match = new RegExp(`^${source}${escape(fmt.slice(last))}$`, "i").exec(text);
  if (!match) return null;
  const day: Day = { y: NaN, m: NaN, d: NaN };
  order.forEach((t, i) => {
    const part = match[i + 1];
    if (t === "YYYY") day.y = Number(part);
    else if (t === "YY") day.y = 2000 + Number(part);
    else if (t === "MMMM" || t === "MMM") {
      day.m = MONTHS.findIndex((name) => (t === "MMMM" ? name : name.slice(0, 3)).toLowerCase() === part.toLowerCase()) + 1;
    } else if (t[0] === "M") day.m = Number(part);
    else day.d = Number(part);
  });
  return parseIso(iso(day));
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
