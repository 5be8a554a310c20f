import { test } from "node:test";
import assert from "node:assert/strict";
import { pointEvent } from "../src/graph_events";

// A plotly.js click point on trace 0, point 3, with the objects plotly puts in it; the expected value is what
// Dash 4.4.1 set in Chromium (tests/testing/data/dash_graph_events.json, click_scatter).
const data = [{ x: [1, 2, 3, 4, 5], customdata: [["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]] }];
const plotlyPoint = {
  curveNumber: 0, pointNumber: 3, pointIndex: 3, x: 4, y: 12, text: "Y", "marker.color": "orange",
  xPixel: 258.78, yPixel: 36.75, bbox: { x0: 259.78, x1: 273.78, y0: 37.75, y1: 51.75 },
  data: data[0], fullData: { big: true }, xaxis: { _id: "x" }, yaxis: { _id: "y" },
};

test("a click keeps plain values, bbox and the trace's customdata, and is stamped", () => {
  const out = pointEvent("click", { points: [plotlyPoint], event: {} }, data, () => 1796160608703);
  assert.deepEqual(out, {
    points: [{ curveNumber: 0, pointNumber: 3, pointIndex: 3, x: 4, y: 12, text: "Y", "marker.color": "orange",
      xPixel: 258.78, yPixel: 36.75, bbox: { x0: 259.78, x1: 273.78, y0: 37.75, y1: 51.75 }, customdata: ["d", 4] }],
    timestamp: 1796160608703,
  });
});

test("hover has no timestamp; a selection keeps range or lassoPoints", () => {
  assert.equal(pointEvent("hover", { points: [plotlyPoint] }, data)?.timestamp, undefined);
  const box = pointEvent("selected", { points: [plotlyPoint], range: { x: [1, 4], y: [11, 12] } }, data);
  assert.deepEqual(box?.range, { x: [1, 4], y: [11, 12] });
  const lasso = pointEvent("selected", { points: [], lassoPoints: { x: [1, 2, 1], y: [3, 4, 5] } }, data);
  assert.deepEqual(lasso, { points: [], lassoPoints: { x: [1, 2, 1], y: [3, 4, 5] } });
});

test("customdata from a decoded typed array; histogram pointNumbers kept; no event data is null", () => {
  const typed = [{ customdata: new Float64Array([0.5, 1.5]) }];
  const hovered = pointEvent("hover", { points: [{ curveNumber: 0, pointNumber: 1 }] }, typed);
  assert.deepEqual(hovered, { points: [{ curveNumber: 0, pointNumber: 1, customdata: 1.5 }] });
  const bins = pointEvent("click", { points: [{ curveNumber: 0, pointNumbers: [2, 5], x: 1 }] }, [{}], () => 0);
  assert.deepEqual((bins?.points as unknown[])[0], { curveNumber: 0, pointNumbers: [2, 5], x: 1 });
  assert.equal(pointEvent("click", undefined, data), null);
});
