import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_DEFERRALS, RerunList } from "../src/rerun";

test("entries merge their triggers; take returns the ready ones and removes them", () => {
  const list = new RerunList();
  list.add(2, ["a.value"], 1);
  list.add(2, ["b.value", "a.value"], 3);
  list.add(1, [], 1);
  const ready = list.take(() => false);
  assert.deepEqual(ready.map((e) => [e.cb, e.triggered, e.seq]), [[1, [], 1], [2, ["a.value", "b.value"], 3]]);
  assert.equal(list.size, 0);
});

test("a callback still planned by a running stream waits", () => {
  const list = new RerunList();
  list.add(4, [], 1);
  assert.deepEqual(list.take((cb) => cb === 4), []);
  assert.equal(list.take(() => false).length, 1);
});

test("a valid result from a newer stream settles the entry; from the same or older, not", () => {
  const list = new RerunList();
  list.add(4, [], 2);
  list.settle(4, 2);
  assert.ok(list.has(4));
  list.settle(4, 1);
  assert.ok(list.has(4));
  list.settle(4, 3);
  assert.ok(!list.has(4));
});

test("a deferred entry waits until the streams it is behind have ended", () => {
  const list = new RerunList();
  list.add(5, ["x.children"], 2, [1, 2]);
  assert.deepEqual(list.take(() => false), []);
  list.ended(2);
  assert.deepEqual(list.take(() => false), []);
  list.ended(1);
  assert.deepEqual(list.take(() => false).map((e) => e.cb), [5]);
});

test("a callback deferred over and over is given up on; a run resets the count", () => {
  const list = new RerunList();
  for (let i = 0; i < MAX_DEFERRALS; i++) {
    assert.equal(list.add(1, [], i, []), true);
    list.take(() => false);
  }
  assert.equal(list.add(1, [], 99, []), false);
  assert.ok(!list.has(1));
  list.ran(1);
  assert.equal(list.add(1, [], 100, []), true);
});

test("a side event's deferral is answered by a result, of any stream, that read its triggers at those versions or newer", () => {
  const list = new RerunList();
  list.add(5, ["x.children"], 2, [1, 2], new Map([["x.children", 7]]));
  list.settle(5, 1, [["x.children", 6]]); // read an older value: the trigger is still to be answered
  assert.ok(list.has(5));
  list.settle(5, 1, [["x.children", 9]]); // the older stream ran it after the side update
  assert.ok(!list.has(5));
  list.add(5, ["x.children"], 3, [3], new Map([["x.children", 9]])); // answered already: not listed
  assert.ok(!list.has(5));
  list.add(5, ["x.children"], 4, [4], new Map([["x.children", 10]]));
  assert.ok(list.has(5));
});

test("an entry a stale result listed is not answered that way, even merged with a side event's deferral", () => {
  const list = new RerunList();
  list.add(6, ["y.value"], 2);
  list.add(6, ["y.value"], 3, [3], new Map([["y.value", 4]]));
  list.settle(6, 1, [["y.value", 8]]);
  assert.ok(list.has(6));
});
