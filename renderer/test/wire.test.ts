import { test } from "node:test";
import assert from "node:assert/strict";
import { FrameReader, readFrames, type Frame } from "../src/wire";

const bytes = (s: string) => new TextEncoder().encode(s);
const lines = (frames: Frame[]) => frames.map((f) => ("line" in f ? f.line : f));

/** Feed `body` in chunks of `size` bytes; every frame read. */
function readInChunks(body: Uint8Array, size: number): Frame[] {
  const r = new FrameReader();
  const out: Frame[] = [];
  for (let i = 0; i < body.length; i += size) out.push(...r.push(body.subarray(i, i + size)));
  return [...out, ...r.end()];
}

test("lines split across chunks join; blank lines are skipped", () => {
  const r = new FrameReader();
  assert.deepEqual(r.push(bytes('{"a":')), []);
  assert.deepEqual(lines(r.push(bytes('1}\n\n{"b"'))), [{ a: 1 }]);
  assert.deepEqual(lines(r.push(bytes(':2}\n {"c":3}\n  \n'))), [{ b: 2 }, { c: 3 }]);
  assert.deepEqual(r.end(), []);
});

test("a last line without a newline comes out at the end", () => {
  const r = new FrameReader();
  assert.deepEqual(r.push(bytes('{"done":{}}')), []);
  assert.deepEqual(lines(r.end()), [{ done: {} }]);
});

test("an unreadable line is reported with its text, and the next line still reads", () => {
  const out = readInChunks(bytes('{"a":1}\nnot json\n{"b":2}\n'), 1000);
  assert.deepEqual(out, [{ line: { a: 1 } }, { bad: "unreadable stream line", text: "not json" }, { line: { b: 2 } }]);
});

test("readFrames decodes UTF-8 split inside a character", async () => {
  const data = bytes('{"t":"héllo ✓"}\n{"u":1}');
  const cut = 7; // inside the two bytes of é
  const body = new ReadableStream<Uint8Array>({
    start(ctrl) {
      ctrl.enqueue(data.slice(0, cut));
      ctrl.enqueue(data.slice(cut));
      ctrl.close();
    },
  });
  const frames: Frame[] = [];
  await readFrames(body, (f) => frames.push(f));
  assert.deepEqual(lines(frames), [{ t: "héllo ✓" }, { u: 1 }]);
});

test("a long line in many chunks comes out whole, and several lines in one chunk come out in order", () => {
  const long = "é✓x".repeat(4_000); // multi-byte characters cut anywhere by the chunks
  const out = readInChunks(bytes(JSON.stringify({ s: long }) + '\n\n{"a":1}\n{"b":2}'), 61);
  assert.deepEqual(lines(out), [{ s: long }, { a: 1 }, { b: 2 }]);
});

// A result line with two long strings sent raw, as the server writes it (docs/protocol.md).
const first = "line one\nline two {\"not\": \"json\"}\n" + "é✓".repeat(3_000);
const second = "x".repeat(5_000);
const rawBody = () => {
  const enc = new TextEncoder();
  const a = enc.encode(first), b = enc.encode(second);
  const head = { result: { cb: 0, outputs: { "a.children": null, "n.value": 3, "b.children": null }, raw: { "a.children": a.length, "b.children": b.length } } };
  const parts = [enc.encode(JSON.stringify(head) + "\n"), a, enc.encode("\n"), b, enc.encode('\n{"done":{"seq":1}}\n')];
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return all;
};

test("raw texts after a line fill its outputs, whatever the chunks (newlines inside the text included)", () => {
  const body = rawBody();
  for (const size of [1, 2, 3, 7, 64, 1000, body.length]) {
    const out = readInChunks(body, size);
    assert.deepEqual(lines(out), [
      { result: { cb: 0, outputs: { "a.children": first, "n.value": 3, "b.children": second } } },
      { done: { seq: 1 } },
    ], `chunks of ${size}`);
  }
});

test("a line comes out only once its raw texts are all read", () => {
  const body = rawBody();
  const r = new FrameReader();
  const cut = body.indexOf(10) + 10; // the line and a little of its first text
  assert.deepEqual(r.push(body.subarray(0, cut)), []);
  assert.equal(lines(r.push(body.subarray(cut))).length, 2);
});

test("a body that ends inside a raw text is reported, naming the output", () => {
  const body = rawBody();
  const out = readInChunks(body.subarray(0, body.indexOf(10) + 100), 50);
  assert.deepEqual(out, [{ bad: "the response ended inside the raw text of 'a.children'", text: "" }]);
});

test("bad raw sizes are reported, and the next line still reads", () => {
  for (const size of ["-1", "0", "1.5", '"3"']) {
    const out = readInChunks(bytes(`{"result":{"outputs":{},"raw":{"a":${size}}}}\n{"b":1}\n`), 1000);
    assert.deepEqual(out[0], { bad: "a stream line's raw sizes must be byte counts", text: `{"result":{"outputs":{},"raw":{"a":${size}}}}` });
    assert.deepEqual(out[1], { line: { b: 1 } });
  }
});
