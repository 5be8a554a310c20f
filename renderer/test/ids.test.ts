import { test } from "node:test";
import assert from "node:assert/strict";
import { idString, propKey, splitKey } from "../src/ids";

test("a string id is its own id string", () => {
  assert.equal(idString("btn"), "btn");
});

test("a dict id is JSON with sorted keys and no spaces", () => {
  assert.equal(idString({ type: "item", index: 1 }), '{"index":1,"type":"item"}');
  assert.equal(idString({ b: ["ALL"], a: "x y" }), '{"a":"x y","b":["ALL"]}');
  assert.equal(idString({ z: { b: 1, a: 2 } }), '{"z":{"a":2,"b":1}}');
});

test("a prop key splits at its last dot, so dict ids may hold dots", () => {
  assert.deepEqual(splitKey("btn.n_clicks"), ["btn", "n_clicks"]);
  const id = idString({ name: "a.b" });
  assert.deepEqual(splitKey(propKey(id, "value")), [id, "value"]);
});
