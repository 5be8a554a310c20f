// A fake app for trying the renderer by hand: a layout, a graph and a few canned "callbacks".
// Not the real engine: each callback runs alone (no chains), which is enough to exercise the browser side.

const c = (namespace, type, props) => ({ type, namespace, props });
const html = (type, props) => c("html", type, props);
const dcc = (type, props) => c("dcc", type, props);

export const layout = html("Div", {
  id: "page",
  children: [
    html("H1", { children: "propwire renderer fixture" }),
    html("Button", { id: "btn", children: "Click me" }),
    html("Div", { id: "out", children: "not clicked" }),
    dcc("Input", { id: "inp", value: "hello", type: "text" }),
    html("Div", { id: "inp-out" }),
    dcc("Input", { id: "num", type: "number", value: 3, min: 0, max: 10, debounce: true }),
    html("Div", { id: "num-out" }),
    dcc("Dropdown", { id: "dd", options: ["NYC", "MTL", "SF"], value: "MTL" }),
    dcc("Dropdown", { id: "ddm", options: { a: "Alpha", b: "Beta", c: "Gamma" }, value: ["a"], multi: true }),
    html("Div", { id: "dd-out" }),
    dcc("Slider", { id: "sl", min: 0, max: 10, step: 1, value: 5, marks: { 0: "0", 5: "5", 10: "10" } }),
    dcc("RangeSlider", { id: "rs", min: 0, max: 100, value: [20, 80] }),
    html("Div", { id: "sl-out" }),
    dcc("Checklist", { id: "cl", options: [{ label: "Apples", value: "a" }, { label: "Pears", value: "p" }], value: ["a"], inline: true }),
    dcc("RadioItems", { id: "ri", options: [1, 2, 3], value: 2 }),
    html("Div", { id: "cl-out" }),
    dcc("Textarea", { id: "ta", value: "some text" }),
    dcc("Markdown", { id: "md", children: "# Title\n\nSome *markdown* with <b>raw html</b> and a [link](https://example.org)." }),
    dcc("Store", { id: "store", storage_type: "local" }),
    html("Div", { id: "store-out" }),
    dcc("Location", { id: "url", pathname: "/", search: "" }),
    dcc("Link", { id: "lnk", href: "/page-2", children: "Go to page 2" }),
    html("Div", { id: "url-out" }),
    html("Div", { id: "fast" }),
    html("Div", { id: "slow" }),
    html("Div", { id: "dyn", children: [] }),
    html("Button", { id: "add", children: "Add item" }),
    dcc("Interval", { id: "tick", interval: 500, max_intervals: 3 }),
    html("Div", { id: "tick-out" }),
    c("fake", "Widget", { id: "weird" }),
    html("Button", { id: "boom", children: "Raise" }),
  ],
});

/** id, inputs, states, outputs, fn(values) -> outputs, delay ms, initial (runs at page load). */
export const callbacks = [
  { inputs: ["btn.n_clicks"], outputs: ["out.children"], fn: (v) => ({ "out.children": `clicked ${v["btn.n_clicks"] ?? 0}` }) },
  { inputs: ["inp.value"], outputs: ["inp-out.children"], fn: (v) => ({ "inp-out.children": String(v["inp.value"] ?? "").toUpperCase() }), initial: true },
  { inputs: ["num.value", "num.n_submit"], outputs: ["num-out.children"], fn: (v) => ({ "num-out.children": `number ${JSON.stringify(v["num.value"])} submits ${v["num.n_submit"] ?? 0}` }), initial: true },
  { inputs: ["dd.value", "ddm.value"], outputs: ["dd-out.children"], fn: (v) => ({ "dd-out.children": `${JSON.stringify(v["dd.value"])} ${JSON.stringify(v["ddm.value"])}` }), initial: true },
  { inputs: ["sl.value", "rs.value"], outputs: ["sl-out.children"], fn: (v) => ({ "sl-out.children": `slider ${v["sl.value"]} range ${JSON.stringify(v["rs.value"])}` }), initial: true },
  { inputs: ["cl.value", "ri.value"], outputs: ["cl-out.children"], fn: (v) => ({ "cl-out.children": `${JSON.stringify(v["cl.value"])} ${v["ri.value"]}` }), initial: true },
  { inputs: ["store.data"], outputs: ["store-out.children"], fn: (v) => ({ "store-out.children": `stored ${JSON.stringify(v["store.data"])}` }), initial: true },
  { inputs: ["url.pathname", "url.hash"], outputs: ["url-out.children"], fn: (v) => ({ "url-out.children": `at ${v["url.pathname"]}${v["url.hash"] ?? ""}` }), initial: true },
  { inputs: ["btn.n_clicks"], outputs: ["fast.children"], fn: (v) => ({ "fast.children": `fast ${v["btn.n_clicks"] ?? 0}` }), initial: true },
  { inputs: ["btn.n_clicks"], outputs: ["slow.children"], fn: (v) => ({ "slow.children": `slow ${v["btn.n_clicks"] ?? 0}` }), delay: 1000, initial: true },
  {
    inputs: ["add.n_clicks"], outputs: ["dyn.children", "store.data"],
    fn: (v) => {
      const n = v["add.n_clicks"] ?? 0;
      const items = Array.from({ length: n }, (_, i) => html("Li", { id: { type: "item", index: i }, children: `item ${i}` }));
      return { "dyn.children": items, "store.data": { items: n } };
    },
  },
  { inputs: ["tick.n_intervals"], outputs: ["tick-out.children"], fn: (v) => ({ "tick-out.children": `ticks ${v["tick.n_intervals"] ?? 0}` }) },
  { inputs: ["boom.n_clicks"], outputs: ["out.children"], fn: () => { throw new Error("boom <b>not html</b>"); } },
];

const props = [...new Set(callbacks.flatMap((cb) => [...cb.inputs, ...cb.outputs]))];
const index = (key) => props.indexOf(key);
const idOf = (key) => key.slice(0, key.lastIndexOf("."));

export const graph = {
  props,
  triggers: Object.fromEntries(props.map((k) => [k, callbacks.flatMap((cb, i) => (cb.inputs.includes(k) ? [i] : []))]).filter(([, v]) => v.length)),
  callbacks: callbacks.map((cb) => ({
    values: cb.inputs.map(index),
    ids: [...new Set([...cb.inputs, ...cb.outputs].map(idOf))],
  })),
};

export const unknown = ["store.data", "url.hash", "url.href"];

/** A page of `n` id'd components and one button that updates one of them: for timing one update. */
export function bigApp(n) {
  const rows = Array.from({ length: n }, (_, i) => html("Div", { id: `c${i}`, className: "row", children: [html("Span", { children: `row ${i}` }), dcc("Input", { id: `in${i}`, value: String(i) })] }));
  const bigLayout = html("Div", { id: "page", children: [html("Button", { id: "bump", children: "bump" }), html("Div", { id: "rows", children: rows })] });
  const bigCallbacks = [{ inputs: ["bump.n_clicks"], outputs: [`c${n >> 1}.children`], fn: (v) => ({ [`c${n >> 1}.children`]: `bumped ${v["bump.n_clicks"]}` }) }];
  return {
    layout: bigLayout,
    callbacks: bigCallbacks,
    graph: { props: ["bump.n_clicks", `c${n >> 1}.children`], triggers: { "bump.n_clicks": [0] }, callbacks: [{ values: [0], ids: ["bump", `c${n >> 1}`] }] },
    unknown: [],
  };
}
