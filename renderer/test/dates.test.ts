import { test } from "node:test";
import assert from "node:assert/strict";
import { allowed, format, parse, parseIso, weeks } from "../src/components/dates";

test("a date prop's day: its first ten characters, a datetime's time dropped; no day is null", () => {
  assert.deepEqual(parseIso("2024-05-17T10:30:00"), { y: 2024, m: 5, d: 17 });
  assert.deepEqual(parseIso("2024-02-29"), { y: 2024, m: 2, d: 29 });
  assert.equal(parseIso("2023-02-29"), null);
  assert.equal(parseIso("17/05/2024"), null);
  assert.equal(parseIso(null), null);
});

test("display_format writes and reads the same day", () => {
  const day = { y: 2024, m: 5, d: 7 };
  assert.equal(format(day), "2024-05-07");
  assert.equal(format(day, "MMM D, YYYY"), "May 7, 2024");
  assert.equal(format(day, "DD/MM/YY"), "07/05/24");
  assert.equal(format(day, "MMMM"), "May");
  for (const fmt of ["YYYY-MM-DD", "MMM D, YYYY", "DD/MM/YY", "D MMMM YYYY"]) {
    assert.deepEqual(parse(format(day, fmt), fmt), day, fmt);
  }
  assert.deepEqual(parse("2024-5-7"), day, "one-digit month and day are read");
  assert.equal(parse("2024-13-01"), null);
  assert.equal(parse("garbage"), null);
  assert.equal(parse("07/05/2024", "YYYY-MM-DD"), null);
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

test("an ISO day is read whatever the display_format", () => {
  assert.deepEqual(parse("2025-02-10", "DD/MM/YYYY"), { y: 2025, m: 2, d: 10 });
  assert.deepEqual(parse("09/02/2025", "DD/MM/YYYY"), { y: 2025, m: 2, d: 9 });
  assert.equal(parse("2025-02-10T10:00", "DD/MM/YYYY"), null, "a typed datetime is no day");
});
