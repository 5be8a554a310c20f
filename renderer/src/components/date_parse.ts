// Typed text into a day, as Dash 4.4.1's pickers read it (date_format.ts says how it reads formats): by the
// display_format with date-fns' rules, or as an ISO date when there is no display_format; then, failing that, by the
// browser's Date (so "May 18, 2024" or "6/21/2024" are read whatever the format). Days are {y, m, d}; a time in
// the text is dropped (the day it falls on here, for a time with a zone).
import { FormatError, MONTHS, WEEKDAYS, tokens } from "./date_format";
import type { Day } from "./date_format";

const daysIn = (y: number, m: number) => { const at = new Date(0); at.setUTCFullYear(y, m, 0); return at.getUTCDate(); };
const valid = (day: Day): Day | null =>
  day.m >= 1 && day.m <= 12 && day.d >= 1 && day.d <= daysIn(day.y, day.m) ? day : null;
const localDay = (at: Date): Day | null =>
  Number.isNaN(at.getTime()) ? null : { y: at.getFullYear(), m: at.getMonth() + 1, d: at.getDate() };

interface Fields { y?: number; twoDigit?: boolean; q?: number; m?: number; d?: number; stamp?: number }
type Read = { value: number; rest: string } | null;

function digits(text: string, pattern: RegExp): Read {
  const match = pattern.exec(text);
  return match ? { value: Number(match[0]), rest: text.slice(match[0].length) } : null;
}

const ORDINAL = /^(\d+)(th|st|nd|rd)?/i;
function ordinal(text: string): Read {
  const match = ORDINAL.exec(text);
  return match ? { value: Number(match[1]), rest: text.slice(match[0].length) } : null;
}

/** The first of `widths` (name lengths: 0 whole, else a prefix of that many letters) whose name starts `text`. */
function name(text: string, names: string[], widths: number[]): Read {
  for (const width of widths) {
    const i = names.findIndex((n) => text.toLowerCase().startsWith((width ? n.slice(0, width) : n).toLowerCase()));
    if (i >= 0) return { value: i + 1, rest: text.slice(width || names[i].length) };
  }
  return null;
}

const MONTH_WIDTHS: Record<number, number[]> = { 3: [3, 1], 4: [0, 3, 1], 5: [1] };
const DAY_WIDTHS: Record<number, number[]> = { 4: [0, 3, 2, 1], 5: [1], 6: [2, 1] };

function readToken(token: string, text: string, f: Fields): string | null {
  const n = token.length;
  const ord = n === 2 && token[1] === "o";
  const set = (key: keyof Fields, read: Read) => { if (read) (f as Record<string, number>)[key] = read.value; return read ? read.rest : null; };
  switch (token[0]) {
    case "y":
      f.twoDigit = token === "yy";
      return set("y", ord ? ordinal(text) : digits(text, new RegExp(`^\\d{1,${n === 1 ? 4 : n}}`)));
    case "M": case "L":
      if (ord) return set("m", ordinal(text));
      return set("m", n === 1 ? digits(text, /^(1[0-2]|0?\d)/) : n === 2 ? digits(text, /^\d{1,2}/) : name(text, MONTHS, MONTH_WIDTHS[n] ?? [0, 3, 1]));
    case "d":
      return set("d", ord ? ordinal(text) : digits(text, n === 1 ? /^(3[01]|[0-2]?\d)/ : /^\d{1,2}/));
    case "Q": case "q":
      if (ord || n === 4) return set("q", ordinal(text.replace(/^(\d)(th|st|nd|rd)? quarter/i, "$1")));
      return set("q", n === 3 ? digits(text.replace(/^q(?=[1-4])/i, ""), /^[1-4]/) : digits(text, n === 2 ? /^\d{1,2}/ : /^\d/));
    case "E": // read, but the day of the month wins over it (date-fns sets the day last)
      return name(text, WEEKDAYS, DAY_WIDTHS[n] ?? [3, 2, 1])?.rest ?? null;
    case "t": case "T": {
      const read = digits(text, /^-?\d+/);
      if (read) f.stamp = read.value * (token[0] === "t" ? 1000 : 1);
      return read ? read.rest : null;
    }
    case "H": case "h": case "m": case "s": return digits(text, /^\d{1,2}/)?.rest ?? null;
    case "a": return /^(a\.?m\.?|p\.?m\.?|a|p)/i.exec(text) ? text.replace(/^(a\.?m\.?|p\.?m\.?|a|p)/i, "") : null;
    case "x": return /^([+-]\d{2}(:?\d{2})?|Z)/.exec(text) ? text.replace(/^([+-]\d{2}(:?\d{2})?|Z)/, "") : null;
    default: {
      if (/[A-Za-z]/.test(token[0]) && n >= 1 && token[0] !== "'") throw new FormatError(`no date token: ${token[0]}`);
      const literal = token === "''" ? "'" : token[0] === "'" ? token.replace(/^'|'$/g, "").replace(/''/g, "'") : token;
      return text.startsWith(literal) ? text.slice(literal.length) : null;
    }
  }
}

function assemble(f: Fields): Day | null {
  if (f.stamp !== undefined) return localDay(new Date(f.stamp));
  const now = new Date();
  let y = now.getFullYear();
  let m = now.getMonth() + 1;
  let d = now.getDate();
  if (f.y !== undefined) {
    if (f.twoDigit) { // date-fns' pivot: the year within 50 years after this one, else the century before
      const end = now.getFullYear() + 50;
      y = f.y + Math.floor(end / 100) * 100 - (f.y >= end % 100 ? 100 : 0);
    } else if (f.y > 0) y = f.y;
    else return null;
    [m, d] = [1, 1];
  }
  if (f.q !== undefined) { if (f.q < 1 || f.q > 4) return null; [m, d] = [(f.q - 1) * 3 + 1, 1]; }
  if (f.m !== undefined) [m, d] = [f.m, 1];
  if (f.d !== undefined) d = f.d;
  return valid({ y, m, d });
}

/** The day `text` names in a Dash display_format (date-fns' rules), or null. */
export function inFormat(text: string, fmt: string): Day | null {
  const fields: Fields = {};
  let rest: string | null = text;
  try {
    for (const token of tokens(fmt)) {
      rest = readToken(token, rest, fields);
      if (rest === null) return null;
    }
  } catch (e) {
    if (e instanceof FormatError) return null;
    throw e;
  }
  return /\S/.test(rest) ? null : assemble(fields);
}

const ISO_DAY = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?|-?(\d{3}))?$/;
const ISO_TIME = /^\d{2}(?:[.,]\d+)?(?::?\d{2}(?:[.,]\d+)?(?::?\d{2}(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, YYYY-DDD), a time after T or a space, or null. */
export function isoText(text: string): Day | null {
  const [date, time, ...more] = text.split(/[T ]/);
  const match = ISO_DAY.exec(date);
  if (!match || more.length || (time !== undefined && !ISO_TIME.exec(time))) return null;
  const y = Number(match[1]);
  if (match[4]) {
    const at = new Date(0);
    at.setUTCFullYear(y, 0, Number(match[4]));
    return Number(match[4]) >= 1 && at.getUTCFullYear() === y ? { y, m: at.getUTCMonth() + 1, d: at.getUTCDate() } : null;
  }
  const day = valid({ y, m: Number(match[2] ?? 1), d: Number(match[3] ?? 1) });
  if (!day || time === undefined || !/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time)) return day;
  return localDay(new Date(text.replace(" ", "T")));
}

/** The day typed `text` names, read as Dash 4.4.1 reads a picker's field: by `fmt` (its display_format) when there
 * is one, else as ISO; failing that, by the browser's Date. Null when none reads it. */
export function parse(text: string, fmt?: string | null): Day | null {
  if (!text) return null;
  const day = typeof fmt === "string" && fmt ? inFormat(text, fmt) : isoText(text);
  return day ?? localDay(new Date(text));
}
