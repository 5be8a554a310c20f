import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGraph, layoutInput, lastStatus, runLine, runsOf, shortWhere, splitProp } from "../src/devtools/graph_model";
import { callbacksOf, describe, Model, ms, type ValueOf } from "../src/devtools/model";
import type { Trace } from "../src/runtime";
import { parseLine } from "../src/stream";

const callbacks = callbacksOf({
  callbacks: [
    { name: "first", where: "/app/app.py:3", inputs: ["btn.n_clicks"], states: [], outputs: ["a.children", "b.children"] },
    { name: "second", where: "/app/app.py:9", inputs: ["a.children"], states: ["s.value"], outputs: ["c.children"] },
    { name: "ui.double", where: "/app/app.py:14", inputs: ["c.children"], states: [], outputs: ["d.children"], clientside: true },
  ],
});
const line = (seq: number, t: number, raw: unknown): Trace => {
  const parsed = parseLine(raw);
  if (typeof parsed === "string") throw new Error(parsed);
  return { type: "line", seq, t, line: parsed };
};

test("the graph: one node per prop and per callback, Input/State → callback → Output edges", () => {
  const g = buildGraph(callbacks);
  const props = g.nodes.filter((n) => n.kind === "prop").map((n) => n.key);
  assert.deepEqual(props, ["btn.n_clicks", "a.children", "b.children", "s.value", "c.children", "d.children"]);
  assert.deepEqual(g.nodes.filter((n) => n.kind === "callback").map((n) => [n.label, n.sub]), [
    ["first", "app.py:3"], ["second", "app.py:9"], ["ui.double", "clientside · app.py:14"],
  ]);
  assert.equal(g.nodes.length, 9);
  assert.deepEqual(g.edges.map((e) => `${e.from} ${e.kind} ${e.to}`), [
    "p:btn.n_clicks input c:0", "c:0 output p:a.children", "c:0 output p:b.children",
    "p:a.children input c:1", "p:s.value state c:1", "c:1 output p:c.children",
    "p:c.children input c:2", "c:2 output p:d.children",
  ]);
  const a = g.nodes.find((n) => n.key === "a.children")!;
  assert.deepEqual([a.label, a.sub], ["a", ".children"]);
});

test("the layout's input: left to right, sizes from the text, States lighter than Inputs", () => {
  const input = layoutInput(buildGraph(callbacks));
  assert.equal(input.graph.rankdir, "LR");
  assert.equal(input.nodes.length, 9);
  assert.ok(input.nodes.every((n) => n.width >= 90 && n.width <= 230 && n.height > 30));
  const weights = Object.fromEntries(input.edges.map((e) => [`${e.from}>${e.to}`, e.weight]));
  assert.equal(weights["p:s.value>c:1"], 1);
  assert.equal(weights["p:a.children>c:1"], 2);
  assert.ok(input.edges.every((e) => e.minlen === 1));
  const long = buildGraph(callbacksOf({ callbacks: [{ name: "x".repeat(200), inputs: ["i.v"], outputs: [] }] }));
  assert.equal(long.nodes.find((n) => n.kind === "callback")!.width, 230, "capped: the view clips the rest");
});

test("prop keys split at the last dot, pattern ids included; paths shortened to the file", () => {
  assert.deepEqual(splitProp('{"i":["ALL"],"t":"a.b"}.value'), ['{"i":["ALL"],"t":"a.b"}', "value"]);
  assert.deepEqual(splitProp("plain"), ["plain", ""]);
  assert.equal(shortWhere("/home/me/app/app.py:12"), "app.py:12");
  assert.equal(shortWhere("C:\\app\\app.py:3"), "app.py:3");
});

test("why a callback ran or did not: prevent_initial_call, PreventUpdate, no_update, not in the event", () => {
  const values: Record<string, unknown> = { "btn.n_clicks": 1, "a.children": "x", "s.value": "s" };
  const valueOf: ValueOf = (k) => values[k];
  const m = new Model(callbacks, 25, valueOf);
  m.add(line(0, 1, { note: { cb: 0, reason: "prevent_initial_call" } }));
  m.add(line(0, 2, { skip: { cb: 1, reason: "PreventUpdate" } }));
  m.add(line(0, 3, { done: { seq: 0 } }));
  m.add({ type: "end", seq: 0, t: 3 });
  m.add({ type: "send", seq: 1, t: 10, changed: { "btn.n_clicks": 1 }, run: [], asked: [0] });
  m.add(line(1, 15, { result: { cb: 0, outputs: {}, reads: [], triggered: ["btn.n_clicks"], ms: 0.02, noUpdate: ["a.children", "b.children"] } }));
  m.add({ type: "end", seq: 1, t: 16 });
  m.add({ type: "send", seq: 2, t: 20, changed: { "s.value": "t" }, run: [], asked: [] });
  m.add({ type: "end", seq: 2, t: 21 });

  const first = runsOf(m, 0);
  assert.deepEqual(first.map((r) => [r.seq, r.status]), [[2, "not in event"], [1, "no_update"], [0, "not run"]]);
  assert.equal(first[0].why, "none of its Inputs (btn.n_clicks) changed");
  assert.equal(runLine(first[0]), "not in event: none of its Inputs (btn.n_clicks) changed");
  assert.equal(runLine(first[1]), "no_update in 0.02 ms: it ran and returned no_update for every output");
  assert.deepEqual(first[1].inputs, [["btn.n_clicks", "1"]]);
  assert.equal(first[1].action, "btn.n_clicks = 1");
  assert.match(first[2].why, /prevent_initial_call=True/);

  const second = runsOf(m, 1);
  assert.deepEqual(second.map((r) => r.status), ["not in event", "not in event", "skipped"]);
  assert.equal(second[2].why, "it raised PreventUpdate");
  assert.equal(lastStatus(m).get(0), "no_update");
  assert.equal(lastStatus(m).get(1), "skipped");
});

test("a run's details: triggered by, outputs, duration, a dropped result", () => {
  const m = new Model(callbacks);
  m.add({ type: "send", seq: 1, t: 0, changed: { "btn.n_clicks": 2 }, run: [], asked: [0] });
  m.add(line(1, 9, { result: { cb: 0, outputs: { "a.children": "hi" }, patches: { "b.children": [] }, reads: [], triggered: ["btn.n_clicks"], ms: 7.25, noUpdate: [] } }));
  m.add({ type: "drop", seq: 1, t: 9, cb: 0, reason: "stale" });
  const [run] = runsOf(m, 0);
  assert.equal(run.status, "ran");
  assert.deepEqual(run.outputs, [["a.children", '"hi"'], ["b.children", "(patched)"]]);
  assert.deepEqual(run.triggered, ["btn.n_clicks"]);
  assert.equal(runLine(run), "ran in 7.3 ms: triggered by btn.n_clicks (result dropped: a newer change superseded it)");
  assert.deepEqual(run.inputs, [], "no store given: no input values");
  assert.equal(runsOf(m, 2).length, 0, "an action still open is not counted against a callback absent from it");
});

test("server time totals are summed unrounded: many 0.02 ms runs are not 0 ms", () => {
  const m = new Model(callbacks);
  for (let seq = 1; seq <= 3; seq++) {
    m.add({ type: "send", seq, t: seq * 10, changed: { "btn.n_clicks": seq }, run: [], asked: [0] });
    m.add(line(seq, seq * 10 + 1, { result: { cb: 0, outputs: {}, reads: [], triggered: [], ms: 0.02 } }));
  }
  const t = m.timings.get(0)!;
  assert.equal(t.calls, 3);
  assert.ok(Math.abs(t.total - 0.06) < 1e-9);
  assert.ok(t.total >= t.ms);
  assert.equal(ms(t.total), "0.06 ms");
  assert.ok(Math.abs(m.serverTotal() - 0.06) < 1e-9);
  assert.deepEqual([ms(0), ms(0.02), ms(4), ms(12.34), ms(612.4)], ["0 ms", "0.02 ms", "4 ms", "12.3 ms", "612 ms"]);
});

test("the layout library places a 54-callback graph left to right, every edge with its points", async () => {
  const { place, pathOf } = await import("../src/devtools/graph_layout");
  const many = callbacksOf({
    callbacks: Array.from({ length: 18 }, (_, i) => [
      { name: "parse", where: "a.py:1", inputs: [`in-${i}.value`], states: [], outputs: [`mid-${i}.children`] },
      { name: "format", where: "a.py:2", inputs: [`mid-${i}.children`], states: [`in-${i}.value`], outputs: [`out-${i}.children`] },
      { name: "combine", where: "a.py:3", inputs: [`out-${i}.children`, `mid-${(i + 1) % 18}.children`], states: [], outputs: [`sum-${i}.children`] },
    ]).flat(),
  });
  const graph = buildGraph(many);
  const placed = place(graph);
  assert.equal(placed.nodes.size, 54 + 4 * 18);
  for (const e of graph.edges) {
    assert.ok(placed.nodes.get(e.from)!.x < placed.nodes.get(e.to)!.x, `${e.from} left of ${e.to}`);
  }
  assert.ok(placed.edges.every((e) => e.points.length >= 2));
  assert.ok(placed.width > 0 && placed.height > 0);
  assert.match(pathOf(placed.edges[0].points), /^M[\d.]+,[\d.]+( Q[\d.,]+ [\d.,]+)* L[\d.]+,[\d.]+$/);
});

test("a name two callbacks share is told apart by the first Output, in the trace and the timing", () => {
  const m = new Model(callbacksOf({ callbacks: [
    { name: "combine", inputs: ["a.value"], outputs: ["x.children", "y.children"] },
    { name: "combine", inputs: ["b.value"], outputs: ["z.children"] },
    { name: "alone", inputs: ["c.value"], outputs: ["w.children"] },
  ] }));
  assert.deepEqual([m.label(0), m.label(1), m.label(2)], ["combine → x.children +1", "combine → z.children", "alone"]);
  m.add(line(0, 1, { skip: { cb: 1, reason: "PreventUpdate" } }));
  assert.equal(describe(m, m.actions[0].entries[0]), "combine → z.children skipped: PreventUpdate");
});
