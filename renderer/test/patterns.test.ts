import { test } from "node:test";
import assert from "node:assert/strict";
import { askedFor, askedWrites, buildEvent, compileGraph, triggeredBy, triggers, type RawGraph } from "../src/events";
import { idString } from "../src/ids";
import { fits, parseDictId, parsePattern } from "../src/patterns";
import { Store } from "../src/store";

const c = (type: string, props: Record<string, unknown>) => ({ type, namespace: "html", props });
const item = (index: number, extra: Record<string, unknown> = {}) => c("Input", { id: { type: "item", index }, ...extra });
const key = (id: Record<string, unknown>, prop: string) => idString(id) + "." + prop;

const ALL_ITEMS = '{"index":["ALL"],"type":"item"}';
const MATCH_ITEM = '{"index":["MATCH"],"type":"item"}';
const MATCH_ECHO = '{"index":["MATCH"],"type":"echo"}';

test("a pattern is a dict id holding a wildcard; parsing is cached", () => {
  const p = parsePattern(MATCH_ITEM)!;
  assert.deepEqual(p.fixed, [["type", "item"]]);
  assert.deepEqual(p.match, ["index"]);
  assert.equal(parsePattern(MATCH_ITEM), p, "the same parsed pattern comes back");
  assert.equal(parsePattern('{"index":1,"type":"item"}'), null, "a concrete dict id is no pattern");
  assert.equal(parsePattern("btn"), null);
  assert.equal(parsePattern("{not json"), null);
  assert.equal(parseDictId('{"index":1,"type":"item"}')!.keyset, '["index","type"]');
});

test("fits: equal values where the pattern has no wildcard; ALL, MATCH and ALLSMALLER take anything", () => {
  const id = { index: 3, type: "item" };
  assert.ok(fits(parsePattern(ALL_ITEMS)!, id));
  assert.ok(fits(parsePattern(MATCH_ITEM)!, id));
  assert.ok(fits(parsePattern('{"index":["ALLSMALLER"],"type":"item"}')!, id));
  assert.ok(!fits(parsePattern('{"index":["ALL"],"type":"other"}')!, id));
  assert.ok(fits(parsePattern('{"index":3,"type":["ALL"]}')!, id));
  assert.ok(!fits(parsePattern('{"index":4,"type":["ALL"]}')!, id));
  assert.ok(fits(parsePattern(MATCH_ITEM)!, id, { index: 3 }), "a binding fixes MATCH");
  assert.ok(!fits(parsePattern(MATCH_ITEM)!, id, { index: 2 }));
  assert.ok(fits(parsePattern(ALL_ITEMS)!, id, { index: 2 }), "a binding leaves ALL alone");
});

function page() {
  return c("Div", {
    id: "page",
    children: [
      c("Div", { id: "first", children: [item(2), item(1)] }),
      c("Div", { id: "second", children: [item(5), c("Span", { id: { type: "item", index: 9, extra: true } })] }),
      c("Span", { id: { type: "echo", index: 1 } }),
    ],
  });
}

test("the store finds the components a pattern names in document order, by their key set", () => {
  const store = new Store(page());
  const all = parsePattern(ALL_ITEMS)!;
  const ids = (list: string[]) => list.map((s) => JSON.parse(s).index);
  assert.deepEqual(ids(store.matching(all)), [2, 1, 5], "an id with other keys is not named");
  assert.deepEqual(ids(store.matching(parsePattern(MATCH_ITEM)!, { index: 5 })), [5]);
  // Items inserted later into the first container still come before those of the second.
  store.setProp("first", "children", [item(7), item(8)]);
  assert.deepEqual(ids(store.matching(all)), [7, 8, 5]);
  store.setProp("second", "children", []);
  assert.deepEqual(ids(store.matching(all)), [7, 8]);
  assert.equal(store.has('{"index":5,"type":"item"}'), false);
  // A new prop of the page comes after its children.
  store.setProp("page", "footer", [item(0)]);
  assert.deepEqual(ids(store.matching(all)), [7, 8, 0]);
  assert.deepEqual(store.sortIds(['{"index":0,"type":"item"}', "second", "page", '{"index":8,"type":"item"}']), [
    "page", '{"index":8,"type":"item"}', "second", '{"index":0,"type":"item"}',
  ]);
});

/**
 * cb 0: add.n_clicks -> items.children (may insert items); cb 1: ALL items' value -> total.children;
 * cb 2: MATCH item value -> MATCH echo children, whose MATCH patterns only it reads (narrow).
 */
const todo: RawGraph = {
  props: ["items.children", "total.children", MATCH_ECHO + ".children", MATCH_ITEM + ".value", ALL_ITEMS + ".value", "add.n_clicks"],
  triggers: { "add.n_clicks": [0], [ALL_ITEMS + ".value"]: [1], [MATCH_ITEM + ".value"]: [2] },
  callbacks: [
    { values: [0, 3, 4, 5], ids: ["add", "items", "total", ALL_ITEMS, MATCH_ECHO, MATCH_ITEM], writes: [0, 1, 2] },
    { values: [4], ids: ["total", ALL_ITEMS], writes: [1] },
    { values: [3], ids: [MATCH_ECHO, MATCH_ITEM], writes: [2], narrow: [3], narrowIds: [MATCH_ECHO, MATCH_ITEM] },
  ],
};

function todoPage() {
  const row = (n: number) => c("Div", { children: [item(n, { value: `v${n}` }), c("Span", { id: { type: "echo", index: n } })] });
  return c("Div", {
    id: "page",
    children: [c("Button", { id: "add" }), c("Div", { id: "items", children: [row(3), row(1), row(2)] }), c("Div", { id: "total" })],
  });
}

test("a dict-id prop triggers the callbacks whose pattern Input fits it", () => {
  const g = compileGraph(todo);
  assert.deepEqual(triggeredBy(g, [key({ type: "item", index: 1 }, "value")]), [1, 2]);
  assert.deepEqual(triggeredBy(g, [key({ index: 1, type: "item" }, "value")]), [1, 2], "key order does not matter");
  assert.ok(!triggers(g, key({ type: "echo", index: 1 }, "value")), "other values");
  assert.ok(!triggers(g, key({ type: "item", index: 1 }, "title")), "other prop");
  assert.ok(!triggers(g, key({ type: "item", index: 1, x: 0 }, "value")), "other key set");
  assert.deepEqual(triggeredBy(g, ["add.n_clicks"]), [0]);
});

const wide: RawGraph = { ...todo, callbacks: todo.callbacks.map(({ values, ids }) => ({ values, ids })) };

test("an event expands pattern reads to every fitting component, in document order", () => {
  const g = compileGraph(wide);
  const store = new Store(todoPage());
  const changed = { [key({ type: "item", index: 1 }, "value")]: "v1" };
  const body = buildEvent(g, store, 1, changed, [], []);
  assert.deepEqual(Object.entries(body.values), [
    ['{"index":3,"type":"item"}.value', "v3"],
    ['{"index":1,"type":"item"}.value', "v1"],
    ['{"index":2,"type":"item"}.value', "v2"],
  ]);
  assert.deepEqual(Object.keys(body.present), [
    "total",
    '{"index":3,"type":"item"}', '{"index":3,"type":"echo"}',
    '{"index":1,"type":"item"}', '{"index":1,"type":"echo"}',
    '{"index":2,"type":"item"}', '{"index":2,"type":"echo"}',
  ]);
  assert.deepEqual(body.present['{"index":1,"type":"echo"}'], ["page.children", "items.children"]);
});

test("patterns only the triggered MATCH callback reads are narrowed to its instance", () => {
  const g = compileGraph({ ...todo, triggers: { [MATCH_ITEM + ".value"]: [2] } });
  const store = new Store(todoPage());
  const changed = { [key({ type: "item", index: 1 }, "value")]: "v1" };
  const asked = askedFor(g, Object.keys(changed), []);
  assert.deepEqual([...asked], [[2, [{ index: 1 }]]]);
  const body = buildEvent(g, store, 1, changed, [], [], asked);
  assert.deepEqual(body.values, { '{"index":1,"type":"item"}.value': "v1" });
  assert.deepEqual(Object.keys(body.present), ['{"index":1,"type":"item"}', '{"index":1,"type":"echo"}']);
  // A follow-up naming no trigger runs every instance: nothing is narrowed.
  const rerun = buildEvent(g, store, 2, {}, [{ cb: 2, triggered: [] }], []);
  assert.equal(Object.keys(rerun.values).length, 3);
  // One naming a trigger runs that instance.
  const named = buildEvent(g, store, 3, {}, [{ cb: 2, triggered: [key({ type: "item", index: 2 }, "value")] }], []);
  assert.deepEqual(named.values, { '{"index":2,"type":"item"}.value': "v2" });
});

test("a pattern callback's reads are not narrowed when another asked callback reads them whole", () => {
  const g = compileGraph(todo);
  const store = new Store(todoPage());
  const asked = askedFor(g, [key({ type: "item", index: 1 }, "value")], []);
  assert.deepEqual([...asked.keys()], [1, 2]);
  const body = buildEvent(g, store, 1, {}, [], [], asked);
  assert.equal(Object.keys(body.values).length, 3);
  // Only cb 2 names the echoes: narrowed to the one of the changed item.
  assert.deepEqual(Object.keys(body.present), [
    "total", '{"index":3,"type":"item"}', '{"index":1,"type":"item"}', '{"index":1,"type":"echo"}', '{"index":2,"type":"item"}',
  ]);
});

test("pending before the plan: the writes of the asked callbacks", () => {
  const g = compileGraph(todo);
  assert.deepEqual(askedWrites(g, askedFor(g, ["add.n_clicks"], [])), [
    MATCH_ECHO + ".children", "items.children", "total.children",
  ].sort());
  assert.deepEqual(askedWrites(g, askedFor(g, [], [{ cb: 1, triggered: [] }])), ["total.children"]);
  assert.deepEqual(askedWrites(compileGraph({ props: [], triggers: {}, callbacks: [{ values: [], ids: [] }] }), new Map([[0, null]])), []);
});

test("a binding that fixes every wildcard names one id, found without a scan", () => {
  const store = new Store(page());
  const echo = parsePattern(MATCH_ECHO)!;
  assert.deepEqual(store.matching(echo, { index: 1 }), ['{"index":1,"type":"echo"}']);
  assert.deepEqual(store.matching(echo, { index: 2 }), []);
  assert.deepEqual(store.matching(echo, { index: 1, page: 4 }), ['{"index":1,"type":"echo"}'], "other keys are ignored");
  const mixed = parsePattern('{"index":["MATCH"],"type":["ALL"]}')!;
  assert.deepEqual(store.matching(mixed, { index: 1 }).sort(), ['{"index":1,"type":"echo"}', '{"index":1,"type":"item"}']);
});

test("a present pattern component's unset prop travels as null; a plain unset prop stays out", () => {
  const raw: RawGraph = {
    props: [ALL_ITEMS + ".value", "btn.n_clicks"],
    triggers: { "btn.n_clicks": [0] },
    callbacks: [{ values: [0, 1], ids: [ALL_ITEMS, "btn"] }],
  };
  const store = new Store(c("Div", { id: "page", children: [c("Button", { id: "btn" }), item(0, { value: "a" }), item(1)] }));
  const body = buildEvent(compileGraph(raw), store, 1, {}, [{ cb: 0, triggered: [] }], []);
  assert.deepEqual(body.values, { '{"index":0,"type":"item"}.value': "a", '{"index":1,"type":"item"}.value': null });
});
