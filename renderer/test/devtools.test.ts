import { test } from "node:test";
import assert from "node:assert/strict";
import { compileGraph, type RawGraph } from "../src/events";
import { callbacksOf, describe, Model, short, warningsOf } from "../src/devtools/model";
import { verdict } from "../src/devtools/reload";
import { Runtime, type Report, type Trace } from "../src/runtime";
import { Store } from "../src/store";
import { parseLine } from "../src/stream";

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const callbacks = callbacksOf({
  callbacks: [
    { name: "first", where: "app.py:3", inputs: ["btn.n_clicks"], states: [], outputs: ["a.children", "b.children"] },
    { name: "second", where: "app.py:9", inputs: ["a.children"], states: ["s.value"], outputs: ["c.children"] },
    { name: "third", where: "app.py:14", inputs: ["c.children"], states: [], outputs: ["d.children"] },
  ],
});
const line = (seq: number, t: number, raw: unknown): Trace => {
  const parsed = parseLine(raw);
  if (typeof parsed === "string") throw new Error(parsed);
  return { type: "line", seq, t, line: parsed };
};

test("debug stream lines: notes, timing, no_update and error inputs parse", () => {
  assert.deepEqual(parseLine({ note: { cb: 2, reason: "prevent_initial_call" } }), {
    kind: "note", cb: 2, reason: "prevent_initial_call",
  });
  const result = parseLine({
    result: { cb: 0, outputs: {}, reads: [], triggered: [], ms: 2, noUpdate: ["x.children"], timing: [["db", 1.5, null], ["bad"], ["q", 2, "d"]] },
  });
  assert.ok(typeof result !== "string" && result.kind === "result");
  assert.deepEqual(result.noUpdate, ["x.children"]);
  assert.deepEqual(result.timing, [["db", 1.5, ""], ["q", 2, "d"]]);
  const error = parseLine({ error: { cb: 1, message: "m", traceback: "tb", inputs: { "a.b": 1 } } });
  assert.deepEqual(error, { kind: "error", cb: 1, message: "m", traceback: "tb", inputs: { "a.b": 1 } });
});

test("callbacks in flight: from send, plan or start until each reports; the stream's end clears the rest", () => {
  const m = new Model(callbacks);
  m.add({ type: "send", seq: 1, t: 100, changed: { "btn.n_clicks": 1 }, run: [], asked: [0] });
  assert.deepEqual([...m.running()], [0]);
  m.add(line(1, 105, { plan: { callbacks: [0, 1, 2], props: [] } }));
  assert.deepEqual([...m.running()].sort(), [0, 1, 2]);
  m.add(line(1, 110, { result: { cb: 0, outputs: { "a.children": "x" }, reads: [], triggered: ["btn.n_clicks"], ms: 4 } }));
  assert.deepEqual([...m.running()].sort(), [1, 2]);
  m.add(line(1, 120, { skip: { cb: 1, reason: "PreventUpdate" } }));
  assert.deepEqual([...m.running()], [2], "third may still run until the stream says otherwise");
  m.add({ type: "end", seq: 1, t: 130 });
  assert.equal(m.running().size, 0);
  assert.equal(m.actions[0].ms, 30);
  assert.equal(m.actions[0].done, true);
});

test("the trace: what each callback returned, why one did not run, and network time", () => {
  const m = new Model(callbacks);
  m.add(line(0, 50, { plan: { callbacks: [], props: [] } }));
  m.add(line(0, 51, { note: { cb: 0, reason: "prevent_initial_call" } }));
  m.add(line(0, 52, { done: { seq: 0 } }));
  m.add({ type: "send", seq: 1, t: 100, changed: { "btn.n_clicks": 1 }, run: [], asked: [0] });
  m.add(line(1, 112, {
    result: { cb: 0, outputs: { "a.children": "x".repeat(100) }, reads: [], triggered: ["btn.n_clicks"], ms: 4, noUpdate: ["b.children"] },
  }));
  m.add(line(1, 130, { result: { cb: 1, outputs: {}, patches: { "c.children": [] }, reads: [], triggered: ["a.children"], ms: 10, timing: [["db", 6, "query"]] } }));
  m.add(line(1, 131, { error: { cb: 2, message: "boom" } }));
  const [load, click] = m.actions;
  assert.equal(load.seq, 0);
  assert.deepEqual(load.entries.map((e) => describe(m, e)), ["first not run: prevent_initial_call"]);
  assert.deepEqual(click.changed, [["btn.n_clicks", "1"]]);
  const texts = click.entries.map((e) => describe(m, e));
  assert.match(texts[0], /^first ran in 4 ms \(\+8 ms network\) · triggered by btn\.n_clicks · → a\.children = "x{58}… · no_update: b\.children$/);
  assert.equal(texts[1], "second ran in 10 ms (+20 ms network) · triggered by a.children · → c.children patched · timing: db 6 ms");
  assert.equal(texts[2], "third raised: boom");
  const first = m.timings.get(0)!;
  assert.deepEqual([first.calls, first.ms, first.network], [1, 4, 8]);
  assert.deepEqual(m.timings.get(1)!.timing, [["db", 6, "query"]]);
});

test("a dropped result is marked as such in its action", () => {
  const m = new Model(callbacks);
  m.add({ type: "send", seq: 3, t: 0, changed: { "btn.n_clicks": 2 }, run: [], asked: [0] });
  m.add(line(3, 5, { result: { cb: 0, outputs: {}, reads: [], triggered: [], ms: 1 } }));
  m.add({ type: "drop", seq: 3, t: 5, cb: 0, reason: "stale" });
  assert.match(describe(m, m.actions[0].entries[0]), /DROPPED: a newer change superseded it/);
  m.add({ type: "send", seq: 4, t: 6, changed: {}, run: [{ cb: 0, triggered: ["btn.n_clicks"] }], asked: [0] });
  assert.deepEqual(m.actions[1].run, [0]);
});

test("only the last actions are kept", () => {
  const m = new Model(callbacks, 3);
  for (let seq = 1; seq <= 5; seq++) m.add({ type: "send", seq, t: seq, changed: {}, run: [], asked: [] });
  assert.deepEqual(m.actions.map((a) => a.seq), [3, 4, 5]);
});

test("short values and checked callback info", () => {
  assert.equal(short("abc"), '"abc"');
  assert.equal(short({ a: [1, 2] }), '{"a":[1,2]}');
  assert.equal(short("y".repeat(10), 5), '"yyy…');
  assert.deepEqual(callbacksOf({ callbacks: [{}] }), [{ name: "callback 0", where: "", inputs: [], states: [], outputs: [] }]);
  assert.deepEqual(callbacksOf({}), []);
});

test("start-up warnings: the strings of devtools.warnings, nothing else", () => {
  assert.deepEqual(warningsOf({ warnings: ["callback 'f' (app.py:3): ... 'late' ...", 7, null] }), [
    "callback 'f' (app.py:3): ... 'late' ...",
  ]);
  assert.deepEqual(warningsOf({ warnings: "not a list" }), []);
  assert.deepEqual(warningsOf({}), []);
});

test("reload messages: a new boot id or another asset reloads; changed stylesheets swap", () => {
  assert.equal(verdict({ boot: "a" }, "a"), null);
  assert.equal(verdict({ boot: "b" }, "a"), "reload");
  assert.equal(verdict({ reload: "assets" }, "a"), "reload");
  assert.deepEqual(verdict({ css: ["/assets/x.css"] }, "a"), ["/assets/x.css"]);
});

test("the runtime traces sends, lines, drops and ends (only when asked to)", async () => {
  const raw: RawGraph = { props: ["inp.value", "out.children"], triggers: { "inp.value": [0] }, callbacks: [{ values: [0], ids: ["inp", "out"] }] };
  const layout = { type: "Div", namespace: "html", props: { children: [
    { type: "Input", namespace: "html", props: { id: "inp", value: "a" } },
    { type: "Div", namespace: "html", props: { id: "out" } },
  ] } };
  const traces: Trace[] = [];
  const reports: Report[] = [];
  const senders: ((line: unknown) => void)[] = [];
  const closers: (() => void)[] = [];
  const post = async () => {
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
    senders.push((l) => ctrl.enqueue(new TextEncoder().encode(JSON.stringify(l) + "\n")));
    closers.push(() => ctrl.close());
    return new Response(stream, { status: 200 });
  };
  const store = new Store(layout);
  const runtime = new Runtime(store, compileGraph(raw), {
    eventUrl: "/e",
    post,
    hooks: { busy() {}, ready() {}, report: (r) => reports.push(r), trace: (t) => traces.push(t) },
  });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ note: { cb: 0, reason: "prevent_initial_call" } });
  runtime.pageLine({ done: { seq: 0 } });
  runtime.userChange("inp", { value: "b" });
  await settle();
  runtime.userChange("inp", { value: "bc" });
  await settle();
  senders[0]({ plan: { callbacks: [0], props: ["out.children"] } });
  senders[0]({ result: { cb: 0, outputs: { "out.children": "B" }, reads: ["inp.value"], triggered: ["inp.value"] } });
  senders[1]({ error: { cb: 0, message: "m", traceback: "tb", inputs: { "inp.value": "bc" } } });
  senders[0]({ done: { seq: 1 } });
  senders[1]({ done: { seq: 2 } });
  closers.forEach((c) => c());
  await settle();
  const kinds = traces.map((t) => (t.type === "line" ? `${t.seq}:${t.line.kind}` : `${t.seq}:${t.type}`));
  assert.deepEqual(kinds.slice(0, 4), ["0:plan", "0:note", "0:done", "0:end"]);
  assert.ok(kinds.includes("1:send") && kinds.includes("2:send") && kinds.includes("1:drop") && kinds.includes("2:end"));
  const send = traces.find((t) => t.type === "send" && t.seq === 1);
  assert.ok(send && send.type === "send");
  assert.deepEqual([send.changed, send.asked], [{ "inp.value": "b" }, [0]]);
  const drop = traces.find((t) => t.type === "drop");
  assert.ok(drop && drop.type === "drop" && drop.cb === 0 && drop.reason === "stale");
  assert.deepEqual(reports.map((r) => [r.cb, r.inputs, r.traceback]), [[0, { "inp.value": "bc" }, "tb"]]);
});
