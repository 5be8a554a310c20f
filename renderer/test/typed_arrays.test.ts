import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeFigure, decodeTypedArray, isTypedArraySpec } from "../src/typed_arrays";

// Specs as propwire/api/typed_arrays.py and plotly.py 7.1 emit them (recorded from Python).
const I1 = { dtype: "i1", bdata: "AAECAwQ=" }; // [0, 1, 2, 3, 4]
const F8 = { dtype: "f8", bdata: "AAAAAAAAAAAAAAAAAADgPwAAAAAAAPA/AAAAAAAA+D8AAAAAAAAAQA==" }; // [0, .5, 1, 1.5, 2]
const Z23 = { dtype: "f8", bdata: "AAAAAAAAAAAAAAAAAADwPwAAAAAAAABAAAAAAAAACEAAAAAAAAAQQAAAAAAAABRA", shape: "2, 3" };

function bytesOf(values: ArrayBufferView): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
}

test("a spec decodes to the typed array of its dtype", () => {
  const x = decodeTypedArray(I1);
  assert.ok(x instanceof Int8Array);
  assert.deepEqual(Array.from(x as Int8Array), [0, 1, 2, 3, 4]);
  const y = decodeTypedArray(F8);
  assert.ok(y instanceof Float64Array);
  assert.deepEqual(Array.from(y as Float64Array), [0, 0.5, 1, 1.5, 2]);
});

test("every dtype plotly.js knows round-trips, NaN included", () => {
  const cases: [string, ArrayBufferView & ArrayLike<number>][] = [
    ["u1", new Uint8Array([0, 255])], ["i2", new Int16Array([-32768, 7])], ["u2", new Uint16Array([65535, 1])],
    ["i4", new Int32Array([-5, 2 ** 31 - 1])], ["u4", new Uint32Array([2 ** 32 - 1, 0])],
    ["f4", new Float32Array([1.5, -0.25])], ["f8", new Float64Array([NaN, 1e300])],
  ];
  for (const [dtype, values] of cases) {
    const out = decodeTypedArray({ dtype, bdata: bytesOf(values) }) as ArrayLike<number>;
    assert.equal(out.constructor, values.constructor, dtype);
    assert.deepEqual(Array.from(out), Array.from(values), dtype);
  }
});

test("a 2-D shape gives rows of the right length", () => {
  const z = decodeTypedArray(Z23) as Float64Array[];
  assert.equal(z.length, 2);
  assert.deepEqual(z.map((row) => Array.from(row)), [[0, 1, 2], [3, 4, 5]]);
});

test("a shape that does not fit the bytes is an error naming both", () => {
  assert.throws(() => decodeTypedArray({ ...Z23, shape: "4, 4" }), /shape 4x4 but 6 values/);
  assert.throws(() => decodeTypedArray({ dtype: "f8", bdata: "AAAA" }), /not a whole number of f8/);
});

test("only objects with a known dtype and a bdata string are specs", () => {
  assert.ok(isTypedArraySpec(I1));
  assert.ok(!isTypedArraySpec({ dtype: "f16", bdata: "" }));
  assert.ok(!isTypedArraySpec({ dtype: "f8", bdata: [1] }));
  assert.ok(!isTypedArraySpec([1, 2]));
});

test("decodeFigure decodes a copy and leaves the stored figure as it came", () => {
  const layout = { title: { text: "t" } };
  const figure = { data: [{ type: "scatter", x: I1, y: [1, 2, 3], marker: { color: F8 } }, { z: Z23 }], layout };
  const before = JSON.stringify(figure);
  const out = decodeFigure(figure);
  assert.equal(JSON.stringify(figure), before); // what goes back as State is the spec, with nothing added
  assert.ok(out.data[0].x instanceof Int8Array);
  assert.ok((out.data[0].marker as { color: unknown }).color instanceof Float64Array);
  assert.equal(out.data[0].y, figure.data[0].y); // number lists are not copied
  assert.equal(out.layout, layout); // nor is an object without specs
  assert.equal((out.data[1].z as unknown as unknown[]).length, 2);
});

test("a spec decodes once: the same spec object gives the same typed array", () => {
  const spec = { dtype: "f8", bdata: Buffer.from(new Float64Array([1, 2]).buffer).toString("base64") };
  const a = decodeFigure({ data: [{ y: spec }] }) as any;
  const b = decodeFigure({ data: [{ y: spec }, { y: [3] }] }) as any;
  assert.equal(a.data[0].y, b.data[0].y);
  assert.deepEqual(Array.from(a.data[0].y), [1, 2]);
});
