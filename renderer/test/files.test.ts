import { test } from "node:test";
import assert from "node:assert/strict";
import { accepts, downloadOf, refusal, sortFiles, uploadProps, zoneClass, zoneStyle } from "../src/components/files";

const f = (name: string, size = 10, type = "", lastModified = 1_700_000_000_500) => ({ name, size, type, lastModified });

test("accept: name endings, MIME families and exact types, comma separated, case aside", () => {
  assert.equal(accepts(f("Data.CSV"), ".csv"), true);
  assert.equal(accepts(f("a.png", 1, "image/png"), "image/*"), true);
  assert.equal(accepts(f("a.txt", 1, "text/plain"), "image/*, text/plain"), true);
  assert.equal(accepts(f("a.txt", 1, "text/plain"), ".csv,image/*"), false);
  assert.equal(accepts(f("a.txt"), undefined), true);
});

test("sizes: max_size -1 is no limit; over max or under min is refused with the numbers", () => {
  assert.equal(refusal(f("a", 5000), { max_size: -1 }), null);
  assert.equal(refusal(f("a", 101), { max_size: 100 }), "it is 101 bytes, over max_size=100");
  assert.equal(refusal(f("a", 100), { max_size: 100 }), null);
  assert.equal(refusal(f("a", 2), { min_size: 3 }), "it is 2 bytes, under min_size=3");
});

test("one file only unless multiple: the extra ones are refused", () => {
  const { taken, refused } = sortFiles([f("a"), f("b", 1000), f("c")], { max_size: 100 });
  assert.deepEqual(taken.map((x) => x.name), ["a"]);
  assert.deepEqual(refused.map(([x]) => x.name), ["b", "c"]);
  assert.deepEqual(sortFiles([f("a"), f("c")], { multiple: true }).taken.map((x) => x.name), ["a", "c"]);
});

test("the props set: scalars, or lists with multiple; last_modified in seconds", () => {
  assert.deepEqual(uploadProps([f("a")], ["data:,x"], false), { contents: "data:,x", filename: "a", last_modified: 1_700_000_000.5 });
  assert.deepEqual(uploadProps([f("a"), f("b")], ["u1", "u2"], true),
    { contents: ["u1", "u2"], filename: ["a", "b"], last_modified: [1_700_000_000.5, 1_700_000_000.5] });
});

test("zone style: Dash's defaults over the style while they apply; a class name replaces its style", () => {
  assert.deepEqual(zoneStyle({ style: { width: 10 } }, { active: false, reject: false }), { position: "relative", width: 10 });
  assert.equal(zoneStyle({}, { active: true, reject: false }).borderColor, "#6c6");
  assert.equal(zoneStyle({}, { active: true, reject: true }).borderColor, "#c66");
  assert.equal(zoneStyle({ className_reject: "bad" }, { active: true, reject: true }).borderColor, "#6c6");
  assert.equal(zoneStyle({ disabled: true }, { active: false, reject: false }).opacity, 0.5);
  assert.equal(zoneClass({ className: "z", className_reject: "bad" }, { active: false, reject: true }), "z bad");
  assert.equal(zoneClass({}, { active: false, reject: false }), undefined);
});

test("download: base64 decoded when the data says so; data's type wins over the prop's", () => {
  const bin = downloadOf({ content: "AAH/", filename: "x.bin", base64: true, type: null }, {});
  assert.deepEqual(Array.from(bin!.bytes as Uint8Array), [0, 1, 255]);
  assert.equal(bin!.filename, "x.bin");
  const text = downloadOf({ content: "hi", filename: "a.txt" }, { type: "text/csv" });
  assert.deepEqual([text!.bytes, text!.type], ["hi", "text/csv"]);
  assert.equal(downloadOf({ content: "hi", filename: "a.txt" }, {})!.type, "text/plain");
  assert.equal(downloadOf(null, {}), null);
});
