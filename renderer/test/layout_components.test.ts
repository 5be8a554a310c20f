import { test } from "node:test";
import assert from "node:assert/strict";
import { pendingInside, targeted } from "../src/components/loading";
import { tabValue } from "../src/components/tabs";
import type { LoadingEntry } from "../src/lib_state";

const entry = (id: string, property: string, path: (string | number)[]): LoadingEntry => ({ id, property, path });

test("a Tab's value is its own, else tab-<position from 1>", () => {
  assert.equal(tabValue({ value: "x" }, 3), "x");
  assert.equal(tabValue({}, 0), "tab-1");
  assert.equal(tabValue({ value: "" }, 2), "tab-3");
});

test("a Loading counts the pending outputs strictly inside it, as its target_components say", () => {
  const at = ["props", "children", 1];
  const inside = ["props", "children", 1, "props", "children"];
  const loading = {
    [JSON.stringify(inside)]: [entry("out", "children", inside)],
    [JSON.stringify(at)]: [entry("spin", "display", at)], // the Loading's own prop: not inside it
    [JSON.stringify(["props", "children", 10])]: [entry("far", "children", ["props", "children", 10])], // 10 is not 1
  };
  assert.deepEqual(pendingInside(loading, at, undefined)?.map((e) => e.id), ["out"]);
  assert.equal(pendingInside(loading, at, { out: "title" }), null);
  assert.deepEqual(pendingInside(loading, at, { out: ["title", "children"] })?.map((e) => e.id), ["out"]);
  assert.deepEqual(pendingInside(loading, at, { out: "*" })?.map((e) => e.id), ["out"]);
  assert.equal(pendingInside({}, at, undefined), null);
});

test("target_components: an id without an entry does not count", () => {
  assert.equal(targeted(entry("a", "x", []), { b: "*" }), false);
  assert.equal(targeted(entry("a", "x", []), undefined), true);
});
