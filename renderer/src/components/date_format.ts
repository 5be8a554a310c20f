// display_format / month_format as Dash 4.4.1 reads them. Dash documents moment.js tokens but draws with date-fns:
// it first rewrites the moment tokens (dd -> EEEEEE, Do -> do, YYYY -> yyyy, YY -> yy, Y -> y, DD -> dd, D -> d,
// X -> t, in that order) and date-fns then writes or reads the result (en-US). So 'ddd' shows "Tu7" (a short
// weekday, then the day), 'dddd' the full weekday, 'x' the time zone offset ("+00"), 'Q' the quarter, 'X' Unix
// seconds; text in single quotes is literal, and any other unquoted latin letter is an error, as on Dash (where the
// picker then fails to draw). Reading follows date-fns' parse: numbers take as many digits as their token allows
// ('YYYY' reads "25" as the year 25), names match case-insensitively, a weekday is read but the day wins, and the
// rest of the text must be blank; what it cannot read, the browser's Date reads (Dash falls back to it too).
/** A day: plain numbers, so no time zone can shift it (m: 1..12). */
export interface Day { y: number; m: number; d: number }

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The error of a format with a letter that is no token (Dash's picker throws the same way). */
export class FormatError extends Error {}

const REWRITES: [RegExp, string][] = [[/dd/g, "EEEEEE"], [/Do/g, "do"], [/YYYY/g, "yyyy"], [/YY/g, "yy"],
  [/Y/g, "y"], [/DD/g, "dd"], [/D/g, "d"], [/X/g, "t"]];

/** A moment-style format in date-fns tokens, rewritten as Dash 4.4.1 rewrites it. */
export function dashTokens(fmt: string): string {
  return REWRITES.reduce((out, [from, to]) => out.replace(from, to), fmt);
}

// date-fns' token grammar: an ordinal (a letter then 'o'), a run of one letter, '' (a quote), a quoted text, any char.
const TOKEN = /[yYQqMLwIdDecihHKkms]o|([A-Za-z])\1*|''|'(?:''|[^'])+(?:'|$)|[\s\S]/g;

export function tokens(fmt: string): string[] {
  return dashTokens(fmt).match(TOKEN) ?? [];
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens > 20 || tens < 10) {
    if (tens % 10 === 1) return `${n}st`;
    if (tens % 10 === 2) return `${n}nd`;
    if (tens % 10 === 3) return `${n}rd`;
  }
  return `${n}th`;
}

const localMidnight = (day: Day) => { const at = new Date(0); at.setFullYear(day.y, day.m - 1, day.d); at.setHours(0, 0, 0, 0); return at; };

function offset(minutesEast: number, width: number): string {
  const sign = minutesEast < 0 ? "-" : "+";
  const [h, m] = [pad(Math.floor(Math.abs(minutesEast) / 60), 2), pad(Math.abs(minutesEast) % 60, 2)];
  if (width === 1) return m === "00" ? `${sign}${h}` : `${sign}${h}${m}`;
  return width === 3 || width === 5 ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

const named = (names: string[], i: number, n: number, short = 3) =>
  n === 5 ? names[i][0] : n === 6 ? names[i].slice(0, 2) : n === 4 || n > 6 ? names[i] : names[i].slice(0, short);

function piece(token: string, day: Day): string | null {
  const n = token.length;
  const weekday = localMidnight(day).getDay();
  const quarter = Math.ceil(day.m / 3);
  if (token.length === 2 && token[1] === "o") {
    const value: Record<string, number> = { y: day.y, Q: quarter, q: quarter, M: day.m, L: day.m, d: day.d,
      e: weekday + 1, c: weekday + 1, i: weekday || 7, H: 0, h: 12, m: 0, s: 0 };
    return token[0] in value ? ordinal(value[token[0]]) : null;
  }
  switch (token[0]) {
    case "y": return n === 2 ? pad(day.y % 100, 2) : pad(day.y, n);
    case "M": case "L": return n <= 2 ? pad(day.m, n) : n === 5 ? MONTHS[day.m - 1][0] : n === 3 ? MONTHS[day.m - 1].slice(0, 3) : MONTHS[day.m - 1];
    case "d": return pad(day.d, n);
    case "Q": case "q": return n <= 2 ? pad(quarter, n) : n === 3 ? `Q${quarter}` : n === 4 ? `${ordinal(quarter)} quarter` : String(quarter);
    case "E": return named(WEEKDAYS, weekday, n < 4 ? 3 : n);
    case "e": case "c": return n <= 2 ? pad(weekday + 1, n) : named(WEEKDAYS, weekday, n);
    case "i": return n <= 2 ? pad(weekday || 7, n) : named(WEEKDAYS, weekday, n);
    case "H": case "m": case "s": return pad(0, Math.min(n, 2));
    case "h": return pad(12, Math.min(n, 2));
    case "a": return n === 3 ? "am" : n === 4 ? "a.m." : n === 5 ? "a" : "AM";
    case "t": return String(Math.floor(localMidnight(day).getTime() / 1000));
    case "T": return String(localMidnight(day).getTime());
    case "x": return offset(-localMidnight(day).getTimezoneOffset(), n);
    default: return null;
  }
}

const quoted = (token: string) => token === "''" ? "'" : token.replace(/^'|'$/g, "").replace(/''/g, "'");

/** `day` written in a Dash display_format (default 'YYYY-MM-DD'); throws FormatError for a letter that is no token.
 * Example: format({y: 2024, m: 5, d: 7}, "MMM Do, YYYY") is "May 7th, 2024". */
export function format(day: Day, fmt = "YYYY-MM-DD"): string {
  return tokens(fmt).map((token) => {
    if (token[0] === "'") return quoted(token);
    if (!/[A-Za-z]/.test(token[0])) return token;
    const text = piece(token, day);
    if (text === null) throw new FormatError(`the format ${JSON.stringify(fmt)} has the letter ${token[0]}, which is no date token (quote literal text: 'at')`);
    return text;
  }).join("");
}
