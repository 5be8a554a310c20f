import { test } from "node:test";
import assert from "node:assert/strict";
import { compileGraph, type RawGraph } from "../src/events";
import { Runtime, type Report } from "../src/runtime";
import { Store } from "../src/store";

const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

interface Request {
  body: any;
  send(line: unknown): void;
  close(): void;
}

/** A runtime over a small page, with a fake server whose responses the test writes line by line. */
function setup(raw: RawGraph, layout: unknown, options: { status?: number } = {}) {
  const requests: Request[] = [];
  const busy: boolean[] = [];
  const reports: Report[] = [];
  let ready = 0;
  const encoder = new TextEncoder();
  const post = async (_url: string, body: string) => {
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) });
    requests.push({
      body: JSON.parse(body),
      send: (line) => ctrl.enqueue(encoder.encode(JSON.stringify(line) + "\n")),
      close: () => ctrl.close(),
    });
    if (options.status) return new Response(JSON.stringify({ error: "bad event" }), { status: options.status });
    return new Response(stream, { status: 200, headers: { "Content-Type": "application/x-ndjson" } });
  };
  const store = new Store(layout);
  const runtime = new Runtime(store, compileGraph(raw), {
    eventUrl: "/_propwire/event",
    post,
    hooks: { busy: (on) => busy.push(on), ready: () => ready++, report: (r) => reports.push(r) },
  });
  return { runtime, store, requests, busy, reports, ready: () => ready };
}

/** inp.value -> (cb 0) mid.children -> (cb 1) out.children; btn.n_clicks -> (cb 2) out.title. */
const chain: RawGraph = {
  props: ["inp.value", "mid.children", "out.children", "btn.n_clicks", "out.title"],
  triggers: { "inp.value": [0], "mid.children": [1], "btn.n_clicks": [2] },
  callbacks: [
    { values: [0, 1], ids: ["inp", "mid", "out"] },
    { values: [1], ids: ["mid", "out"] },
    { values: [3], ids: ["btn", "out"] },
  ],
};
const chainPage = () =>
  c("Div", { id: "page", children: [c("Input", { id: "inp", value: "a" }), c("Div", { id: "mid" }), c("Div", { id: "out" }), c("Button", { id: "btn" })] });

function finishPage(s: ReturnType<typeof setup>) {
  s.runtime.pageLine({ plan: { callbacks: [], props: [] } });
  s.runtime.pageLine({ done: { seq: 0 } });
}

test("page load: lines apply like a stream; ready once it and its follow-ups are done", async () => {
  const s = setup(chain, chainPage());
  assert.deepEqual(s.busy, [true]);
  s.runtime.pageLine({ plan: { callbacks: [0, 1], props: ["mid.children", "out.children"] } });
  s.runtime.pageLine({ result: { cb: 0, outputs: { "mid.children": "A" }, reads: ["inp.value", "mid.children"], triggered: [] } });
  s.runtime.pageLine(JSON.stringify({ result: { cb: 1, outputs: { "out.children": "AA" }, reads: ["mid.children"], triggered: ["mid.children"] } }));
  assert.equal(s.store.value("out.children"), "AA", "a result read from a value the same stream wrote applies");
  s.runtime.pageLine({ deferred: { cb: 2, triggered: [] } });
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.equal(s.ready(), 0, "the deferred callback's follow-up is still to come");
  assert.equal(s.requests.length, 1);
  assert.deepEqual(s.requests[0].body.run, [{ cb: 2, triggered: [] }]);
  assert.deepEqual(s.requests[0].body.changed, {});
  s.requests[0].send({ plan: { callbacks: [2], props: ["out.title"] } });
  s.requests[0].send({ result: { cb: 2, outputs: { "out.title": "t" }, reads: ["btn.n_clicks"], triggered: [] } });
  s.requests[0].send({ done: { seq: 1 } });
  s.requests[0].close();
  await settle();
  assert.equal(s.store.value("out.title"), "t");
  assert.equal(s.ready(), 1);
  assert.equal(s.busy.at(-1), false);
});

test("one tick of user changes is one event; non-triggering changes send nothing", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  s.runtime.userChange("out", { title: "local only" });
  await settle();
  assert.equal(s.requests.length, 0);
  s.runtime.userChange("inp", { value: "b" });
  s.runtime.userChange("btn", { n_clicks: 1, n_clicks_timestamp: 5 });
  assert.equal(s.busy.at(-1), true, "busy as soon as an event is coming");
  await settle();
  assert.equal(s.requests.length, 1);
  const body = s.requests[0].body;
  assert.deepEqual(body.changed, { "inp.value": "b", "btn.n_clicks": 1 });
  assert.deepEqual(body.values, { "inp.value": "b", "btn.n_clicks": 1 });
  assert.deepEqual(body.present.out, ["page.children"]);
  assert.equal(body.seq, 1);
});

test("a user change equal to the held value is dropped, as Dash's setProps drops it", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  s.runtime.userChange("inp", { value: "a" }); // what the input holds already
  await settle();
  assert.equal(s.requests.length, 0, "no event for a prop set to its own value");
  s.runtime.userChange("mid", { children: [{ n: 1, tags: ["x"] }] });
  await settle();
  assert.equal(s.requests.length, 1);
  s.runtime.userChange("mid", { children: [{ tags: ["x"], n: 1 }] }); // a new object, the same JSON
  s.runtime.userChange("inp", { value: "a" });
  await settle();
  assert.equal(s.requests.length, 1, "deep-equal values (key order aside) are no change either");
  s.runtime.userChange("mid", { children: [{ n: 1, tags: ["y"] }] });
  await settle();
  assert.equal(s.requests.length, 2, "a different value is a change");
});

test("a result whose reads changed since sending is dropped; results computed from it are dropped silently", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  const first = s.requests[0];
  first.send({ plan: { callbacks: [0, 1], props: ["mid.children", "out.children"] } });
  await settle();
  // The user types again while the first chain runs.
  s.runtime.userChange("inp", { value: "bc" });
  await settle();
  const second = s.requests[1];
  assert.deepEqual(second.body.pending, ["mid.children", "out.children"]);
  second.send({ plan: { callbacks: [0, 1], props: ["mid.children", "out.children"] } });
  first.send({ result: { cb: 0, outputs: { "mid.children": "B" }, reads: ["inp.value"], triggered: ["inp.value"] } });
  first.send({ result: { cb: 1, outputs: { "out.children": "BB" }, reads: ["mid.children"], triggered: ["mid.children"] } });
  first.send({ done: { seq: 1 } });
  first.close();
  await settle();
  assert.equal(s.store.value("mid.children"), undefined, "stale result not applied");
  assert.equal(s.store.value("out.children"), undefined, "tainted result not applied");
  assert.equal(s.requests.length, 2, "cb 0 is still planned by the newer stream: no follow-up");
  second.send({ result: { cb: 0, outputs: { "mid.children": "BC" }, reads: ["inp.value"], triggered: ["inp.value"] } });
  second.send({ result: { cb: 1, outputs: { "out.children": "BCBC" }, reads: ["mid.children"], triggered: ["mid.children"] } });
  second.send({ done: { seq: 2 } });
  second.close();
  await settle();
  assert.equal(s.store.value("out.children"), "BCBC");
  assert.equal(s.requests.length, 2, "the newer stream's valid result settled the re-run");
  assert.equal(s.busy.at(-1), false);
});

test("a stale result not covered by a running stream is asked for again, with its triggers", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const first = s.requests[0];
  first.send({ plan: { callbacks: [2], props: ["out.title"] } });
  await settle();
  // A non-triggering change of a prop cb 2 read: bumps its version, sends nothing.
  s.store.setProp("btn", "n_clicks", 2);
  first.send({ result: { cb: 2, outputs: { "out.title": "1" }, reads: ["btn.n_clicks"], triggered: ["btn.n_clicks"] } });
  await settle();
  assert.equal(s.store.value("out.title"), undefined);
  assert.equal(s.requests.length, 2, "sent as soon as the result is dropped");
  assert.deepEqual(s.requests[1].body.run, [{ cb: 2, triggered: ["btn.n_clicks"] }]);
  assert.deepEqual(s.requests[1].body.values, { "btn.n_clicks": 2 });
  assert.deepEqual(s.requests[1].body.pending, ["out.title"]);
});

test("clicks answered out of order: the older, slower result is dropped and not asked for again", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  for (const n of [1, 2, 3]) {
    s.runtime.userChange("btn", { n_clicks: n });
    await settle();
    s.requests[n - 1].send({ plan: { callbacks: [2], props: ["out.title"] } });
  }
  await settle();
  const result = (n: number) => ({ result: { cb: 2, outputs: { "out.title": `${n}` }, reads: ["btn.n_clicks"], triggered: ["btn.n_clicks"] } });
  const answer = (n: number) => {
    s.requests[n - 1].send(result(n));
    s.requests[n - 1].send({ done: { seq: n } });
    s.requests[n - 1].close();
  };
  answer(3);
  await settle();
  assert.equal(s.store.value("out.title"), "3");
  answer(2);
  answer(1);
  await settle();
  assert.equal(s.store.value("out.title"), "3", "never goes back to an older click");
  assert.equal(s.requests.length, 3, "one call per click: no re-run of the newest click's call");
  assert.equal(s.busy.at(-1), false);
});

test("a stale result is asked for again when the prop it read changed after the newer result too", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  for (const n of [1, 2]) {
    s.runtime.userChange("btn", { n_clicks: n });
    await settle();
    s.requests[n - 1].send({ plan: { callbacks: [2], props: ["out.title"] } });
  }
  await settle();
  const result = (n: number) => ({ result: { cb: 2, outputs: { "out.title": `${n}` }, reads: ["btn.n_clicks"], triggered: ["btn.n_clicks"] } });
  s.requests[1].send(result(2));
  await settle();
  s.store.setProp("btn", "n_clicks", 5); // changed again without an event (as a State would be)
  s.requests[0].send(result(1));
  await settle();
  assert.equal(s.requests.length, 3, "the newer result read an older value: asked for again");
  assert.deepEqual(s.requests[2].body.run, [{ cb: 2, triggered: ["btn.n_clicks"] }]);
});

test("a deferred callback waits for the older stream it waits on", async () => {
  const s = setup(chain, chainPage());
  finishPage(s);
  s.runtime.userChange("inp", { value: "slow" });
  await settle();
  const slow = s.requests[0];
  slow.send({ plan: { callbacks: [0, 1], props: ["mid.children", "out.children"] } });
  await settle();
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const fast = s.requests[1];
  fast.send({ plan: { callbacks: [2], props: ["out.title"] } });
  fast.send({ deferred: { cb: 2, triggered: ["btn.n_clicks"] } });
  fast.send({ done: { seq: 2 } });
  fast.close();
  await settle();
  assert.equal(s.requests.length, 2, "still waiting on the slow stream");
  slow.send({ result: { cb: 0, outputs: { "mid.children": "S" }, reads: ["inp.value"], triggered: ["inp.value"] } });
  slow.send({ done: { seq: 1 } });
  slow.close();
  await settle();
  assert.equal(s.requests.length, 3);
  assert.deepEqual(s.requests[2].body.run, [{ cb: 2, triggered: ["btn.n_clicks"] }]);
  assert.equal(s.store.value("mid.children"), "S");
});

test("components inserted by a result are expected by its stream; their values go out in later events", async () => {
  const raw: RawGraph = {
    props: ["btn.n_clicks", "box.children", "new.value", "label.children"],
    triggers: { "btn.n_clicks": [0], "new.value": [1] },
    callbacks: [{ values: [0, 2], ids: ["btn", "box", "new", "label"] }, { values: [2], ids: ["new", "label"] }],
  };
  const s = setup(raw, c("Div", { id: "page", children: [c("Button", { id: "btn" }), c("Div", { id: "box" })] }));
  finishPage(s);
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const r = s.requests[0];
  r.send({ plan: { callbacks: [0, 1], props: ["box.children", "label.children"] } });
  r.send({ result: { cb: 0, outputs: { "box.children": [c("Input", { id: "new", value: 5 }), c("Span", { id: "label" })] }, reads: ["btn.n_clicks"], triggered: [] } });
  r.send({ result: { cb: 1, outputs: { "label.children": "5" }, reads: ["new.value"], triggered: [] } });
  r.send({ done: { seq: 1 } });
  r.close();
  await settle();
  assert.deepEqual(s.store.entry("new")!.ancestry, ["page.children", "box.children"]);
  assert.equal(s.store.value("label.children"), "5");
  s.runtime.userChange("new", { value: 6 });
  await settle();
  assert.deepEqual(s.requests[1].body.values, { "new.value": 6 });
  assert.deepEqual(s.requests[1].body.present, { new: ["page.children", "box.children"], label: ["page.children", "box.children"] });
});

test("errors are reported with their traceback; the app keeps going", async () => {
  const s = setup(chain, chainPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["mid.children"] } });
  s.runtime.pageLine({ error: { cb: 0, message: "boom", traceback: "Traceback..." } });
  s.runtime.pageLine({ result: { cb: "x" } });
  s.runtime.pageLine("not json");
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.equal(s.reports.length, 3);
  assert.equal(s.reports[0].message, "boom");
  assert.equal(s.reports[0].traceback, "Traceback...");
  assert.equal(s.ready(), 1);
});

test("a rejected event reports the server's error and ends its stream", async () => {
  const s = setup(chain, chainPage(), { status: 400 });
  finishPage(s);
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  assert.equal(s.reports.length, 1);
  assert.match(s.reports[0].title, /HTTP 400/);
  assert.equal(s.reports[0].message, "bad event");
  assert.equal(s.runtime.busy, false);
  assert.equal(s.busy.at(-1), false);
});

test("lines after done are ignored", async () => {
  const s = setup(chain, chainPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["mid.children"] } });
  s.runtime.pageLine({ done: { seq: 0 } });
  s.runtime.pageLine({ result: { cb: 0, outputs: { "mid.children": "late" }, reads: [], triggered: [] } });
  assert.equal(s.store.value("mid.children"), undefined);
});

test("a page whose HTML ends without done still ends its stream, and says so", () => {
  const s = setup(chain, chainPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["mid.children"] } });
  s.runtime.pageEnded();
  assert.equal(s.reports.length, 1);
  assert.equal(s.ready(), 1);
  s.runtime.pageEnded();
  assert.equal(s.reports.length, 1, "a finished page stream is left alone");
});

function setupWith(raw: RawGraph, layout: unknown) {
  return setup(raw, layout);
}

test("a user change to a dict-id component triggers the pattern callbacks it fits", async () => {
  const ALL = '{"index":["ALL"],"type":"item"}';
  const raw: RawGraph = {
    props: [ALL + ".value", "total.children"],
    triggers: { [ALL + ".value"]: [0] },
    callbacks: [{ values: [0], ids: ["total", ALL], writes: [1] }],
  };
  const item = (index: number, value: string) => c("Input", { id: { index, type: "item" }, value });
  const s = setup(raw, c("Div", { id: "page", children: [item(2, "b"), item(1, "a"), c("Div", { id: "total" })] }));
  finishPage(s);
  s.runtime.userChange('{"index":1,"type":"item"}', { value: "A" });
  await settle();
  assert.equal(s.requests.length, 1);
  const body = s.requests[0].body;
  assert.deepEqual(body.changed, { '{"index":1,"type":"item"}.value': "A" });
  assert.deepEqual(Object.entries(body.values), [['{"index":2,"type":"item"}.value', "b"], ['{"index":1,"type":"item"}.value', "A"]]);
  assert.deepEqual(Object.keys(body.present), ["total", '{"index":2,"type":"item"}', '{"index":1,"type":"item"}']);
  assert.deepEqual(body.pending, []);
  s.runtime.userChange('{"index":1,"type":"item"}', { title: "no trigger" });
  await settle();
  assert.equal(s.requests.length, 1);
});

test("pending: the asked callbacks' writes until a stream's plan arrives, then its plan", async () => {
  const s = setup({ ...chain, callbacks: chain.callbacks.map((cb, i) => ({ ...cb, writes: [[1, 2], [2], [4]][i] })) }, chainPage());
  finishPage(s);
  s.runtime.userChange("inp", { value: "b" });
  await settle();
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  assert.deepEqual(s.requests[1].body.pending, ["mid.children", "out.children"]);
  s.requests[0].send({ plan: { callbacks: [0], props: ["mid.children"] } });
  s.requests[1].send({ plan: { callbacks: [2], props: ["out.title"] } });
  await settle();
  s.runtime.userChange("inp", { value: "c" });
  await settle();
  assert.deepEqual(s.requests[2].body.pending.sort(), ["mid.children", "out.title"]);
});

/** btn.n_clicks -> (cb 0) list.children and box.style, by Patch. */
const patching: RawGraph = {
  props: ["btn.n_clicks", "list.children", "box.style"],
  triggers: { "btn.n_clicks": [0] },
  callbacks: [{ values: [0], ids: ["btn", "list", "box"], writes: [1, 2] }],
};
const patchPage = () =>
  c("Div", {
    id: "page",
    children: [c("Button", { id: "btn" }), c("Ul", { id: "list", children: [c("Li", { children: "a" })] }), c("Div", { id: "box", style: { color: "red" } })],
  });

test("patches apply after outputs, to new objects, and are expected like outputs", async () => {
  const s = setup(patching, patchPage());
  finishPage(s);
  const before = s.store.value("list.children") as unknown[];
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const r = s.requests[0];
  r.send({ plan: { callbacks: [0], props: ["box.style", "list.children"] } });
  r.send({
    result: {
      cb: 0,
      outputs: { "box.style": { color: "blue" } },
      patches: { "list.children": [["append", [], c("Li", { id: "new", children: "b" })]], "box.style": [["assign", ["fontWeight"], "bold"]] },
      reads: ["btn.n_clicks"],
      triggered: ["btn.n_clicks"],
      ms: 3.5,
    },
  });
  r.send({ done: { seq: 1 } });
  r.close();
  await settle();
  assert.deepEqual(s.store.value("box.style"), { color: "blue", fontWeight: "bold" }, "the patch applies to the output");
  const after = s.store.value("list.children") as unknown[];
  assert.equal(after.length, 2);
  assert.notEqual(after, before, "a new list");
  assert.equal(before.length, 1, "the old one is untouched");
  assert.equal(after[0], before[0], "unchanged items are the same objects");
  assert.deepEqual(s.store.entry("new")!.ancestry, ["page.children", "list.children"]);
  assert.equal(s.reports.length, 0);
});

test("a stale result's patches are dropped and taint what reads them", async () => {
  const s = setup(patching, patchPage());
  finishPage(s);
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const r = s.requests[0];
  r.send({ plan: { callbacks: [0], props: ["list.children"] } });
  await settle();
  s.store.setProp("btn", "n_clicks", 5);
  r.send({ result: { cb: 0, outputs: {}, patches: { "list.children": [["clear", [], null]] }, reads: ["btn.n_clicks"], triggered: ["btn.n_clicks"] } });
  r.send({ result: { cb: 1, outputs: { "box.title": "x" }, reads: ["list.children"], triggered: [] } });
  await settle();
  assert.equal((s.store.value("list.children") as unknown[]).length, 1);
  assert.equal(s.store.value("box.title"), undefined);
  assert.deepEqual(s.requests[1].body.run, [{ cb: 0, triggered: ["btn.n_clicks"] }]);
});

test("a patch that does not fit the value is reported; the rest of the result applies", async () => {
  const s = setup(patching, patchPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["box.style"] } });
  s.runtime.pageLine({ result: { cb: 0, outputs: {}, patches: { "box.style": [["append", [], 1]], "list.children": [["clear", [], null]] }, reads: [], triggered: [] } });
  assert.equal(s.reports.length, 1);
  assert.match(s.reports[0].title, /box\.style/);
  assert.deepEqual(s.store.value("list.children"), []);
});

test("a patch for a prop the page has not set patches from nothing, as the server reads it (None)", async () => {
  const s = setup(patching, patchPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["box.style"] } });
  s.runtime.pageLine({ result: { cb: 0, outputs: {}, patches: { "list.title": [["add", [], 1]] }, reads: [], triggered: [] } });
  assert.equal(s.reports.length, 0);
  assert.equal(s.store.value("list.title"), 1);
});

/** btn.n_clicks -> (cb 0, running: btn.disabled true/false, status.children) out.children. */
const runningGraph: RawGraph = {
  props: ["btn.n_clicks", "out.children"],
  triggers: { "btn.n_clicks": [0] },
  callbacks: [
    {
      values: [0],
      ids: ["btn", "out"],
      writes: [1],
      running: [["btn.disabled", true, false], ["status.children", "working", "idle"], ['{"i":["MATCH"]}.x', 1, 0]],
    },
  ],
};
const runningPage = () => c("Div", { id: "page", children: [c("Button", { id: "btn" }), c("Div", { id: "out" }), c("Div", { id: "status" })] });

test("running props: set on start (no event), set back when the callback reports", async () => {
  const s = setup(runningGraph, runningPage());
  finishPage(s);
  s.runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  const r = s.requests[0];
  r.send({ plan: { callbacks: [0], props: ["out.children"] } });
  r.send({ start: { cb: 0 } });
  await settle();
  assert.equal(s.store.value("btn.disabled"), true);
  assert.equal(s.store.value("status.children"), "working");
  assert.equal(s.requests.length, 1, "not a user change: no event");
  r.send({ result: { cb: 0, outputs: { "out.children": "done", "status.children": "finished" }, reads: ["btn.n_clicks"], triggered: [] } });
  await settle();
  assert.equal(s.store.value("btn.disabled"), false);
  assert.equal(s.store.value("status.children"), "finished", "the result's own output wins over the running value");
  assert.equal(s.store.value("out.children"), "done");
  r.send({ done: { seq: 1 } });
  r.close();
  await settle();
  assert.equal(s.requests.length, 1);
});

test("running props are set back on skip and error, and when the stream ends without a word", async () => {
  for (const end of [{ skip: { cb: 0, reason: "PreventUpdate" } }, { error: { cb: 0, message: "x" } }, null]) {
    const s = setup(runningGraph, runningPage());
    finishPage(s);
    s.runtime.userChange("btn", { n_clicks: 1 });
    await settle();
    const r = s.requests[0];
    r.send({ plan: { callbacks: [0], props: ["out.children"] } });
    r.send({ start: { cb: 0 } });
    await settle();
    assert.equal(s.store.value("btn.disabled"), true);
    if (end) r.send(end);
    else r.close();
    await settle();
    assert.equal(s.store.value("btn.disabled"), false, JSON.stringify(end));
    assert.equal(s.store.value("status.children"), "idle");
  }
});

test("a cookies line's token is POSTed to the cookies URL at once; the page stays busy until it is answered", async () => {
  const s = setup(chain, chainPage());
  const asked: [string, unknown][] = [];
  let answer!: (r: Response) => void;
  (s.runtime as any).post = (url: string, body: string) => {
    asked.push([url, JSON.parse(body)]);
    return new Promise<Response>((resolve) => void (answer = resolve));
  };
  s.runtime.pageLine({ plan: { callbacks: [], props: [] } });
  s.runtime.pageLine({ cookies: { token: "sealed" } });
  s.runtime.pageLine({ done: { seq: 0 } });
  await settle();
  assert.deepEqual(asked, [["/_propwire/cookies", { seq: 0, token: "sealed" }]]);
  assert.equal(s.ready(), 0, "not ready before the cookies are set");
  assert.equal(s.runtime.busy, true);
  answer(new Response(null, { status: 204 }));
  await settle();
  assert.equal(s.runtime.busy, false);
  assert.equal(s.ready(), 1);
});

test("cookies lines are exchanged; unknown lines are skipped with one warning", async () => {
  const s = setupWith(chain, chainPage());
  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(" "));
  try {
    s.runtime.pageLine({ plan: { callbacks: [0], props: ["mid.children"] } });
    s.runtime.pageLine({ cookies: { token: "t" } });
    s.runtime.pageLine({ heartbeat: { cb: 0, value: 0.5 } });
    s.runtime.pageLine({ heartbeat: { cb: 0, value: 0.7 } });
    s.runtime.pageLine({ result: { cb: 0, outputs: { "mid.children": "A" }, reads: [], triggered: [], ms: 12.5 } });
    s.runtime.pageLine({ done: { seq: 0 } });
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(s.requests.map((r) => r.body), [{ seq: 0, token: "t" }]);
  assert.equal(warnings.length, 1);
  assert.match(String(warnings[0]), /heartbeat/);
  assert.equal(s.store.value("mid.children"), "A", "the stream went on");
  assert.equal(s.reports.length, 0);
  await settle(); // the cookies' exchange is answered
  assert.equal(s.ready(), 1);
});

test("running props of a callback with several instances are set back when the last one reports", async () => {
  const s = setup(runningGraph, runningPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["out.children"] } });
  s.runtime.pageLine({ start: { cb: 0 } });
  s.runtime.pageLine({ start: { cb: 0 } });
  s.runtime.pageLine({ skip: { cb: 0, reason: "PreventUpdate" } });
  assert.equal(s.store.value("btn.disabled"), true, "one instance still runs");
  s.runtime.pageLine({ result: { cb: 0, outputs: {}, reads: [], triggered: [] } });
  assert.equal(s.store.value("btn.disabled"), false);
  s.runtime.pageLine({ start: { cb: 1 } });
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.equal(s.reports.length, 0, "a start of a callback without running props is fine");
});

test("an answer with a Content-Length (the chain finished within the hold) applies like a stream", async () => {
  const bodies: string[] = [];
  const store = new Store(chainPage());
  const runtime = new Runtime(store, compileGraph(chain), {
    eventUrl: "/_propwire/event",
    post: async (_url, body) => {
      bodies.push(body);
      const text = [
        { plan: { callbacks: [2], props: ["out.title"] } },
        { result: { cb: 2, outputs: { "out.title": "clicked" }, reads: ["btn.n_clicks"], triggered: ["btn.n_clicks"] } },
        { done: { seq: 1 } },
      ].map((l) => JSON.stringify(l) + "\n").join("");
      return new Response(text, { status: 200, headers: { "Content-Length": String(new TextEncoder().encode(text).length) } });
    },
    hooks: { busy: () => {}, ready: () => {}, report: (r) => assert.fail(r.title) },
  });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ done: { seq: 0 } });
  runtime.userChange("btn", { n_clicks: 1 });
  await settle();
  assert.equal(bodies.length, 1);
  assert.equal(store.value("out.title"), "clicked");
  assert.equal(runtime.busy, false);
});

test("a change that triggers a callback is sent before its component re-renders; one that does not, re-renders at once", async () => {
  const order: string[] = [];
  const store = new Store(chainPage());
  const runtime = new Runtime(store, compileGraph(chain), {
    eventUrl: "/_propwire/event",
    post: async () => {
      order.push("sent");
      return new Response('{"done":{"seq":1}}\n', { status: 200 });
    },
    hooks: { busy: () => {}, ready: () => {}, report: (r) => assert.fail(r.title) },
  });
  runtime.pageLine({ plan: { callbacks: [], props: [] } });
  runtime.pageLine({ done: { seq: 0 } });
  store.subscribe("btn", () => order.push("btn told"));
  store.subscribe("out", () => order.push("out told"));
  runtime.userChange("btn", { n_clicks: 1 });
  assert.deepEqual(order, [], "held until the event is on its way");
  await settle();
  assert.deepEqual(order, ["sent", "btn told"]);
  runtime.userChange("out", { title: "no callback reads this" });
  assert.deepEqual(order, ["sent", "btn told", "out told"]);
});

const jobGraph: RawGraph = {
  props: ["go.n_clicks", "out.children", "stop.n_clicks"],
  triggers: { "go.n_clicks": [0] },
  callbacks: [{ values: [0], ids: ["go", "out"], writes: [1], running: [["go.disabled", true, false]], cancel: ["stop.n_clicks"] }],
};
const jobPage = () =>
  c("Div", { id: "page", children: [c("Button", { id: "go" }), c("Button", { id: "stop" }), c("Div", { id: "out" }), c("Div", { id: "bar" })] });

test("a background job's progress lines apply as they come; a cancel Input sends its id in an event of its own", async () => {
  const s = setup(jobGraph, jobPage());
  finishPage(s);
  s.runtime.userChange("go", { n_clicks: 1 });
  await settle();
  const run = s.requests[0];
  run.send({ plan: { callbacks: [0], props: ["out.children"] } });
  run.send({ start: { cb: 0 } });
  run.send({ job: { cb: 0, id: "abc123" } });
  run.send({ progress: { cb: 0, outputs: { "bar.children": "1/3" } } });
  await settle();
  assert.equal(s.store.value("bar.children"), "1/3", "applied before the result");
  run.send({ progress: { cb: 0, outputs: { "bar.children": "2/3" } } });
  await settle();
  assert.equal(s.store.value("bar.children"), "2/3");
  s.runtime.userChange("stop", { n_clicks: 1 }); // triggers no callback: only cancels
  await settle();
  assert.equal(s.requests.length, 2);
  assert.deepEqual(s.requests[1].body.cancel, ["abc123"]);
  assert.deepEqual(s.requests[1].body.changed, {});
  run.send({ skip: { cb: 0, reason: "cancelled" } });
  run.send({ done: { seq: 1 } });
  run.close();
  await settle();
  assert.equal(s.store.value("go.disabled"), false, "running props set back");
  assert.equal(s.reports.length, 0);
});

test("a newer run of a background callback carries the running job's id; a finished job's id is not sent", async () => {
  const s = setup(jobGraph, jobPage());
  finishPage(s);
  s.runtime.userChange("go", { n_clicks: 1 });
  await settle();
  const first = s.requests[0];
  first.send({ plan: { callbacks: [0], props: ["out.children"] } });
  first.send({ start: { cb: 0 } });
  first.send({ job: { cb: 0, id: "old1" } });
  await settle();
  s.runtime.userChange("go", { n_clicks: 2 });
  await settle();
  assert.deepEqual(s.requests[1].body.cancel, ["old1"], "the old job is stopped, not left to finish");
  const second = s.requests[1];
  second.send({ plan: { callbacks: [0], props: ["out.children"] } });
  second.send({ start: { cb: 0 } });
  second.send({ job: { cb: 0, id: "new2" } });
  second.send({ job: { cb: 0, id: "new2", ended: true } });
  second.send({ result: { cb: 0, outputs: { "out.children": "done 2" }, reads: [], triggered: [] } });
  second.send({ done: { seq: 2 } });
  second.close();
  first.send({ skip: { cb: 0, reason: "cancelled" } });
  first.send({ done: { seq: 1 } });
  first.close();
  await settle();
  s.runtime.userChange("go", { n_clicks: 3 });
  await settle();
  assert.equal(s.requests[2].body.cancel, undefined, "no job of it runs any more");
});

/** btn.n_clicks -> (cb 0, "fire") out.children; the page also has city-name. */
const named = (extra: Partial<RawGraph> = {}): RawGraph => ({
  props: ["btn.n_clicks", "out.children"],
  triggers: { "btn.n_clicks": [0] },
  callbacks: [{ name: "fire", values: [0], ids: ["btn", "out"], writes: [1] }],
  ...extra,
});
const namedPage = () =>
  c("Div", { id: "page", children: [c("Button", { id: "btn" }), c("Div", { id: "out" }), c("Div", { id: "city-name" })] });

test("reports name the callback by the graph's names; a graph without names leaves its number", async () => {
  const s = setup(named(), namedPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["out.children"] } });
  s.runtime.pageLine({ error: { cb: 0, message: "boom", traceback: "" } });
  s.runtime.pageLine({ result: { cb: 0, outputs: {}, patches: { "out.children": [["bogus", [], 1]] }, reads: [], triggered: [] } });
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.deepEqual(s.reports.map((r) => [r.title, r.cb]), [
    ["Callback 'fire' raised an error", 0],
    ["Callback 'fire': cannot apply its Patch to out.children", 0],
  ]);
  const bare = setup({ ...named(), callbacks: [{ values: [0], ids: ["btn", "out"] }] }, namedPage());
  bare.runtime.pageLine({ error: { cb: 0, message: "boom", traceback: "" } });
  assert.equal(bare.reports[0].title, "Callback 0 raised an error");
});

test("set_props to an id the page does not hold is reported with the page's closest id, as Dash reports it", async () => {
  const s = setup(named(), namedPage());
  s.runtime.pageLine({ plan: { callbacks: [0], props: ["out.children"] } });
  const outputs = { "out.children": "done", "cityname.children": "Oslo", "city-name.title": "t" };
  s.runtime.pageLine({ result: { cb: 0, outputs, side: ["cityname.children", "city-name.title"], reads: [], triggered: [] } });
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.equal(s.store.value("out.children"), "done");
  assert.equal(s.store.value("city-name.title"), "t", "a present id's set_props applies");
  assert.equal(s.reports.length, 1, JSON.stringify(s.reports));
  assert.equal(s.reports[0].title, "Callback 'fire': set_props names an id not in the page");
  assert.equal(s.reports[0].message, "set_props('cityname', ...) was ignored: no component of the page has that id; " +
    "did you mean 'city-name'? If it comes later, set Dash(suppress_callback_exceptions=True).");
  assert.equal(s.reports[0].cb, 0);
  const far = setup(named(), namedPage());
  far.runtime.pageLine({ result: { cb: 0, outputs: { "zzzzzz.children": 1 }, side: ["zzzzzz.children"], reads: [], triggered: [] } });
  assert.match(far.reports[0].message, /no component of the page has that id\. If it comes later/);
});

test("suppress_callback_exceptions: set_props to an absent id goes unreported, as in Dash", async () => {
  const s = setup(named({ suppress: true }), namedPage());
  s.runtime.pageLine({ result: { cb: 0, outputs: { "cityname.children": "Oslo" }, side: ["cityname.children"], reads: [], triggered: [] } });
  s.runtime.pageLine({ done: { seq: 0 } });
  assert.deepEqual(s.reports, []);
});

const matchGraph: RawGraph = {
  props: ['{"i":["MATCH"],"t":"go"}.n_clicks', '{"i":["MATCH"],"t":"out"}.children'],
  triggers: { '{"i":["MATCH"],"t":"go"}.n_clicks': [0] },
  callbacks: [{ values: [0], ids: ['{"i":["MATCH"],"t":"go"}', '{"i":["MATCH"],"t":"out"}'], writes: [1] }],
};
const matchPage = () =>
  c("Div", {
    id: "page",
    children: [1, 2].flatMap((i) => [c("Button", { id: { t: "go", i } }), c("Div", { id: { t: "out", i } })]),
  });

test("a pattern-matching background callback's newer run supersedes only its own instance's job, as Dash keys jobs by their outputs", async () => {
  const s = setup(matchGraph, matchPage());
  finishPage(s);
  s.runtime.userChange('{"i":1,"t":"go"}', { n_clicks: 1 });
  await settle();
  s.requests[0].send({ plan: { callbacks: [0], props: [] } });
  s.requests[0].send({ job: { cb: 0, id: "one1", match: { i: 1 } } });
  await settle();
  s.runtime.userChange('{"i":2,"t":"go"}', { n_clicks: 1 });
  await settle();
  assert.equal(s.requests[1].body.cancel, undefined, "instance 2's run leaves instance 1's job alone");
  s.requests[1].send({ plan: { callbacks: [0], props: [] } });
  s.requests[1].send({ job: { cb: 0, id: "two1", match: { i: 2 } } });
  await settle();
  s.runtime.userChange('{"i":1,"t":"go"}', { n_clicks: 2 });
  await settle();
  assert.deepEqual(s.requests[2].body.cancel, ["one1"], "instance 1's newer run stops its own older job only");
  s.requests[1].send({ job: { cb: 0, id: "two1", match: { i: 2 }, ended: true } });
  s.requests[1].send({ result: { cb: 0, outputs: { '{"i":2,"t":"out"}.children': "done" }, reads: [], triggered: [] } });
  await settle();
  s.runtime.userChange('{"i":2,"t":"go"}', { n_clicks: 2 });
  await settle();
  assert.equal(s.requests[3].body.cancel, undefined, "an ended job's id is forgotten though its stream is open");
});
