import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { lookup } from "../src/components/registry";
import { adapt, changedProps, found, register, RenderReason, setScripts } from "../src/components/outside";
import { Unknown } from "../src/components/unknown";

(globalThis as any).window = globalThis;

test("a registered component wins over window[namespace][type]; neither: Unknown", () => {
  const fromWindow = () => null;
  const registered = () => null;
  (globalThis as any).libw = { Thing: fromWindow };
  assert.equal(found("libw", "Thing"), fromWindow);
  register("libw", "Thing", registered);
  assert.equal(found("libw", "Thing"), registered);
  assert.equal(lookup("nolib", "Thing"), Unknown);
  assert.throws(() => register("libw", 3 as any, registered), /two strings and a React component/);
});

test("lookup gives one component per kind, so React never remounts it", () => {
  (globalThis as any).libs = { Box: (p: any) => createElement("b", { id: p.id }, p.children) };
  const first = lookup("libs", "Box");
  assert.equal(lookup("libs", "Box"), first);
  assert.equal(adapt((globalThis as any).libs.Box), adapt((globalThis as any).libs.Box));
});

test("an outside component gets Dash's props: flat, with setProps and rendered children", () => {
  let seen: any = null;
  const Probe = (p: any) => {
    seen = p;
    return createElement("i", { id: p.id }, p.children);
  };
  const Wrapped = adapt(Probe);
  const sent: unknown[] = [];
  const setProps = (partial: unknown) => void sent.push(partial);
  const html = renderToStaticMarkup(createElement(Wrapped, {
    type: "Probe", namespace: "libp", id: "p", setProps,
    props: { id: "p", level: 2, children: ["a", 1] },
  }));
  assert.equal(html, '<i id="p">a1</i>');
  assert.equal(seen.level, 2);
  // as Dash's setProps: only the props whose value changes go on (none: nothing goes on)
  seen.setProps({ level: 2, open: true, tags: ["a"] });
  seen.setProps({ level: 2 });
  assert.deepEqual(sent, [{ open: true, tags: ["a"] }]);
});

test("a ConfirmDialogProvider's click taker reaches an outside child as its onClick prop, as Dash passes it", () => {
  let seen: any = null;
  const Probe = (p: any) => {
    seen = p;
    return createElement("b", { id: p.id });
  };
  const take = () => undefined;
  renderToStaticMarkup(createElement(adapt(Probe), {
    type: "Probe", namespace: "libc", id: "c", setProps: () => undefined, props: { id: "c" },
    extras: { pwTakeClick: take },
  }));
  assert.equal(seen.onClick, take);
  assert.equal("pwTakeClick" in seen, false);
});

test("a namespace with declared scripts is looked up lazily (loaded on first render)", () => {
  setScripts({ libl: ["/assets/l.js"] });
  const comp = lookup("libl", "Late");
  assert.notEqual(comp, Unknown);
  assert.equal(lookup("libl", "Late"), comp);
  setScripts({});
});

test("dashRenderType: internal after its own setProps, callback after another change, parent otherwise", () => {
  const reason = new RenderReason();
  const first = { value: 1 };
  assert.equal(reason.of(first), "parent");
  assert.equal(reason.of(first), "parent"); // a parent's re-render: the same props
  reason.changing();
  assert.equal(reason.of({ value: 2 }), "internal");
  assert.equal(reason.of({ value: 3 }), "callback");
  assert.deepEqual(changedProps({ a: 1, b: [1, { c: true }], d: null }, { a: 1, b: [1, { c: true }] }), { d: null });
  assert.equal(changedProps({ a: { x: 1 } }, { a: { x: 1 } }), null);
  assert.deepEqual(changedProps({ a: true }, { a: 1 }), { a: true });
});

test("a component that declares dashRenderType gets it; others do not", () => {
  const seen: any[] = [];
  const Grid: any = (p: any) => (seen.push(p), createElement("div", { id: p.id }));
  Grid.dashRenderType = true;
  const Plain = (p: any) => (seen.push(p), createElement("div", { id: p.id }));
  const base = { namespace: "libr", id: "g", setProps: () => {}, props: { id: "g" } };
  renderToStaticMarkup(createElement(adapt(Grid), { ...base, type: "Grid" }));
  renderToStaticMarkup(createElement(adapt(Plain), { ...base, type: "Plain" }));
  assert.equal(seen[0].dashRenderType, "parent");
  assert.equal("dashRenderType" in seen[1], false);
});
