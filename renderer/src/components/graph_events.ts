// dcc.Graph's pure parts: which plotly.js bundle a figure needs, the responsive overrides, and the event data
// as Dash 4.4.1's Graph hands it to callbacks (points without plotly's big internal objects, customdata pulled
// in), checked against events recorded from Dash in tests/testing/data/dash_graph_events.json.
// propwire/testing/graph_points.py builds the same shapes headlessly.

import cartesian from "./plotly_cartesian.json";

/** The trace types of propwire's cartesian plotly.js bundle (build.mjs builds it from the same table); any
 * other type needs the full bundle. */
export const CARTESIAN_TYPES: ReadonlySet<string> = new Set(cartesian.traces);

type Obj = Record<string, any>;

/** True when some trace of the figure is of a type the cartesian bundle lacks (a trace without type is scatter).
 * Only `data` counts: a template names every trace type, used or not. */
export function needsFullBundle(figure: Obj | null | undefined): boolean {
  const data = figure?.data;
  if (!Array.isArray(data)) return false;
  return data.some((trace) => !CARTESIAN_TYPES.has(typeof trace?.type === "string" ? trace.type : "scatter"));
}

/** Whether the plot follows its container's size: `responsive` if a boolean, else (Dash's "auto") when
 * config.responsive is on and the layout leaves the size free. */
export function isResponsive(responsive: unknown, config: Obj | null | undefined, layout: Obj | null | undefined) {
  if (typeof responsive === "boolean") return responsive;
  if (!config?.responsive) return false;
  if (!layout) return true;
  const autosize = layout.autosize === undefined || layout.autosize === null || layout.autosize;
  return Boolean(autosize && (layout.height == null || layout.width == null));
}

/** The layout given to plotly: a copy (props stay as the server sent them, for Patch) with the responsive override. */
export function layoutFor(layout: Obj | null | undefined, responsive: unknown): Obj {
  const out: Obj = { ...(layout ?? {}) };
  if (responsive === true) {
    out.autosize = true;
    delete out.height;
    delete out.width;
  } else if (responsive === false) {
    out.autosize = false;
  }
  return out;
}

/** The config given to plotly: `responsive: true/false` overrides config.responsive, "auto" keeps it. */
export function configFor(config: Obj | null | undefined, responsive: unknown, topojsonURL?: string): Obj {
  const out: Obj = { ...(config ?? {}) };
  if (typeof responsive === "boolean") out.responsive = responsive;
  // plotly.js fetches geo maps from its CDN unless told otherwise: propwire serves them itself (its page's CSP
  // would refuse the CDN anyway); an app's own topojsonURL wins.
  if (topojsonURL && (out.topojsonURL === undefined || out.topojsonURL === null)) out.topojsonURL = topojsonURL;
  return out;
}

const isPlain = (v: unknown) => v !== null && typeof v === "object";
// A row of a 2-D typed-array customdata is a typed array view: callbacks get it as a plain list.
const plainRow = (v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v);

function pointOf(full: Obj, data: Obj[]): Obj {
  // Plotly's point carries its trace, axes and layout: keep the scalars only (objects and arrays would be big
  // and circular), as Dash does, plus the bounding box and a histogram's pointNumbers.
  const point: Obj = {};
  for (const [key, value] of Object.entries(full)) if (!isPlain(value)) point[key] = value;
  if (isPlain(full.bbox)) point.bbox = { ...full.bbox };
  const trace = typeof full.curveNumber === "number" ? data[full.curveNumber] : undefined;
  if (trace && "customdata" in trace) {
    const custom = trace.customdata;
    if (typeof full.pointNumber === "number") point.customdata = plainRow(custom?.[full.pointNumber]);
    else if (Array.isArray(full.pointNumbers)) point.customdata = full.pointNumbers.map((i: number) => plainRow(custom?.[i]));
    else if (!full.pointNumber && String(full.data?.mode ?? "").includes("lines")) point.customdata = custom;
  }
  if ("pointNumbers" in full) point.pointNumbers = full.pointNumbers;
  return point;
}

/** The value a Graph event prop gets from a plotly event: click, hover and selected become `{points: [...]}`
 * (selections keep `range` / `lassoPoints`), relayout and restyle pass as they are; null for no data. */
export function eventData(data: Obj[], event: Obj | null | undefined, kind: string): Obj | unknown[] | null {
  if (event === null || event === undefined) return null;
  if (kind === "relayout" || kind === "restyle") return event;
  const points = Array.isArray(event.points) ? event.points.map((p: Obj) => pointOf(p, data)) : [];
  const out: Obj = { points };
  if ("range" in event) out.range = event.range;
  if ("lassoPoints" in event) out.lassoPoints = event.lassoPoints;
  return out;
}

/** The [update, indices, maxPoints] of an extendData / prependData value; indices default to every key's
 * array position (Dash's rule: as many traces as the first key has arrays). */
export function amendArgs(value: unknown): [Obj, number[], unknown] | null {
  if (value === null || value === undefined) return null;
  let update: Obj, indices: number[] | undefined, max: unknown;
  if (Array.isArray(value) && isPlain(value[0])) [update, indices, max] = value as [Obj, number[], unknown];
  else if (isPlain(value) && !Array.isArray(value)) update = value as Obj;
  else return null;
  if (!indices) {
    const first = update[Object.keys(update)[0]];
    indices = Array.from({ length: Array.isArray(first) ? first.length : 0 }, (_, i) => i);
  }
  return [update, indices, max];
}
