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

test("follows: each read prop that follows another of its component's, by the graph's rules for its kind", () => {
  const slider = (id: string, props: Record<string, unknown>) => ({ type: "Slider", namespace: "dcc", props: { id, ...props } });
  const s = new Store(c("Div", { children: [c("Button", { id: "set" }), slider("kg", { value: 3 }), slider("other", { value: 1 }), c("Div", { id: "both" })] }));
  const follows = { "dcc.Slider": { value: ["drag_value"] } };
  const withRules = {
    props: ["set.n_clicks", "kg.value", "kg.drag_value", "other.value", "both.children"],
    triggers: { "set.n_clicks": [0] },
    // callback 0 reads kg's drag_value (unset here: it is named all the same) and other's value (no follower)
    callbacks: [{ values: [0, 1, 2, 3], ids: ["set", "kg", "other"] }, { values: [4], ids: ["both"] }],
    follows,
  };
  const body = buildEvent(compileGraph(withRules), s, 1, { "set.n_clicks": 1 }, [], []);
  assert.deepEqual(body.follows, { "kg.value": ["kg.drag_value"] });
  // the rules name a kind; a component of another kind with a drag_value prop follows nothing
  const plain = new Store(c("Div", { children: [c("Button", { id: "set" }), c("Div", { id: "kg", value: 3, drag_value: 2 })] }));
  assert.equal("follows" in buildEvent(compileGraph(withRules), plain, 1, { "set.n_clicks": 1 }, [], []), false);
  // a graph without rules sends none
  assert.equal("follows" in buildEvent(compileGraph({ ...withRules, follows: undefined }), s, 1, { "set.n_clicks": 1 }, [], []), false);
});
