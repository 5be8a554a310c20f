import { test } from "node:test";
import assert from "node:assert/strict";
import {
  amendArgs, configFor, eventData, isResponsive, layoutFor, needsFullBundle,
} from "../src/components/graph_events";

test("only traces outside the cartesian bundle's types need the full plotly.js", () => {
  assert.equal(needsFullBundle({ data: [{ type: "bar" }, { y: [1] }, { type: "pie" }, { type: "heatmap" }] }), false);
  assert.equal(needsFullBundle({ data: [{ type: "scatter" }, { type: "scatter3d" }] }), true);
  assert.equal(needsFullBundle({ data: [{ type: "scattergl" }, { type: "bar" }] }), false);
  assert.equal(needsFullBundle({ data: [{ type: "scattergl" }, { type: "splom" }] }), true);
  assert.equal(needsFullBundle(null), false);
  // a plotly.py template lists every trace type: it must not pull in the full bundle
  const template = { data: { surface: [{ type: "surface" }], choropleth: [{ type: "choropleth" }] } };
  assert.equal(needsFullBundle({ data: [{ type: "box" }], layout: { template } }), false);
});

test("click, hover and select points keep the scalars, pull customdata in, keep bbox and selection shapes", () => {
  const trace = { customdata: ["a", "b", "c"], mode: "markers" };
  const full = { curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 9, data: trace, fullData: trace,
    xaxis: { big: true }, bbox: { x0: 1, x1: 2, y0: 3, y1: 4 } };
  assert.deepEqual(eventData([trace], { points: [full], event: {} }, "click"), {
    points: [{ curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 9, bbox: { x0: 1, x1: 2, y0: 3, y1: 4 },
      customdata: "c" }],
  });
  const hist = { curveNumber: 0, pointNumbers: [0, 2], x: 1, y: 2, data: trace };
  const lasso = { x: [0, 1, 1], y: [0, 0, 1] };
  assert.deepEqual(eventData([trace], { points: [hist], lassoPoints: lasso }, "selected"), {
    points: [{ curveNumber: 0, x: 1, y: 2, customdata: ["a", "c"], pointNumbers: [0, 2] }],
    lassoPoints: lasso,
  });
  assert.deepEqual(eventData([{}], { points: [], range: { x: [0, 1] } }, "selected"), { points: [], range: { x: [0, 1] } });
  assert.equal(eventData([], undefined, "hover"), null);
  const relayout = { "xaxis.range[0]": 1, "xaxis.range[1]": 2 };
  assert.equal(eventData([], relayout, "relayout"), relayout);
});

test("responsive True frees the size, False fixes it, 'auto' follows config and layout", () => {
  assert.deepEqual(layoutFor({ height: 300, width: 400, title: "t" }, true), { autosize: true, title: "t" });
  assert.deepEqual(layoutFor({ height: 300 }, false), { height: 300, autosize: false });
  const layout = { height: 300 };
  assert.deepEqual(layoutFor(layout, "auto"), { height: 300 });
  assert.notEqual(layoutFor(layout, "auto"), layout, "a copy: the prop stays as the server sent it");
  assert.deepEqual(configFor({ scrollZoom: true }, true), { scrollZoom: true, responsive: true });
  assert.deepEqual(configFor({ responsive: true }, "auto"), { responsive: true });
  // the maps propwire serves, unless the app points plotly.js elsewhere itself
  assert.deepEqual(configFor(null, "auto", "/s/topojson/"), { topojsonURL: "/s/topojson/" });
  assert.deepEqual(configFor({ topojsonURL: "/mine/" }, "auto", "/s/topojson/"), { topojsonURL: "/mine/" });
  assert.equal(isResponsive("auto", { responsive: true }, { height: 300 }), true);
  assert.equal(isResponsive("auto", { responsive: true }, { height: 300, width: 200 }), false);
  assert.equal(isResponsive("auto", {}, {}), false);
  assert.equal(isResponsive(true, {}, { height: 1, width: 1 }), true);
});

test("extendData is [update, indices, max] or an update alone, whose indices cover its first key's arrays", () => {
  assert.deepEqual(amendArgs([{ x: [[1]], y: [[2]] }, [0], 10]), [{ x: [[1]], y: [[2]] }, [0], 10]);
  assert.deepEqual(amendArgs({ y: [[1], [2]] }), [{ y: [[1], [2]] }, [0, 1], undefined]);
  assert.equal(amendArgs(null), null);
  assert.equal(amendArgs(5), null);
});

// A plotly.js click point on trace 0, point 3, with the objects plotly puts in it; the expected value is what
// Dash 4.4.1 set in Chromium (tests/testing/data/dash_graph_events.json, click_scatter), less the click's
// timestamp, which graph.tsx stamps.
const data = [{ x: [1, 2, 3, 4, 5], customdata: [["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]] }];
const plotlyPoint = {
  curveNumber: 0, pointNumber: 3, pointIndex: 3, x: 4, y: 12, text: "Y", "marker.color": "orange",
  xPixel: 258.78, yPixel: 36.75, bbox: { x0: 259.78, x1: 273.78, y0: 37.75, y1: 51.75 },
  data: data[0], fullData: { big: true }, xaxis: { _id: "x" }, yaxis: { _id: "y" },
};

test("a recorded click keeps plain values, bbox and the trace's customdata", () => {
  const out = eventData(data, { points: [plotlyPoint], event: {} }, "click");
  assert.deepEqual(out, {
    points: [{ curveNumber: 0, pointNumber: 3, pointIndex: 3, x: 4, y: 12, text: "Y", "marker.color": "orange",
      xPixel: 258.78, yPixel: 36.75, bbox: { x0: 259.78, x1: 273.78, y0: 37.75, y1: 51.75 }, customdata: ["d", 4] }],
  });
});

test("a recorded selection keeps range or lassoPoints", () => {
  const box = eventData(data, { points: [plotlyPoint], range: { x: [1, 4], y: [11, 12] } }, "selected") as any;
  assert.deepEqual(box?.range, { x: [1, 4], y: [11, 12] });
  const lasso = eventData(data, { points: [], lassoPoints: { x: [1, 2, 1], y: [3, 4, 5] } }, "selected");
  assert.deepEqual(lasso, { points: [], lassoPoints: { x: [1, 2, 1], y: [3, 4, 5] } });
});

test("customdata from a decoded typed array, a 2-D one as a plain list", () => {
  const typed = [{ customdata: new Float64Array([0.5, 1.5]) }];
  const hovered = eventData(typed, { points: [{ curveNumber: 0, pointNumber: 1 }] }, "hover");
  assert.deepEqual(hovered, { points: [{ curveNumber: 0, pointNumber: 1, customdata: 1.5 }] });
  const rows = [{ customdata: [new Float64Array([1, 2]), new Float64Array([3, 4])] }];
  const clicked = eventData(rows, { points: [{ curveNumber: 0, pointNumber: 1 }] }, "click") as any;
  assert.deepEqual(clicked.points[0].customdata, [3, 4]);
});
