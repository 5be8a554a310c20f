import { test } from "node:test";
import assert from "node:assert/strict";
import { parseLine, Stream } from "../src/stream";

test("each line kind parses into its tagged form", () => {
  assert.deepEqual(parseLine({ plan: { callbacks: [0, 2], props: ["a.b"] } }), { kind: "plan", callbacks: [0, 2], props: ["a.b"] });
  assert.deepEqual(parseLine({ result: { cb: 1, outputs: { "o.c": 1 }, reads: ["i.v"], triggered: ["i.v"] } }), {
    kind: "result", cb: 1, outputs: { "o.c": 1 }, patches: {}, reads: ["i.v"], triggered: ["i.v"],
  });
  const ops = [["append", [], 1]];
  assert.deepEqual(parseLine({ result: { cb: 1, outputs: {}, patches: { "l.children": ops }, reads: [], triggered: [], ms: 1.25 } }), {
    kind: "result", cb: 1, outputs: {}, patches: { "l.children": ops }, reads: [], triggered: [], ms: 1.25,
  });
  assert.deepEqual(parseLine({ start: { cb: 4 } }), { kind: "start", cb: 4 });
  assert.deepEqual(parseLine({ cookies: { token: "abc" } }), { kind: "cookies", token: "abc" });
  assert.equal(typeof parseLine({ cookies: ["a=1; Path=/"] }), "string", "cookies travel sealed, never as plain values");
  assert.deepEqual(parseLine({ skip: { cb: 1, reason: "PreventUpdate" } }), { kind: "skip", cb: 1, reason: "PreventUpdate" });
  assert.deepEqual(parseLine({ error: { cb: 1, message: "m" } }), { kind: "error", cb: 1, message: "m", traceback: "" });
  assert.deepEqual(parseLine({ deferred: { cb: 3, triggered: ["a.children"] } }), { kind: "deferred", cb: 3, triggered: ["a.children"] });
  assert.deepEqual(parseLine({ done: { seq: 7 } }), { kind: "done", seq: 7 });
});

test("malformed lines are described, not thrown", () => {
  assert.equal(typeof parseLine(null), "string");
  assert.equal(typeof parseLine({ result: { cb: "x", outputs: {} } }), "string");
  assert.equal(typeof parseLine({ result: { cb: 1 } }), "string");
  assert.equal(typeof parseLine({ plan: { callbacks: [0], props: [1] } }), "string");
  assert.equal(typeof parseLine({}), "string");
  assert.equal(typeof parseLine({ result: { cb: 1, outputs: {}, patches: { "a.b": "append" } } }), "string");
  assert.equal(typeof parseLine({ cookies: "a=1" }), "string");
  assert.equal(typeof parseLine({ start: {} }), "string");
});

test("a line kind from a newer server is told apart, not an error", () => {
  assert.deepEqual(parseLine({ bogus: {} }), { kind: "unknown", name: "bogus" });
  assert.deepEqual(parseLine({ heartbeat: 3 }), { kind: "unknown", name: "heartbeat" });
});

test("a stream's pending props are its callbacks' writes until its plan arrives", () => {
  const s = new Stream(1, 0, ["a.b", "c.d"]);
  assert.deepEqual(s.props, ["a.b", "c.d"]);
  s.setPlan([0], ["a.b"]);
  assert.deepEqual(s.props, ["a.b"]);
});

test("a stream's plan shrinks as its callbacks report", () => {
  const s = new Stream(1, 0);
  assert.equal(s.plan, null);
  s.setPlan([0, 1], ["x.y"]);
  s.finished(0);
  assert.deepEqual([...s.plan!], [1]);
  assert.deepEqual(s.props, ["x.y"]);
});
