import { test } from "node:test";
import assert from "node:assert/strict";
import { Store } from "../src/store";

const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });

function page() {
  return c("Div", {
    id: "page",
    children: [
      c("Div", { children: [c("Span", { id: "a", children: "A" })] }),
      c("Section", { id: "sec", children: c("P", { id: "deep", title: "t" }), footer: [c("B", { id: "foot" })] }),
    ],
  });
}

test("ancestry lists the slots of id'd ancestors, outermost first, skipping id-less ones", () => {
  const store = new Store(page());
  assert.deepEqual(store.entry("page")!.ancestry, []);
  assert.deepEqual(store.entry("a")!.ancestry, ["page.children"]);
  assert.deepEqual(store.entry("deep")!.ancestry, ["page.children", "sec.children"]);
  assert.deepEqual(store.entry("foot")!.ancestry, ["page.children", "sec.footer"]);
});

test("values read from the tree; absent ids and unset props are undefined", () => {
  const store = new Store(page());
  assert.equal(store.value("deep.title"), "t");
  assert.equal(store.value("deep.n_clicks"), undefined);
  assert.equal(store.value("ghost.value"), undefined);
});

test("setProp re-indexes: components inside the old value leave, new ones enter under the slot", () => {
  const store = new Store(page());
  const touched = store.setProp("sec", "children", [c("Div", { id: "new", children: c("I", { id: "newer" }) })]);
  assert.ok(!store.has("deep"));
  assert.ok(store.has("foot"), "other slots of the same component are untouched");
  assert.deepEqual(store.entry("new")!.ancestry, ["page.children", "sec.children"]);
  assert.deepEqual(store.entry("newer")!.ancestry, ["page.children", "sec.children", "new.children"]);
  assert.ok(touched!.includes("sec.children"));
  assert.ok(touched!.includes("deep.title"), "removed components' props count as changed");
  assert.ok(touched!.includes("new.children") && touched!.includes("newer.id"));
});

test("versions bump on change, from one clock; equal primitives are no change", () => {
  const store = new Store(page());
  assert.equal(store.version("a.children"), 0);
  store.setProp("a", "children", "B");
  const v1 = store.version("a.children");
  assert.ok(v1 > 0);
  store.setProp("a", "children", "B");
  assert.equal(store.version("a.children"), v1);
  store.setProp("deep", "title", "u");
  assert.ok(store.version("deep.title") > v1);
  assert.equal(store.clock, store.version("deep.title"));
});

test("setProp on an absent id does nothing and says so", () => {
  const store = new Store(page());
  assert.equal(store.setProp("ghost", "value", 1), null);
});

test("the tree holds the new values, so a slot's value carries nested changes", () => {
  const layout = page();
  const store = new Store(layout);
  store.setProp("deep", "title", "changed");
  const sec = store.value("sec.children") as { props: Record<string, unknown> };
  assert.equal(sec.props.title, "changed");
  assert.equal(JSON.stringify(layout).includes('"title":"changed"'), true);
});

test("subscribers hear only their own id", () => {
  const store = new Store(page());
  const heard: string[] = [];
  const stop = store.subscribe("a", () => heard.push("a"));
  store.subscribe("deep", () => heard.push("deep"));
  store.setProp("a", "children", "x");
  store.setProp("deep", "title", "y");
  stop();
  store.setProp("a", "children", "z");
  assert.deepEqual(heard, ["a", "deep"]);
});

test("fill sets a browser-known initial value without a version bump", () => {
  const store = new Store(c("Div", { id: "s" }));
  store.fill("s.data", { x: 1 });
  assert.deepEqual(store.value("s.data"), { x: 1 });
  assert.equal(store.version("s.data"), 0);
});

test("a moved id is not forgotten when the old copy is removed", () => {
  const store = new Store(c("Div", { id: "root", children: [c("Div", { id: "left", children: c("P", { id: "x" }) }), c("Div", { id: "right" })] }));
  const x = store.entry("x")!.comp;
  store.setProp("right", "children", structuredClone(x)); // results arrive as fresh JSON
  store.setProp("left", "children", null);
  assert.ok(store.has("x"));
  assert.deepEqual(store.entry("x")!.ancestry, ["root.children", "right.children"]);
});

test("held notifications go out on release, once per id", () => {
  const store = new Store({ type: "Div", namespace: "html", props: { id: "a", children: [{ type: "Div", namespace: "html", props: { id: "b" } }] } });
  const seen: string[] = [];
  store.subscribe("a", () => seen.push("a"));
  store.subscribe("b", () => seen.push("b"));
  store.hold();
  store.setProp("b", "title", "x");
  store.setProp("b", "title", "y");
  store.setProp("a", "title", "z");
  assert.deepEqual(seen, []);
  assert.equal(store.value("b.title"), "y", "values change at once; only the notifications wait");
  store.release();
  assert.deepEqual(seen.sort(), ["a", "b"]);
  store.setProp("a", "title", "w");
  assert.deepEqual(seen.sort(), ["a", "a", "b"]);
});
