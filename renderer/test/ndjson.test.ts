import { test } from "node:test";
import assert from "node:assert/strict";
import { LineSplitter, readLines } from "../src/ndjson";

test("lines split across chunks join; blank lines are skipped", () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push('{"a":'), []);
  assert.deepEqual(s.push('1}\n\n{"b"'), ['{"a":1}']);
  assert.deepEqual(s.push(":2}\n{\"c\":3}\n"), ['{"b":2}', '{"c":3}']);
  assert.deepEqual(s.end(), []);
});

test("a last line without a newline comes out at the end", () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push('{"done":{}}'), []);
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
  const long = "x".repeat(10_000);
  const out: string[] = [];
  for (let i = 0; i < long.length; i += 64) out.push(...s.push(long.slice(i, i + 64)));
  out.push(...s.push("\n\n a \nb"));
  assert.deepEqual(out, [long, " a "]);
  assert.deepEqual(s.end(), ["b"]);
});
