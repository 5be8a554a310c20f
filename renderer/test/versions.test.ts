import { test } from "node:test";
import assert from "node:assert/strict";
import { Expectations } from "../src/versions";

const versions = (v: Record<string, number>) => (k: string) => v[k] ?? 0;

test("reads no newer than the stream's start apply", () => {
  const e = new Expectations(5);
  assert.equal(e.judge(["a", "b"], versions({ a: 5, b: 2 })), "apply");
});

test("a read changed since the event was sent makes the result stale", () => {
  const e = new Expectations(5);
  assert.equal(e.judge(["a", "b"], versions({ a: 6 })), "stale");
});

test("the stream's own writes become its expectation", () => {
  const e = new Expectations(5);
  e.expect("out", 9);
  assert.equal(e.judge(["out"], versions({ out: 9 })), "apply");
  assert.equal(e.judge(["out"], versions({ out: 10 })), "stale", "changed again after the stream wrote it");
});

test("a dropped output taints: results reading it are dropped silently, even if also stale", () => {
  const e = new Expectations(5);
  e.taint("mid");
  assert.equal(e.judge(["mid"], versions({})), "tainted");
  assert.equal(e.judge(["x", "mid"], versions({ x: 99 })), "tainted");
  e.expect("mid", 7);
  assert.equal(e.judge(["mid"], versions({ mid: 7 })), "apply", "a later valid write clears the taint");
});

test("no reads: applies", () => {
  assert.equal(new Expectations(0).judge([], versions({})), "apply");
});
