import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { lookup } from "../src/components/registry";
import { adapt, found, register, setScripts } from "../src/components/outside";
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

test("a namespace with declared scripts is looked up lazily (loaded on first render)", () => {
  setScripts({ libl: ["/assets/l.js"] });
  const comp = lookup("libl", "Late");
  assert.notEqual(comp, Unknown);
  assert.equal(lookup("libl", "Late"), comp);
  setScripts({});
});
