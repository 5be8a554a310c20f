import { test } from "node:test";
import assert from "node:assert/strict";
import { amendArgs, configFor, eventData, isResponsive, layoutFor, needsFullBundle } from "../src/components/graph_events";

test("only traces outside the cartesian bundle's types need the full plotly.js", () => {
  assert.equal(needsFullBundle({ data: [{ type: "bar" }, { y: [1] }, { type: "pie" }, { type: "heatmap" }] }), false);
  assert.equal(needsFullBundle({ data: [{ type: "scatter" }, { type: "scatter3d" }] }), true);
  assert.equal(needsFullBundle({ data: [{ type: "scattergl" }] }), true);
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
