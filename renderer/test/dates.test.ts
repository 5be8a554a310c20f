import { test } from "node:test";
import assert from "node:assert/strict";
import { allowed, format, parse, parseIso, weeks } from "../src/components/dates";
import { dashTokens, FormatError } from "../src/components/date_format";
import { headerTokens } from "../src/components/datepicker";

test("a date prop's day: its first ten characters, a datetime's time dropped; no day is null", () => {
  assert.deepEqual(parseIso("2024-05-17T10:30:00"), { y: 2024, m: 5, d: 17 });
  assert.deepEqual(parseIso("2024-02-29"), { y: 2024, m: 2, d: 29 });
  assert.equal(parseIso("2023-02-29"), null);
  assert.equal(parseIso("17/05/2024"), null);
  assert.equal(parseIso(null), null);
});

test("moment tokens are rewritten as Dash 4.4.1 rewrites them for date-fns", () => {
  assert.equal(dashTokens("dddd, MMMM Do YYYY"), "EEEEEEEEEEEE, MMMM do yyyy");
  assert.equal(dashTokens("ddd DD.MM.YY X"), "EEEEEEd dd.MM.yy t");
});

test("display_format writes what Dash 4.4.1 shows (seen in Chromium on 7 May 2024)", () => {
  const day = { y: 2024, m: 5, d: 7 };
  const seen: [string, string][] = [["YYYY-MM-DD", "2024-05-07"], ["YY/M/D", "24/5/7"], ["MMM Do, YYYY", "May 7th, 2024"],
    ["MMMM D YYYY", "May 7 2024"], ["ddd DD.MM.YYYY", "Tu7 07.05.2024"], ["dddd, MMMM Do YYYY", "Tuesday, May 7th 2024"],
    ["dd D", "Tu 7"], ["Q YYYY", "2 2024"], ["DD/MM/YYYY", "07/05/2024"], ["D MMM YY", "7 May 24"],
    ["YYYY 'at' MM", "2024 at 05"]];
  for (const [fmt, text] of seen) assert.equal(format(day, fmt), text, fmt);
  assert.equal(format(day), "2024-05-07");
  assert.equal(format({ y: 2024, m: 11, d: 22 }, "Do Qo"), "22nd 4th");
  assert.throws(() => format(day, "[Week] YYYY"), FormatError, "an unquoted letter that is no token");
});

test("X and x: Unix seconds and the zone offset of the day's local midnight", () => {
  const day = { y: 2024, m: 5, d: 7 };
  const midnight = new Date(2024, 4, 7);
  assert.equal(format(day, "X"), String(midnight.getTime() / 1000));
  const east = -midnight.getTimezoneOffset();
  const sign = east < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(east) / 60)).padStart(2, "0");
  assert.ok(format(day, "x").startsWith(`${sign}${hours}`));
});

test("typed text is read by the format with date-fns' rules, as Dash 4.4.1 reads it", () => {
  const fmt = "DD/MM/YYYY";
  assert.deepEqual(parse("09/02/2025", fmt), { y: 2025, m: 2, d: 9 });
  assert.deepEqual(parse("9/2/25", fmt), { y: 25, m: 2, d: 9 }, "YYYY reads 25 as the year 25");
  assert.deepEqual(parse("13/02/2025 ", fmt), { y: 2025, m: 2, d: 13 }, "trailing blanks are fine");
  assert.deepEqual(parse("may 7th, 2024", "MMM Do, YYYY"), { y: 2024, m: 5, d: 7 });
  assert.deepEqual(parse("Tu7 07.05.2024", "ddd DD.MM.YYYY"), { y: 2024, m: 5, d: 7 });
  assert.deepEqual(parse("7 May 24", "D MMM YY"), { y: 2024, m: 5, d: 7 });
  assert.deepEqual(parse("7 May 99", "D MMM YY"), { y: 1999, m: 5, d: 7 }, "two-digit years pivot 50 years ahead");
  assert.equal(parse("31/02/2025x", fmt), null);
});

test("what the format cannot read, the browser's Date reads (Dash's fallback); no format reads ISO", () => {
  assert.deepEqual(parse("2025-02-10", "DD/MM/YYYY"), { y: 2025, m: 2, d: 10 });
  assert.deepEqual(parse("Feb 11 2025", "DD/MM/YYYY"), { y: 2025, m: 2, d: 11 });
  assert.deepEqual(parse("May 18, 2024"), { y: 2024, m: 5, d: 18 });
  assert.deepEqual(parse("20240520"), { y: 2024, m: 5, d: 20 });
  assert.deepEqual(parse("2024-05"), { y: 2024, m: 5, d: 1 });
  assert.deepEqual(parse("2024-06-22T10:00"), { y: 2024, m: 6, d: 22 });
  assert.deepEqual(parse("2024-5-7"), { y: 2024, m: 5, d: 7 });
  assert.equal(parse("2024-13-01"), null);
  assert.equal(parse("garbage"), null);
  assert.equal(parse(""), null);
});

test("the calendar header splits month_format into its month and year tokens, as Dash's", () => {
  assert.deepEqual(headerTokens("MMM YY"), ["MMM", "YY"]);
  assert.deepEqual(headerTokens("MMMM, YYYY"), ["MMMM", "YYYY"]);
  assert.deepEqual(headerTokens("YYYY"), ["MMMM", "YYYY"]);
});

test("allowed: within min..max and not a disabled day", () => {
  const props = { min_date_allowed: "2024-05-03", max_date_allowed: "2024-06-20T00:00:00", disabled_days: ["2024-05-10"] };
  assert.equal(allowed({ y: 2024, m: 5, d: 2 }, props), false);
  assert.equal(allowed({ y: 2024, m: 5, d: 3 }, props), true);
  assert.equal(allowed({ y: 2024, m: 5, d: 10 }, props), false);
  assert.equal(allowed({ y: 2024, m: 6, d: 20 }, props), true);
  assert.equal(allowed({ y: 2024, m: 6, d: 21 }, props), false);
});

test("a month's weeks start on first_day_of_week and fill with the months around", () => {
  const may = weeks(2024, 5, 0); // 1 May 2024 is a Wednesday
  assert.equal(may.length, 5);
  assert.deepEqual(may[0][0], { y: 2024, m: 4, d: 28 });
  assert.deepEqual(may[0][3], { y: 2024, m: 5, d: 1 });
  assert.deepEqual(weeks(2024, 5, 1)[0][0], { y: 2024, m: 4, d: 29 }, "Monday first");
  assert.ok(may.every((w) => w.length === 7));
});
