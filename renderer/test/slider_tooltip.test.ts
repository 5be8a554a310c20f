import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Tooltips, tooltipOf, tooltipText } from "../src/components/slider_tooltip";

test("a tooltip's text is its template with the first {value} replaced, as Dash 4.4.1's", () => {
  assert.equal(tooltipText({}, 3), "3");
  assert.equal(tooltipText({ template: "{value} kg" }, 2.5), "2.5 kg");
  assert.equal(tooltipText({ template: "{value}-{value}" }, 1), "1-{value}");
});

test("only a dict configures tooltips", () => {
  assert.equal(tooltipOf(true), null);
  assert.equal(tooltipOf([1]), null);
  assert.deepEqual(tooltipOf({ always_visible: true }), { always_visible: true });
});

test("a transform names a window.dccFunctions function; a missing one is an error naming it", () => {
  const g = globalThis as unknown as { window?: unknown };
  g.window = { dccFunctions: { units: { kg: (v: number) => `${v * 1000} g` } } };
  try {
    assert.equal(tooltipText({ transform: "units.kg" }, 2), "2000 g");
    assert.throws(() => tooltipText({ transform: "nope" }, 2), /Invalid func for slider tooltip transform: nope/);
  } finally {
    delete g.window;
  }
});

test("one tooltip per handle, with Dash's ids, its style on the text", () => {
  const html = renderToStaticMarkup(createElement(Tooltips, {
    id: "s", tip: { style: { color: "red" } }, values: [2, 6], min: 0, max: 10, vertical: false }));
  assert.match(html, /id="s-tooltip-1-content" style="color:red">2</);
  assert.match(html, /id="s-tooltip-2-content" style="color:red">6</);
});
