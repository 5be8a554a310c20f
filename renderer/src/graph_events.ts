// Plotly.js point event data as Dash 4.4.1's Graph hands it to callbacks (clickData, hoverData,
// selectedData): each point keeps its plain values and `bbox` (objects and arrays such as `data`, `fullData`,
// `xaxis` are dropped, being big and circular), `customdata` is taken from the trace the app gave,
// histogram bins keep `pointNumbers`, a box selection keeps `range` and a lasso `lassoPoints`; a click is
// stamped with `timestamp` (Dash 4.4.1 does, so clicking the same point twice is a change).
// propwire/testing/graph_points.py builds the same shapes headlessly; the Graph component (wip/graph) calls
// pointEvent from its plotly_click / plotly_hover / plotly_selected handlers.

type Point = Record<string, unknown>;
type Trace = Record<string, unknown>;

export type PointEventKind = "click" | "hover" | "selected";

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function pointOf(full: Point, data: Trace[]): Point {
  const out: Point = {};
  for (const [key, value] of Object.entries(full)) {
    if (isPlainValue(value)) out[key] = value;
  }
  if (Array.isArray(full.pointNumbers)) out.pointNumbers = full.pointNumbers;
  // plotly's own `bbox` is an object Dash keeps: it arrives as a plain {x0, x1, y0, y1}
  if (full.bbox && typeof full.bbox === "object") out.bbox = { ...(full.bbox as object) };
  const curve = full.curveNumber;
  const number = full.pointNumber;
  if (typeof curve === "number" && typeof number === "number") {
    const customdata = data[curve]?.customdata as ArrayLike<unknown> | undefined;
    if (customdata !== undefined && customdata !== null && typeof customdata === "object" && "length" in customdata) {
      const value = customdata[number];
      if (value !== undefined) out.customdata = ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
    }
  }
  return out;
}

/** The Dash-shaped value for a click, hover or selection; null when plotly gives no points. */
export function pointEvent(kind: PointEventKind, eventData: unknown, data: Trace[], now: () => number = Date.now):
    Record<string, unknown> | null {
  if (eventData === null || eventData === undefined || typeof eventData !== "object") return null;
  const event = eventData as Record<string, unknown>;
  const points = Array.isArray(event.points) ? event.points : [];
  const out: Record<string, unknown> = { points: points.map((p) => pointOf(p as Point, data)) };
  if (event.range !== undefined) out.range = event.range;
  if (event.lassoPoints !== undefined) out.lassoPoints = event.lassoPoints;
  if (kind === "click") out.timestamp = now();
  return out;
}
