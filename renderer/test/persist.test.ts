import { test } from "node:test";
import assert from "node:assert/strict";
import { MemoryArea, Persistence, type Area } from "../src/persist";

const input = (props: Record<string, unknown>) => ({ namespace: "dcc", type: "Input", props: { id: "name", ...props } });

function setup() {
  const local = new MemoryArea(), session = new MemoryArea(), memory = new MemoryArea();
  const areas: Record<string, Area> = { local, session, memory };
  const persist = new Persistence((ns, type) => (ns === "dcc" && type === "Input" ? ["value"] : undefined), (t) => areas[t] ?? null);
  return { persist, local, session, memory };
}

test("an edit is kept with the value it replaced, under id, prop and persistence", () => {
  const { persist, local } = setup();
  const comp = input({ value: "a", persistence: true });
  persist.record(comp, { value: "b" });
  assert.equal(local.getItem('_dash_persistence.name.value.true'), '["b","a"]');
  // a second edit keeps the first original
  persist.record({ ...comp, props: { ...comp.props, value: "b" } }, { value: "c" });
  assert.equal(local.getItem('_dash_persistence.name.value.true'), '["c","a"]');
});

test("restore gives the kept value while the layout holds the original, else drops the edit", () => {
  const { persist, local } = setup();
  persist.record(input({ value: "a", persistence: "u1" }), { value: "b" });
  assert.deepEqual(persist.restore(input({ value: "a", persistence: "u1" })), { value: "b" });
  assert.deepEqual(persist.restore(input({ value: "a", persistence: "u2" })), {}, "another persistence value starts afresh");
  assert.deepEqual(persist.restore(input({ value: "z", persistence: "u1" })), {}, "the layout's value changed");
  assert.equal(local.getItem('_dash_persistence.name.value."u1"'), null, "and the stale edit is gone");
});

test("persistence off, no id, or a kind without persisted props keeps nothing", () => {
  const { persist, local } = setup();
  for (const off of [false, 0, "", null, undefined]) persist.record(input({ value: "a", persistence: off }), { value: "b" });
  persist.record({ namespace: "dcc", type: "Input", props: { value: "a", persistence: true } }, { value: "b" });
  persist.record({ namespace: "html", type: "Div", props: { id: "d", value: "a", persistence: true } }, { value: "b" });
  persist.record(input({ value: "a", persistence: true, persisted_props: [] }), { value: "b" });
  assert.equal((local as unknown as { data: Map<string, string> }).data.size, 0);
});

test("persistence_type picks the area; an unset original is kept as a one-value edit", () => {
  const { persist, local, session, memory } = setup();
  persist.record(input({ persistence: 1, persistence_type: "session" }), { value: "s" });
  persist.record(input({ persistence: 1, persistence_type: "memory" }), { value: "m" });
  assert.equal(session.getItem("_dash_persistence.name.value.1"), '["s"]');
  assert.equal(memory.getItem("_dash_persistence.name.value.1"), '["m"]');
  assert.equal(local.getItem("_dash_persistence.name.value.1"), null);
  assert.deepEqual(persist.restore(input({ persistence: 1, persistence_type: "session" })), { value: "s" });
});

test("a write that changes persistence is not kept under the old key", () => {
  const { persist, local } = setup();
  persist.record(input({ value: "a", persistence: true }), { value: "b", persistence: "other" });
  assert.equal(local.getItem("_dash_persistence.name.value.true"), null);
});

test("restoreTree applies kept values through children, in place", () => {
  const { persist } = setup();
  persist.record(input({ value: "a", persistence: true }), { value: "b" });
  const layout = { namespace: "html", type: "Div", props: { children: [{ namespace: "html", type: "Div", props: { children: input({ value: "a", persistence: true }) } }] } };
  persist.restoreTree(layout);
  assert.equal((layout.props.children[0].props.children as { props: Record<string, unknown> }).props.value, "b");
});

test("a callback's write is kept too (Dash 4.4.1), and inserted children take their kept values", () => {
  const { persist, local } = setup();
  const comp = input({ value: "a", persistence: true });
  assert.deepEqual(persist.written(comp, { value: "cb" }), { value: "cb" });
  assert.equal(local.getItem("_dash_persistence.name.value.true"), '["cb","a"]');
  const box = { namespace: "html", type: "Div", props: { id: "box" } as Record<string, unknown> };
  const child: { props: Record<string, unknown> } = input({ value: "a", persistence: true });
  persist.written(box, { children: [child] });
  assert.equal(child.props.value, "cb");
});

test("a callback changing persistence undoes the old setting's edits and applies the new one's", () => {
  const { persist } = setup();
  persist.record(input({ value: "a", persistence: "u1" }), { value: "one" });
  persist.record(input({ value: "a", persistence: "u2" }), { value: "two" });
  const shown = input({ value: "one", persistence: "u1" }); // u1's edit applied
  assert.deepEqual(persist.output(shown, { persistence: "u2" }), { persistence: "u2", value: "two" });
  assert.deepEqual(persist.output(shown, { persistence: false }), { persistence: false, value: "a" });
  assert.deepEqual(persist.output(shown, { persistence: "u2", value: "mine" }), { persistence: "u2", value: "mine" },
    "a prop the write sets itself is left to it");
  assert.deepEqual(persist.output(shown, { disabled: true }), { disabled: true }, "other writes change nothing");
});

const table = (props: Record<string, unknown>) => ({ namespace: "dash_table", type: "DataTable", props: { id: "t", ...props } });
const TABLE_DEFAULTS = ["columns.name", "filter_query", "sort_by"];

function tableSetup() {
  const local = new MemoryArea();
  const persist = new Persistence((ns, type) => (ns === "dash_table" && type === "DataTable" ? TABLE_DEFAULTS : undefined), () => local);
  return { persist, local };
}

test("DataTable's columns.name keeps the columns' names only, and puts them back into the layout's columns", () => {
  const { persist, local } = tableSetup();
  const columns = [{ id: "a", name: "A" }, { id: "b", name: "B" }];
  persist.record(table({ columns, persistence: true }), { columns: [{ id: "a", name: "Renamed" }, { id: "b", name: "B" }] });
  assert.equal(local.getItem("_dash_persistence.t.columns.name.true"), '[["Renamed","B"],["A","B"]]');
  // the layout's columns may carry other changes (a new type): only the names are applied
  const drawn = table({ columns: [{ id: "a", name: "A", type: "numeric" }, { id: "b", name: "B" }], persistence: true });
  assert.deepEqual(persist.restore(drawn), { columns: [{ id: "a", name: "Renamed", type: "numeric" }, { id: "b", name: "B" }] });
  // new names in the layout: the kept ones are stale and dropped
  assert.deepEqual(persist.restore(table({ columns: [{ id: "a", name: "X" }, { id: "b", name: "B" }], persistence: true })), {});
  assert.equal(local.getItem("_dash_persistence.t.columns.name.true"), null);
});

test("DataTable's whole props (sort_by, filter_query) persist as any prop does", () => {
  const { persist, local } = tableSetup();
  persist.record(table({ persistence: true, filter_query: "" }), { sort_by: [{ column_id: "a", direction: "asc" }], filter_query: "{a} > 1" });
  assert.equal(local.getItem("_dash_persistence.t.sort_by.true"), '[[{"column_id":"a","direction":"asc"}]]');
  assert.deepEqual(persist.restore(table({ persistence: true, filter_query: "" })),
    { sort_by: [{ column_id: "a", direction: "asc" }], filter_query: "{a} > 1" });
});
