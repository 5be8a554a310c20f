// window.dash_component_api and the outside components' Dash props: children-prop paths, component paths that
// getLayout resolves, and the loading state derived from the plan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eachAt, setChildrenProps } from "../src/children_props";
import { hub, installDashApi } from "../src/components/dash_api";
import { lookup } from "../src/components/registry";
import { compileGraph, type RawGraph } from "../src/events";
import { noteRoot, pathsById } from "../src/layout_paths";
import { LibStateHub, loadingAt } from "../src/lib_state";
import { pendingOutputs } from "../src/loading";
import { RuntimeContext, renderValue, setLookup } from "../src/render";
import { Runtime } from "../src/runtime";
import { Store } from "../src/store";

(globalThis as any).window = globalThis;
setLookup(lookup);
installDashApi();
const api = () => (globalThis as any).dash_component_api;

const lib = (type: string, props: Record<string, unknown>) => ({ type, namespace: "libx", props });
const div = (props: Record<string, unknown>) => ({ type: "Div", namespace: "html", props });

test("children-prop paths name values in props, dicts, list items and dict values", () => {
  const props = {
    leftSection: "L",
    loaderProps: { children: "C", size: 3 },
    options: [{ label: "a", value: 1 }, { value: 2 }, { label: "c" }],
    slots: { x: "X", y: "Y" },
    items: ["i0", "i1"],
  };
  const seen = (path: string) => {
    const out: unknown[] = [];
    eachAt(props, path, (value, at) => out.push([at, value]));
    return out;
  };
  assert.deepEqual(seen("leftSection"), [[["leftSection"], "L"]]);
  assert.deepEqual(seen("loaderProps.children"), [[["loaderProps", "children"], "C"]]);
  assert.deepEqual(seen("options[].label"), [[["options", 0, "label"], "a"], [["options", 2, "label"], "c"]]);
  assert.deepEqual(seen("slots{}"), [[["slots", "x"], "X"], [["slots", "y"], "Y"]]);
  assert.deepEqual(seen("items[]"), [[["items", 0], "i0"], [["items", 1], "i1"]]);
  assert.deepEqual(seen("missing.children"), []);
  // positions (document order): the index of each key or item on the way down, as the headless client's
  // propwire/testing/children_props.py gives them (tests/testing/test_children_props.py has the same case)
  const positions = (path: string) => {
    const out: number[][] = [];
    eachAt(props, path, (_v, _at, pos) => out.push(pos));
    return out;
  };
  assert.deepEqual(positions("loaderProps.children"), [[1, 0]]);
  assert.deepEqual(positions("options[].label"), [[2, 0, 0], [2, 2, 0]]);
  assert.deepEqual(positions("slots{}"), [[3, 0], [3, 1]]);
});

test("the store finds ids inside a dict only along the kind's children-prop paths", () => {
  const layout = () => div({ id: "root", children: [lib("Select", { id: "sel", data: [{ label: div({ id: "in-label" }) }] })] });
  setChildrenProps({});
  assert.equal(new Store(layout()).has("in-label"), false);
  setChildrenProps({ libx: { Select: ["data[].label"] } });
  const store = new Store(layout());
  assert.equal(store.has("in-label"), true);
  assert.deepEqual(store.entry("in-label")!.ancestry, ["root.children", "sel.data"]);
  assert.deepEqual(pathsById(layout()).get("in-label"), ["props", "children", 0, "props", "data", 0, "label"]);
  setChildrenProps({});
});

/** A page with one library component whose probe records the props it gets. */
function page(graph: RawGraph, layout: unknown) {
  const store = new Store(layout);
  const runtime = new Runtime(store, compileGraph(graph), {
    eventUrl: "/e",
    post: async () => new Response("", { status: 200 }),
    hooks: { busy() {}, ready() {}, report() {} },
  });
  hub.connect({
    root: store.root,
    watch: (fn) => store.watch(fn),
    watchPending: (fn) => runtime.watchPending(fn),
    pendingOutputs: () => runtime.pendingOutputs(),
  });
  noteRoot(store.root);
  const draw = () =>
    renderToStaticMarkup(createElement(RuntimeContext.Provider, { value: runtime }, renderValue(store.root)));
  return { store, runtime, draw };
}

test("a library component's children are elements whose componentPath getLayout resolves", () => {
  setChildrenProps({ libx: { Button: ["leftSection"] } });
  const seen: Record<string, any> = {};
  (globalThis as any).libx = {
    Button: (p: any) => {
      seen[p.id] = p;
      const ctx = api().useDashContext();
      seen[p.id + ":path"] = ctx.componentPath;
      return createElement("button", { id: p.id }, p.leftSection, p.children);
    },
  };
  const inner = lib("Button", { id: { kind: "b", i: 1 }, children: "inner" });
  const layout = div({
    id: "root",
    children: [lib("Button", { id: "outer", leftSection: div({ id: "icon", children: "*" }), children: ["t", inner] })],
  });
  const { draw } = page({ props: [], triggers: {}, callbacks: [] }, layout);
  const html = draw();
  assert.match(html, /<button id="outer"><div id="icon">\*<\/div>t<button id="\{&quot;i&quot;:1,&quot;kind&quot;:&quot;b&quot;\}">inner<\/button><\/button>/);
  const outer = seen.outer;
  assert.deepEqual(seen["outer:path"], ["props", "children", 0]);
  assert.deepEqual(outer.leftSection.props.componentPath, ["props", "children", 0, "props", "leftSection"]);
  assert.equal(api().getLayout(outer.leftSection.props.componentPath).props.id, "icon");
  const [text, child] = outer.children;
  assert.equal(text, "t");
  assert.deepEqual(child.props.componentPath, ["props", "children", 0, "props", "children", 1]);
  assert.equal(api().getLayout([...child.props.componentPath, "props"]).children, "inner");
  // a dict id reaches the component as Dash's id string; getLayout takes either form
  const idStr = '{"i":1,"kind":"b"}';
  assert.equal(seen[idStr].id, idStr);
  assert.equal(api().getLayout({ kind: "b", i: 1 }).props.children, "inner");
  assert.equal(api().stringifyId({ kind: "b", i: 1 }), idStr);
  assert.equal(api().getLayout("nowhere"), undefined);
  setChildrenProps({});
});

test("useLoading and loading_state follow the plan: true while an output is pending, false once reported", () => {
  const states: boolean[] = [];
  const loadingProps: unknown[] = [];
  (globalThis as any).libx = {
    Card: (p: any) => {
      states.push(api().useDashContext().useLoading());
      loadingProps.push(p.loading_state);
      return createElement("section", { id: p.id }, p.children);
    },
  };
  const graph: RawGraph = { props: ["btn.n_clicks", "card.children"], triggers: {}, callbacks: [{ values: [0], ids: ["btn"], writes: [1] }] };
  const layout = div({ id: "root", children: [div({ id: "btn" }), lib("Card", { id: "card", children: "old" })] });
  const { runtime, draw } = page(graph, layout);
  runtime.pageLine({ plan: { callbacks: [0], props: ["card.children"] } });
  assert.deepEqual(runtime.pendingOutputs(), ["card.children"]);
  const at = ["props", "children", 1];
  assert.equal(loadingAt(hub.getState(), at), true);
  assert.deepEqual(hub.getState().loading[JSON.stringify(at)], [{ path: at, property: "children", id: "card" }]);
  assert.equal(loadingAt(hub.getState(), at, { filterFunc: (e) => e.property === "data" }), false);
  draw();
  assert.equal(states.at(-1), true);
  assert.deepEqual(loadingProps.at(-1), { is_loading: true, prop_name: "children", component_name: "card" });
  runtime.pageLine({ result: { cb: 0, outputs: { "card.children": "new" }, reads: [], triggered: [] } });
  assert.deepEqual(runtime.pendingOutputs(), []);
  assert.equal(loadingAt(hub.getState(), at), false);
  assert.match(draw(), /<section id="card">new<\/section>/);
  assert.equal(states.at(-1), false);
  assert.equal(loadingProps.at(-1), undefined);
});

test("a pattern output is pending for the ids it matches until its callback reports", () => {
  const key = '{"i":["MATCH"],"t":"out"}';
  const graph: RawGraph = { props: [key + ".children"], triggers: {}, callbacks: [{ values: [], ids: [], writes: [0] }, { values: [], ids: [] }] };
  const layout = div({ id: "root", children: [div({ id: { t: "out", i: 1 } }), div({ id: { t: "out", i: 2 } })] });
  const { runtime } = page(graph, layout);
  runtime.pageLine({ plan: { callbacks: [0, 1], props: ['{"i":2,"t":"out"}.children'] } });
  assert.deepEqual(runtime.pendingOutputs(), ['{"i":2,"t":"out"}.children']);
  // callback 1 writes nothing: its report leaves callback 0's output pending
  runtime.pageLine({ skip: { cb: 1, reason: "x" } });
  assert.deepEqual(runtime.pendingOutputs(), ['{"i":2,"t":"out"}.children']);
  runtime.pageLine({ skip: { cb: 0, reason: "x" } });
  assert.deepEqual(runtime.pendingOutputs(), []);
});

test("ExternalWrapper draws component JSON at the path it is given; useSelector reads the state", () => {
  const paths: unknown[] = [];
  const picks: unknown[] = [];
  (globalThis as any).libx = {
    Leaf: (p: any) => {
      paths.push(api().useDashContext().componentPath);
      return createElement("em", { id: p.id }, p.children);
    },
    Holder: (p: any) => {
      // a selector made anew on each render, with an equality function, as dbc's Spinner makes them
      picks.push(api().useDashContext().useSelector((s: any) => ({ n: Object.keys(s.loading).length }), (a: any, b: any) => a.n === b.n));
      return createElement(api().ExternalWrapper, { component: p.item, componentPath: ["props", "item"] });
    },
  };
  const layout = lib("Holder", { id: "h", item: lib("Leaf", { id: "leaf", children: "in data" }) });
  const { draw } = page({ props: [], triggers: {}, callbacks: [] }, layout);
  assert.equal(draw(), '<em id="leaf">in data</em>');
  assert.deepEqual(paths.at(-1), ["props", "item"]);
  draw();
  assert.deepEqual(picks.at(-1), { n: 0 });
});

test("pendingOutputs: plain outputs by key, pattern outputs by match, unreported callbacks only", () => {
  const outputs = [["a.children"], ['{"i":["MATCH"],"t":"o"}.children'], ["c.children"]];
  const stream = {
    plan: new Set([0, 1]),
    props: ["a.children", '{"i":1,"t":"o"}.children', '{"i":2,"t":"x"}.children', "c.children"],
  };
  // c.children's callback (2) is not in the plan; {"t":"x"} is not the pattern's kind of id
  assert.deepEqual(pendingOutputs([stream], outputs, () => []), ["a.children", '{"i":1,"t":"o"}.children']);
  const wide = { plan: new Set(Array.from({ length: 400 }, (_, i) => i)),
    props: Array.from({ length: 400 }, (_, i) => `o${i}.children`) };
  const many = Array.from({ length: 400 }, (_, i) => [`o${i}.children`]);
  assert.equal(pendingOutputs([wide], many, () => []).length, 400);
});

test("with no library component listening, the hub reads the pending outputs only when its state is read", () => {
  let reads = 0;
  let moved = () => {};
  const hubX = new LibStateHub();
  hubX.connect({ root: null, watch: () => () => {}, watchPending: (fn: () => void) => ((moved = fn), () => {}),
    pendingOutputs: () => (reads++, ["x.children"]) });
  moved(); moved(); moved();
  assert.equal(reads, 0);
  assert.deepEqual(hubX.getState().loading, {});  // no component x in this page: no spinner, but it was read
  assert.equal(reads, 1);
  const unsubscribe = hubX.subscribe(() => {});
  moved();
  assert.equal(reads, 2); // a listener: read at each move
  unsubscribe();
});
