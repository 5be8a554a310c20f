import { test } from "node:test";
import assert from "node:assert/strict";
import { callClient, dashClientside, type ClientSpec } from "../src/clientside";
import { compileGraph, type RawGraph } from "../src/events";
import { Runtime, type Report } from "../src/runtime";
import { Store } from "../src/store";

const spec = (over: Partial<ClientSpec>): ClientSpec => ({
  ns: "t", fn: "f", inputs: [], states: [], outputs: ["o.children"], single: true, local: false, name: "f", ...over,
});
const define = (fn: (...args: any[]) => unknown) => {
  (dashClientside() as any).t = { f: fn };
};
const noSet = () => {};

test("callClient passes Inputs then States (unset as undefined) and sets callback_context while it runs", async () => {
  let seen: any;
  define(function (a: unknown, b: unknown, s: unknown) {
    seen = { args: [a, b, s], ctx: JSON.parse(JSON.stringify((globalThis as any).dash_clientside.callback_context)) };
    return "x";
  });
  const values: Record<string, unknown> = { "a.value": 1, "s.value": "st" };
  const out = await callClient(spec({}), { cb: 0, triggered: ["a.value"], inputs: ["a.value", "b.n_clicks"], states: ["s.value"], outputs: ["o.children"] },
    (k) => values[k], noSet);
  assert.deepEqual(seen.args, [1, undefined, "st"]);
  assert.deepEqual(seen.ctx.triggered, [{ prop_id: "a.value", value: 1 }]);
  assert.equal(seen.ctx.triggered_id, "a");
  assert.deepEqual(seen.ctx.inputs, { "a.value": 1, "b.n_clicks": null });
  assert.deepEqual(seen.ctx.outputs_list, { id: "o", property: "children" });
  assert.equal((globalThis as any).dash_clientside.callback_context, undefined, "gone after the call");
  assert.deepEqual(out, { kind: "outputs", outputs: new Map([["o.children", "x"]]) });
});

test("several Outputs: a list; no_update leaves one or all alone; PreventUpdate and errors", async () => {
  const dc = dashClientside();
  const call = { cb: 0, triggered: [], inputs: [], states: [], outputs: ["a.children", ["{\"i\":1}.children", "{\"i\":2}.children"]] };
  const multi = spec({ single: false });
  define(() => [dc.no_update, ["one", dc.no_update]]);
  assert.deepEqual(await callClient(multi, call, () => undefined, noSet),
    { kind: "outputs", outputs: new Map([["{\"i\":1}.children", "one"]]) });
  define(() => dc.no_update);
  assert.deepEqual(await callClient(multi, call, () => undefined, noSet), { kind: "outputs", outputs: new Map() });
  define(async () => ["p", ["q", "r"]]);
  assert.equal((await callClient(multi, call, () => undefined, noSet) as any).outputs.get("{\"i\":2}.children"), "r");
  define(() => { throw dc.PreventUpdate; });
  assert.deepEqual(await callClient(multi, call, () => undefined, noSet), { kind: "prevent" });
  define(() => { throw new Error("boom"); });
  assert.deepEqual(await callClient(multi, call, () => undefined, noSet), { kind: "error", message: "Error: boom" });
  assert.equal((await callClient(spec({ fn: "missing" }), call, () => undefined, noSet)).kind, "error");
});

// in.value -> (cb 0, local clientside) mid.children -> (cb 1, server) out.children
const graph: RawGraph = {
  props: ["in.value", "mid.children", "out.children"],
  triggers: { "in.value": [0], "mid.children": [1] },
  callbacks: [{ values: [0], ids: ["in", "mid"], writes: [1, 2] }, { values: [1], ids: ["mid", "out"], writes: [2] }],
  clientside: {
    callbacks: { "0": { ns: "rt", fn: "up", inputs: ["in.value"], states: [], outputs: ["mid.children"], single: true, local: true, name: "up" } },
    order: [0],
  },
};

test("a local clientside callback runs before the event, which carries its output and names it in ran", async () => {
  (dashClientside() as any).rt = { up: (v: string) => String(v).toUpperCase() };
  const bodies: any[] = [];
  const reports: Report[] = [];
  const post = async (_u: string, body: string) => {
    bodies.push(JSON.parse(body));
    return new Response('{"plan":{"callbacks":[],"props":[]}}\n{"done":{"seq":1}}\n', { status: 200 });
  };
  const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });
  const store = new Store(c("Div", { id: "p", children: [c("Input", { id: "in", value: "a" }), c("Div", { id: "mid" }), c("Div", { id: "out" })] }));
  const runtime = new Runtime(store, compileGraph(graph), { eventUrl: "/e", post, hooks: { busy() {}, ready() {}, report: (r) => reports.push(r) } });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ done: { seq: 0 } });
  runtime.userChange("in", { value: "abc" });
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  assert.equal(store.value("mid.children"), "ABC");
  assert.equal(bodies.length, 1);
  assert.deepEqual(bodies[0].changed, { "mid.children": "ABC" }, "in.value triggers only the local callback: not sent");
  assert.deepEqual(bodies[0].ran, [0]);
  assert.deepEqual(reports, []);
});

// a.value -> (cb 0, server) s.children -> (cb 1, clientside, handed over) c.children; (cb 2) reads both
const chain: RawGraph = {
  props: ["a.value", "s.children", "c.children", "d.children"],
  triggers: { "a.value": [0], "s.children": [1, 2], "c.children": [2] },
  callbacks: [
    { values: [0, 1, 2], ids: ["a", "s", "c", "d"], writes: [1, 2, 3] },
    { values: [1, 2], ids: ["s", "c", "d"], writes: [2, 3] },
    { values: [1, 2], ids: ["s", "c", "d"], writes: [3] },
  ],
  clientside: {
    callbacks: { "1": { ns: "rt", fn: "plus", inputs: ["s.children"], states: [], outputs: ["c.children"], single: true, local: false, name: "plus" } },
    order: [],
  },
};

test("a client line runs at once; its outputs and the callbacks deferred behind it go in one follow-up", async () => {
  let release!: () => void;
  (dashClientside() as any).rt = { plus: (s: string) => new Promise((r) => (release = () => r(s + "+"))) };
  const requests: { body: any; send(l: unknown): void; close(): void }[] = [];
  const encoder = new TextEncoder();
  const post = async (_u: string, body: string) => {
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
    requests.push({ body: JSON.parse(body), send: (l) => ctrl.enqueue(encoder.encode(JSON.stringify(l) + "\n")), close: () => ctrl.close() });
    return new Response(stream, { status: 200 });
  };
  const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });
  const store = new Store(c("Div", { id: "p", children: ["a", "s", "c", "d"].map((id) => c("Div", { id })) }));
  const runtime = new Runtime(store, compileGraph(chain), { eventUrl: "/e", post, hooks: { busy() {}, ready() {}, report() {} } });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ done: { seq: 0 } });
  const tick = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0)); };
  runtime.userChange("a", { value: 1 });
  await tick();
  assert.equal(requests.length, 1);
  const first = requests[0];
  first.send({ plan: { callbacks: [0, 1, 2], props: ["s.children", "c.children", "d.children"] } });
  first.send({ result: { cb: 0, outputs: { "s.children": "S" }, reads: ["a.value"], triggered: ["a.value"] } });
  first.send({ client: { cb: 1, triggered: ["s.children"], inputs: ["s.children"], states: [], outputs: ["c.children"] } });
  first.send({ deferred: { cb: 2, triggered: ["s.children"] } });
  first.send({ done: { seq: 1 } });
  first.close();
  await tick();
  assert.equal(requests.length, 1, "the follow-up waits for the clientside function's Promise");
  assert.equal(runtime.busy, true);
  release();
  await tick();
  assert.equal(store.value("c.children"), "S+");
  assert.equal(requests.length, 2);
  assert.deepEqual(requests[1].body.changed, { "c.children": "S+" });
  assert.deepEqual(requests[1].body.run, [{ cb: 2, triggered: ["s.children"] }]);
  assert.deepEqual(requests[1].body.ran, [1]);
});
