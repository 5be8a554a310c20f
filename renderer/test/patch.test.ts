import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyPatch, type PatchOp } from "../src/patch";
import { decodeFigure, specOfValues, specValues } from "../src/typed_arrays";

/** Freeze a value all the way down: any in-place change throws. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

const run = (value: unknown, ...ops: PatchOp[]) => applyPatch(frozen(value), ops);

test("assign sets a dict key or list item, deep paths included; missing dicts on the way are created", () => {
  assert.deepEqual(run({ a: 1 }, ["assign", ["b"], 2]), { a: 1, b: 2 });
  assert.deepEqual(run({ a: { b: [1, 2] } }, ["assign", ["a", "b", 1], 9]), { a: { b: [1, 9] } });
  assert.deepEqual(run([1, 2], ["assign", [-1], 3]), [1, 3], "negative indices count from the end");
  assert.deepEqual(run([1, 2], ["assign", [2], 3]), [1, 2, 3], "one past the end appends");
  assert.deepEqual(run({}, ["assign", ["x", "y"], 1]), { x: { y: 1 } });
  assert.deepEqual(run(null, ["assign", ["x"], 1]), { x: 1 });
  assert.equal(run({ a: 1 }, ["assign", [], "whole"]), "whole");
  assert.throws(() => run([1], ["assign", [5], 0]), /out of range/);
});

test("delete removes a dict key or list item", () => {
  assert.deepEqual(run({ a: 1, b: 2 }, ["delete", ["a"], null]), { b: 2 });
  assert.deepEqual(run({ l: [1, 2, 3] }, ["delete", ["l", 0], null]), { l: [2, 3] });
  assert.deepEqual(run([1, 2, 3], ["delete", [-1], null]), [1, 2]);
  assert.equal(run({ a: 1 }, ["delete", [], null]), null);
});

test("merge updates a dict", () => {
  assert.deepEqual(run({ color: "red", size: 1 }, ["merge", [], { size: 2, weight: "bold" }]), { color: "red", size: 2, weight: "bold" });
  assert.deepEqual(run({ s: null }, ["merge", ["s"], { a: 1 }]), { s: { a: 1 } });
  assert.deepEqual(run({}, ["merge", ["s"], { a: 1 }]), { s: { a: 1 } });
});

test("append, prepend, insert and extend add to a list", () => {
  assert.deepEqual(run([1], ["append", [], 2]), [1, 2]);
  assert.deepEqual(run([1], ["prepend", [], 0]), [0, 1]);
  assert.deepEqual(run([1, 3], ["insert", [], [1, 2]]), [1, 2, 3]);
  assert.deepEqual(run([1, 2], ["insert", [], [-1, 9]]), [1, 9, 2], "as Python: before the last");
  assert.deepEqual(run([1], ["insert", [], [10, 2]]), [1, 2], "past the end: at the end");
  assert.deepEqual(run([1], ["extend", [], [2, 3]]), [1, 2, 3]);
  assert.deepEqual(run(null, ["append", [], 1]), [1], "nothing yet is an empty list");
  assert.deepEqual(run({ l: [] }, ["append", ["l"], { a: 1 }]), { l: [{ a: 1 }] });
});

test("remove takes out the first equal item; clear empties; reverse reverses", () => {
  assert.deepEqual(run([1, { a: [2] }, 3, { a: [2] }], ["remove", [], { a: [2] }]), [1, 3, { a: [2] }]);
  assert.deepEqual(run([1, 2], ["remove", [], 5]), [1, 2], "no equal item: unchanged");
  assert.deepEqual(run({ l: [1, 2] }, ["clear", ["l"], null]), { l: [] });
  assert.deepEqual(run([1, 2, 3], ["reverse", [], null]), [3, 2, 1]);
  assert.throws(() => run({ a: 1 }, ["append", [], 2]), /needs a list/);
});

test("add, sub, mul and div change a number; nothing yet counts as 0", () => {
  assert.equal(run(5, ["add", [], 2]), 7);
  assert.equal(run(5, ["sub", [], 2]), 3);
  assert.equal(run(5, ["mul", [], 2]), 10);
  assert.equal(run(5, ["div", [], 2]), 2.5);
  assert.deepEqual(run({ n: { count: 1 } }, ["add", ["n", "count"], 1]), { n: { count: 2 } });
  assert.deepEqual(run({}, ["add", ["count"], 3]), { count: 3 });
});

test("operations apply in order, to a copy; untouched branches are shared", () => {
  const old = frozen({ list: [1, 2], style: { color: "red" }, other: { big: [1, 2, 3] } });
  const next = applyPatch(old, [
    ["append", ["list"], 3],
    ["reverse", ["list"], null],
    ["assign", ["style", "fontWeight"], "bold"],
  ]) as typeof old;
  assert.deepEqual(next, { list: [3, 2, 1], style: { color: "red", fontWeight: "bold" }, other: { big: [1, 2, 3] } });
  assert.deepEqual(old.list, [1, 2], "the old value is as it was");
  assert.notEqual(next, old);
  assert.notEqual(next.style, old.style, "a changed branch is a new object");
  assert.equal(next.other, old.other, "an unchanged one is the same object");
  assert.throws(() => applyPatch({}, [["bogus", [], 1]]), /unknown Patch operation/);
});

// The same cases propwire/api/patch.py and the headless client are checked against (tests/unit).
const SPEC_CASES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "unit", "data", "patch_typed_arrays.json");

test("list operations on a typed-array spec act on its values, as the engine's and the headless client's", () => {
  const { cases } = JSON.parse(readFileSync(SPEC_CASES, "utf8"));
  assert.ok(cases.length >= 10);
  for (const c of cases) assert.deepEqual(run(c.value, ...c.ops), c.expected, c.name);
});

test("a patched spec is drawn from its cached array, and an untouched trace keeps its decoded arrays", () => {
  const y = specOfValues(Array.from({ length: 1000 }, (_, i) => i / 4), "f8") as any;
  const other = { dtype: "i4", bdata: Buffer.from(new Int32Array([1, 2, 3]).buffer).toString("base64") };
  const figure = frozen({ data: [{ y }, { y: other, marker: { color: "blue" } }] });
  const before = decodeFigure(figure) as any;
  const ops: PatchOp[] = [["extend", ["data", 0, "y"], [7, 8]], ["assign", ["data", 1, "marker", "color"], "red"]];
  const patched = applyPatch(figure, ops) as any;
  const after = decodeFigure(patched) as any;
  assert.equal(after.data[1].y, before.data[1].y, "the untouched spec decodes to the very same typed array");
  assert.equal(patched.data[1].y, other);
  assert.ok(after.data[0].y instanceof Float64Array);
  assert.deepEqual(Array.from(after.data[0].y).slice(-3), [249.75, 7, 8]);
  assert.deepEqual(specValues(patched.data[0].y).length, 1002);
});
