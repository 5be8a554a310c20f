import { test } from "node:test";
import assert from "node:assert/strict";
import { LineSplitter, readLines } from "../src/ndjson";

const bytes = (s: string) => new TextEncoder().encode(s);

test("lines split across chunks join; blank lines are skipped", () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push(bytes('{"a":')), []);
  assert.deepEqual(s.push(bytes('1}\n\n{"b"')), ['{"a":1}']);
  assert.deepEqual(s.push(bytes(":2}\n {\"c\":3}\n  \n")), ['{"b":2}', ' {"c":3}']);
  assert.deepEqual(s.end(), []);
});

test("a last line without a newline comes out at the end", () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push(bytes('{"done":{}}')), []);
  assert.deepEqual(s.end(), ['{"done":{}}']);
});

test("readLines decodes UTF-8 split inside a character", async () => {
  const bytes = new TextEncoder().encode('{"t":"héllo ✓"}\n{"u":1}');
  const cut = 7; // inside the two bytes of é
  const body = new ReadableStream<Uint8Array>({
    start(ctrl) {
      ctrl.enqueue(bytes.slice(0, cut));
      ctrl.enqueue(bytes.slice(cut));
      ctrl.close();
    },
  });
  const lines: string[] = [];
  await readLines(body, (l) => lines.push(l));
  assert.deepEqual(lines.map((l) => JSON.parse(l)), [{ t: "héllo ✓" }, { u: 1 }]);
});

test("a long line in many chunks comes out whole, and several lines in one chunk come out in order", () => {
  const s = new LineSplitter();
  const long = bytes("é✓x".repeat(4_000)); // multi-byte characters cut anywhere by the chunks
  const out: string[] = [];
  for (let i = 0; i < long.length; i += 61) out.push(...s.push(long.subarray(i, i + 61)));
  out.push(...s.push(bytes("\n\n a \nb")));
  assert.deepEqual(out, ["é✓x".repeat(4_000), " a "]);
  assert.deepEqual(s.end(), ["b"]);
});
