import { test } from "node:test";
import assert from "node:assert/strict";
import { chosenOptions, labelText, normalizeOptions, selectedCountText, toggleValue } from "../src/components/options";

test("a list of scalars: label is the text, value keeps its type", () => {
  assert.deepEqual(normalizeOptions(["a", 2]), [
    { label: "a", value: "a", disabled: false },
    { label: "2", value: 2, disabled: false },
  ]);
});

test("a dict maps value to label", () => {
  assert.deepEqual(normalizeOptions({ nyc: "New York", mtl: "Montréal" }), [
    { value: "nyc", label: "New York", disabled: false },
    { value: "mtl", label: "Montréal", disabled: false },
  ]);
});

test("a list of dicts keeps label, value, disabled, title and search", () => {
  const [o] = normalizeOptions([{ label: "L", value: 1, disabled: true, title: "tip", search: "find me" }]);
  assert.deepEqual(o, { label: "L", value: 1, disabled: true, title: "tip", search: "find me" });
  assert.equal(normalizeOptions([{ value: "v" }])[0].label, "v", "a missing label falls back to the value");
});

test("no options is an empty list", () => {
  assert.deepEqual(normalizeOptions(null), []);
  assert.deepEqual(normalizeOptions(undefined), []);
});

test("labelText prefers search, then a text label, then the value", () => {
  assert.equal(labelText({ label: { type: "B" }, value: 3, disabled: false }), "3");
  assert.equal(labelText({ label: "Hi", value: 3, disabled: false }), "Hi");
  assert.equal(labelText({ label: "Hi", value: 3, disabled: false, search: "s" }), "s");
});

test("toggling a checklist appends a checked value and removes an unchecked one, in the user's order", () => {
  assert.deepEqual(toggleValue(["c"], "a", true), ["c", "a"]);
  assert.deepEqual(toggleValue(["a", "c", "zzz"], "c", false), ["a", "zzz"]);
  assert.deepEqual(toggleValue(null, "b", true), ["b"]);
});

test("a Dropdown's chosen options come in the value's order; unknown values show nothing", () => {
  const opts = normalizeOptions([{ label: "One", value: 1 }, { label: "Two", value: 2 }, { label: "Three", value: 3 }]);
  assert.deepEqual(chosenOptions(opts, [3, 9, 1], true).map((o) => o.label), ["Three", "One"]);
  assert.deepEqual(chosenOptions(opts, 2, false).map((o) => o.label), ["Two"]);
  assert.deepEqual(chosenOptions(opts, 2, true), [], "a multi Dropdown reads a list");
});

test("the selected count shows from two values on, from labels.selected_count", () => {
  assert.equal(selectedCountText([1], undefined), null);
  assert.equal(selectedCountText(null, undefined), null);
  assert.equal(selectedCountText([1, 3], undefined), "2 selected");
  assert.equal(selectedCountText([1, 2, 3], { search: "Find" }), "3 selected", "other labels keep the default");
  assert.equal(selectedCountText([1, 2], { selected_count: "{num_selected} of them" }), "2 of them");
  assert.equal(selectedCountText([1, 2], { selected_count: null }), null);
});
