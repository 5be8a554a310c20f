import { test } from "node:test";
import assert from "node:assert/strict";
import { drawnInserts, extendFigure } from "../src/extend_data";

// The same cases as tests/unit/test_extend_data.py: the renderer and the headless client must agree.

test("extend appends to each named trace and leaves the figure given alone", () => {
  const before = { data: [{ x: [1, 2], y: [10, 20] }, { x: [0], y: [5] }], layout: { title: "live" } };
  const after = extendFigure(before, [{ x: [[3], [1]], y: [[30], [6]] }, [0, 1]]);
  assert.deepEqual(after.data, [{ x: [1, 2, 3], y: [10, 20, 30] }, { x: [0, 1], y: [5, 6] }]);
  assert.deepEqual(before.data[0], { x: [1, 2], y: [10, 20] });
  assert.equal(after.layout, before.layout);
});

test("max points keeps the last values when extending, the first when prepending", () => {
  const before = { data: [{ y: [1, 2, 3, 4] }] };
  assert.deepEqual(extendFigure(before, [{ y: [[5, 6]] }, [0], 3]).data?.[0].y, [4, 5, 6]);
  assert.deepEqual(extendFigure(before, [{ y: [[5, 6]] }, [0], 3], true).data?.[0].y, [5, 6, 1]);
});

test("max points edge values follow plotly.js", () => {
  const before = { data: [{ y: [1, 2, 3] }] };
  assert.deepEqual(extendFigure(before, [{ y: [[4]] }, [0], 0]).data?.[0].y, []);
  assert.deepEqual(extendFigure(before, [{ y: [[4]] }, [0], 2.7]).data?.[0].y, [3, 4]);
  assert.deepEqual(extendFigure(before, [{ y: [[4]] }, [0], -1]).data?.[0].y, [1, 2, 3, 4]);
  const both = extendFigure({ data: [{ x: [1, 2, 3], y: [1, 2, 3] }] }, [{ x: [[4]], y: [[4]] }, [0], { x: [2], y: [10] }]);
  assert.deepEqual(both.data?.[0], { x: [3, 4], y: [1, 2, 3, 4] });
  // a list is not plotly's per-attribute form: no cap (Dash 4.4.1 in Chromium, tests/parity graph_extend_forms)
  assert.deepEqual(extendFigure(before, [{ y: [[4]] }, [0], [2]]).data?.[0].y, [1, 2, 3, 4]);
});

test("the update alone names traces by position; negative indices count from the end; dotted keys nest", () => {
  const before = { data: [{ y: [1] }, { y: [2], marker: { size: [4], symbol: "circle" } }] };
  assert.deepEqual(extendFigure(before, { y: [[3], [4]] }).data?.map((t) => t.y), [[1, 3], [2, 4]]);
  const after = extendFigure(before, [{ "marker.size": [[8]] }, [-1]]);
  assert.deepEqual(after.data?.[1].marker, { size: [4, 8], symbol: "circle" });
  assert.equal(after.data?.[0], before.data[0]);
});

test("a typed-array spec trace is extended by value", () => {
  const before = { data: [{ y: { dtype: "i1", bdata: "AAECAwQ=" } }] }; // [0, 1, 2, 3, 4]
  assert.deepEqual(extendFigure(before, [{ y: [[5]] }, [0], 3]).data?.[0].y, [3, 4, 5]);
});

test("malformed values are errors naming the prop", () => {
  const before = { data: [{ y: [0] }] };
  assert.throws(() => extendFigure(before, [{ y: [[1]] }, [3]]), /extendData: trace index 3 is out of range/);
  assert.throws(() => extendFigure(before, [{ z: [[1]] }, [0]]), /cannot extend trace 0's 'z'/);
  assert.throws(() => extendFigure(before, [{ y: [[1], [2]] }, [0]]), /one array per trace index/);
  assert.throws(() => extendFigure(before, "points", true), /prependData: expected a dict/);
});

test("inserts for a drawn typed-array trace take its type, or widen it when it cannot hold them", () => {
  const data: any[] = [{ x: new Int32Array([1, 2]), marker: { size: new Uint8Array([3, 4]) } }, { x: [1, 2] }];
  const out = drawnInserts(data, { x: [[3, 4], [3]], "marker.size": [[300]] }, [0, 1]);
  assert.ok(out.x[0] instanceof Int32Array, "ints an Int32Array holds: an Int32Array, as plotly.js needs");
  assert.deepEqual(Array.from(out.x[0] as Int32Array), [3, 4]);
  assert.deepEqual(out.x[1], [3], "a plain drawn array takes the plain insert");
  assert.ok(data[0].marker.size instanceof Float64Array, "300 does not fit a Uint8Array: the drawn array widens");
  assert.deepEqual(Array.from(data[0].marker.size), [3, 4]);
  assert.ok(out["marker.size"][0] instanceof Float64Array);
  const gaps = drawnInserts(data, { x: [[null, 2.5]] }, [-2]);
  assert.deepEqual(gaps.x[0], [null, 2.5]);
  assert.ok(Array.isArray(data[0].x) && data[0].x.length === 2, "a null makes the drawn array a plain one");
});

test("a drawn plain list takes a decoded (typed) insert as a list; the update given is not changed", () => {
  const list = [1, 2];
  const data: any[] = [{ y: list }];
  const update = { y: [new Float32Array([0.5])] };
  const out = drawnInserts(data, update, [0]);
  assert.ok(Array.isArray(out.y[0]));
  assert.deepEqual(out.y[0], [0.5]);
  assert.equal(data[0].y, list, "a drawn list may be the store's own: it stays as it is");
  assert.ok(update.y[0] instanceof Float32Array);
});

