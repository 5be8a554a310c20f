import { test } from "node:test";
import assert from "node:assert/strict";
import { autoMarks, markLabel, wantsAutoMarks } from "../src/components/slider_marks";

const labels = (m: [string, string][]) => m.map(([, l]) => l).join(" ");

test("a short integer range gets a mark per step once the slider is wide enough", () => {
  assert.equal(labels(autoMarks(0, 10, 1, 1200)), "0 1 2 3 4 5 6 7 8 9 10");
  assert.equal(labels(autoMarks(0, 10, 1, null)), "0 1 2 3 4 5 6 7 8 9 10", "330 px before measuring");
});

test("the interval is a nice multiple of the step that fits the width", () => {
  assert.equal(labels(autoMarks(0, 100, 1, 330)), "0 20 40 60 80 100");
  assert.equal(labels(autoMarks(0, 100, 1, 1100)), Array.from({ length: 21 }, (_, i) => i * 5).join(" "));
  assert.equal(labels(autoMarks(0, 100, 1, 100)), "0 50 100", "never fewer than three");
});

test("marks come in JavaScript object order: integers ascending, then the others as added", () => {
  assert.equal(labels(autoMarks(0, 1, 0.1, 1200)), "0 1 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9");
  assert.equal(labels(autoMarks(-6, 6, 1, 1200)), "0 1 2 3 4 5 6 -5 -4 -3 -2 -1 -6");
});

test("a mark close before max is dropped", () => {
  assert.equal(labels(autoMarks(0, 11, 2, 1200)), "0 2 4 6 8 11");
});

test("large values take an SI prefix scaled to the range", () => {
  assert.equal(markLabel(20000, 0, 20000), "20k");
  assert.equal(markLabel(5000, 0, 20000), "5000");
  assert.equal(markLabel(2500000, 0, 5000000), "3M");
  assert.equal(markLabel(-20000, -20000, 0), "-20k");
});

test("auto marks when marks are absent, empty or all out of range; none for null", () => {
  assert.equal(wantsAutoMarks(undefined, 0, 10), true);
  assert.equal(wantsAutoMarks({}, 0, 10), true);
  assert.equal(wantsAutoMarks({ 20: "x" }, 0, 10), true);
  assert.equal(wantsAutoMarks({ 5: "x" }, 0, 10), false);
  assert.equal(wantsAutoMarks(null, 0, 10), false);
});
