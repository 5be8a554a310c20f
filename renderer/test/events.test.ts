import { test } from "node:test";
import assert from "node:assert/strict";
import { buildEvent, compileGraph, triggeredBy } from "../src/events";
import { Store } from "../src/store";

const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });

const raw = {
  props: ["btn.n_clicks", "inp.value", "out.children", "gone.value", "later.value"],
  triggers: { "btn.n_clicks": [0], "inp.value": [1, 0] },
  callbacks: [
    { values: [0, 1], ids: ["btn", "inp", "out"] },
    { values: [1, 3, 4], ids: ["inp", "gone", "later", "out"] },
    { values: [2], ids: ["out"] },
  ],
};

function store() {
  return new Store(
    c("Div", {
      id: "page",
      children: [c("Button", { id: "btn" }), c("Input", { id: "inp", value: "x" }), c("Div", { id: "wrap", children: c("Div", { id: "out", children: "o" }) })],
    }),
  );
}

test("compileGraph resolves prop indices to keys", () => {
  const g = compileGraph(raw);
  assert.deepEqual(g.reads[1], ["inp.value", "gone.value", "later.value"]);
  assert.deepEqual(g.triggers.get("inp.value"), [1, 0]);
});

test("triggeredBy: the union of the changed keys' callbacks, ascending", () => {
  const g = compileGraph(raw);
  assert.deepEqual(triggeredBy(g, ["inp.value", "btn.n_clicks"]), [0, 1]);
  assert.deepEqual(triggeredBy(g, ["out.children"]), []);
});

test("an event carries the read sets' values (absent or unset left out) and present ids' ancestry", () => {
  const g = compileGraph(raw);
  const body = buildEvent(g, store(), 3, { "inp.value": "x" }, [], ["slow.children"]);
  assert.equal(body.seq, 3);
  assert.deepEqual(body.changed, { "inp.value": "x" });
  // btn.n_clicks is unset, gone/later are not in the page.
  assert.deepEqual(body.values, { "inp.value": "x" });
  assert.deepEqual(body.present, { btn: ["page.children"], inp: ["page.children"], out: ["page.children", "wrap.children"] });
  assert.deepEqual(body.pending, ["slow.children"]);
  assert.equal("run" in body, false);
});

test("run entries add their callbacks' read sets", () => {
  const g = compileGraph(raw);
  const body = buildEvent(g, store(), 4, {}, [{ cb: 2, triggered: ["x.children"] }], []);
  assert.deepEqual(body.run, [{ cb: 2, triggered: ["x.children"] }]);
  assert.deepEqual(body.values, { "out.children": "o" });
  assert.deepEqual(Object.keys(body.present), ["out"]);
});

test("null is a value and is sent; a missing graph is an empty one", () => {
  const s = store();
  s.setProp("btn", "n_clicks", null);
  const body = buildEvent(compileGraph(raw), s, 1, {}, [{ cb: 0, triggered: [] }], []);
  assert.equal(body.values["btn.n_clicks"], null);
  assert.deepEqual(compileGraph(undefined).reads, []);
});
