import { test } from "node:test";
import assert from "node:assert/strict";
import { domAttrs, safeUrl, toStyle } from "../src/components/attrs";
import { tagOf } from "../src/components/html";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Input, parseNumber } from "../src/components/input";
import { dedent, renderMarkdown } from "../src/components/markdown";
import { bounds, toMarks } from "../src/components/slider";
import { sameValue, toText } from "../src/components/text";

test("html types become lower-case tags, with Dash's renamed ones", () => {
  assert.equal(tagOf("Div"), "div");
  assert.equal(tagOf("H1"), "h1");
  assert.equal(tagOf("ObjectEl"), "object");
});

test("attributes pass through; handlers, raw HTML and javascript: URLs do not", () => {
  const attrs = domAttrs(
    {
      className: "c",
      "data-x": "1",
      "aria-label": "l",
      onClick: "alert(1)",
      dangerouslySetInnerHTML: { __html: "<b>" },
      href: " javascript:alert(1)",
      n_clicks: 3,
      style: { "font-size": "12px", color: "red", "--brand": "blue" },
    },
    new Set(["n_clicks"]),
  );
  assert.deepEqual(attrs, {
    className: "c",
    "data-x": "1",
    "aria-label": "l",
    href: undefined,
    style: { fontSize: "12px", color: "red", "--brand": "blue" },
  });
  assert.equal(safeUrl("/page"), "/page");
  assert.equal(safeUrl("java\tscript:x"), undefined);
  assert.equal(toStyle(null), undefined);
});

test("a number field's text: number, or null when empty or not a number", () => {
  assert.equal(parseNumber("42"), 42);
  assert.equal(parseNumber("-1.5"), -1.5);
  assert.equal(parseNumber(""), null);
  assert.equal(parseNumber("  "), null);
  assert.equal(parseNumber("abc"), null);
});

test("text helpers: null and undefined are one empty value", () => {
  assert.equal(toText(null), "");
  assert.equal(toText(0), "0");
  assert.ok(sameValue(null, undefined));
  assert.ok(!sameValue(0, null));
});

test("markdown escapes raw HTML unless allowed", () => {
  const safe = renderMarkdown("Hi <img src=x onerror=alert(1)> **bold**", { allowHtml: false });
  assert.ok(safe.includes("&lt;img"));
  assert.ok(!safe.includes("<img"));
  assert.ok(safe.includes("<strong>bold</strong>"));
  const raw = renderMarkdown("<span class='x'>hi</span>", { allowHtml: true });
  assert.ok(raw.includes("<span class='x'>hi</span>"));
});

test("markdown links get link_target and lose javascript: URLs", () => {
  const html = renderMarkdown("[a](https://x.org) [b](javascript:alert(1))", { allowHtml: false, linkTarget: "_blank" });
  assert.ok(html.includes('<a href="https://x.org" target="_blank" rel="noopener noreferrer">a</a>'));
  assert.ok(!html.includes("javascript:"));
});

test("dedent strips the common indentation", () => {
  assert.equal(dedent("\n    # T\n      x\n    y"), "\n# T\n  x\ny");
  assert.equal(dedent("a\n b"), "a\n b");
});

test("slider marks: string keys become numbers, bad keys are dropped", () => {
  const marks = toMarks({ "0": "zero", "10": { label: "ten", style: { color: "red" } }, x: "bad" })!;
  assert.deepEqual(Object.keys(marks), ["0", "10"]);
  assert.equal(marks[0], "zero");
  assert.deepEqual(marks[10], { label: "ten", style: { color: "red" } });
  assert.equal(toMarks(null), undefined);
});

test("slider bounds come from props, else the marks, else 0..100; null step snaps to marks", () => {
  assert.deepEqual(bounds({ min: 1, max: 5, step: 0.5 }), { min: 1, max: 5, step: 0.5 });
  assert.deepEqual(bounds({ marks: { "2": "a", "8": "b" } }), { min: 2, max: 8, step: 1 });
  assert.deepEqual(bounds({ step: null }), { min: 0, max: 100, step: null });
});

test("a number field without a step takes any number (36.6 is valid); a given step stays", () => {
  const html = (props: Record<string, unknown>) =>
    renderToStaticMarkup(createElement(Input, { type: "Input", namespace: "dcc", props, setProps: () => {}, id: '{"i":1}' }));
  assert.match(html({ type: "number", value: 36.6 }), /step="any"/);
  assert.match(html({ type: "number", step: 0.5 }), /step="0.5"/);
  assert.match(html({ type: "text" }), /step="any"/, "Dash 4.4.1 gives every type step=any");
  assert.match(html({ type: "number" }), /id="\{&quot;i&quot;:1\}"/, "a dict id's DOM id is its id string");
});

test("an Input renders Dash's defaults (no autocomplete, verbatim input mode) and every attribute given", () => {
  const html = (props: Record<string, unknown>) =>
    renderToStaticMarkup(createElement(Input, { type: "Input", namespace: "dcc", props, setProps: () => {}, id: "x" }));
  assert.match(html({}), /autoComplete="off" inputMode="verbatim"/);
  const full = html({ spellCheck: false, autoComplete: "email", inputMode: "email", list: "l", multiple: true, pattern: "a+", size: "9" });
  for (const attr of ['spellcheck="false"', 'autoComplete="email"', 'inputMode="email"', 'list="l"', 'multiple=""', 'pattern="a+"', 'size="9"']) {
    assert.ok(full.includes(attr), `${attr} in ${full}`);
  }
});

test("every URL-valued attribute is checked for what its element does with it", () => {
  const error = console.error;
  console.error = () => {};
  try {
    assert.equal(domAttrs({ src: "data:text/html,<script>x</script>" }, new Set(), "iframe").src, undefined);
    assert.equal(domAttrs({ data: "data:text/html,x" }, new Set(), "object").data, undefined);
    assert.equal(domAttrs({ src: "JaVaScRiPt:x" }, new Set(), "embed").src, undefined);
    assert.equal(domAttrs({ src: "data:image/png;base64,AA==" }, new Set(), "img").src, "data:image/png;base64,AA==");
    assert.equal(domAttrs({ href: "data:text/csv,a,b", download: "a.csv" }, new Set(), "a").href, "data:text/csv,a,b");
    assert.equal(domAttrs({ formAction: "\u0001javascript:x" }, new Set(), "button").formAction, undefined);
    assert.equal(domAttrs({ action: "vbscript:x" }, new Set(), "form").action, undefined);
    assert.equal(domAttrs({ srcSet: "/a.png 1x, javascript:x 2x" }, new Set(), "img").srcSet, undefined);
    assert.equal(domAttrs({ srcSet: "/a.png 1x, /b.png 2x" }, new Set(), "source").srcSet, "/a.png 1x, /b.png 2x");
    assert.equal(safeUrl("java&#x09;script:x"), undefined);
    assert.equal(safeUrl("javascript&colon;x"), undefined);
  } finally {
    console.error = error;
  }
});

test("handlers in any spelling and http-equiv never pass; srcDoc runs only in an opaque-origin sandbox", () => {
  const attrs = domAttrs({ onerror: "x", ONLOAD: "x", onClick: "x", httpEquiv: "refresh", content: "0;url=/x" }, new Set(), "meta");
  assert.deepEqual(attrs, { content: "0;url=/x" });
  const frame = domAttrs({ srcDoc: "<b>hi</b>" }, new Set(), "iframe");
  assert.deepEqual(frame, { srcDoc: "<b>hi</b>", sandbox: "allow-scripts" });
  const own = domAttrs({ srcDoc: "<b>hi</b>", sandbox: "allow-same-origin allow-scripts allow-forms" }, new Set(), "iframe");
  assert.equal(own.sandbox, "allow-scripts allow-forms");
  assert.equal(domAttrs({ src: "/page", sandbox: "allow-same-origin" }, new Set(), "iframe").sandbox, "allow-same-origin");
  assert.equal(domAttrs({ srcDoc: "<b>x</b>" }, new Set(), "div").srcDoc, undefined);
});
