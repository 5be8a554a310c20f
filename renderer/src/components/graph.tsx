// dcc.Graph: a plotly.js plot in its own lazy chunk. plotly.js itself is two more chunks: the cartesian bundle
// (plotly's cartesian traces and scattergl, built by build.mjs) for figures whose traces are all of its types,
// the full one otherwise (decided per figure, graph_events.ts).
// The full one is plotly's "strict" build: its WebGL traces (scattergl, splom, ...) draw through regl, which the
// plain build runs through `new Function`, and the page's CSP allows no eval (the plain build then shows
// "WebGL is not supported"); the strict build carries regl's code precompiled.
// Updates go through Plotly.react on the same element, so a new figure never re-creates the plot. Typed-array
// specs ({dtype, bdata}) are decoded on a copy for plotly.js (typed_arrays.ts): the store keeps what was sent.
import { useContext, useEffect, useRef } from "react";
import { drawnInserts, extendFigure } from "../extend_data";
import { decodeFigure } from "../typed_arrays";
import { RuntimeContext } from "../render";
import { toStyle } from "./attrs";
import { amendArgs, configFor, eventData, isResponsive, layoutFor, needsFullBundle } from "./graph_events";
import type { ComponentProps, Props } from "./types";

type Plotly = any;
let cartesian: Promise<Plotly> | null = null;
let full: Promise<Plotly> | null = null;

/** The plotly.js a figure needs; once the full bundle is loaded every later plot uses it (one is enough). */
function loadPlotly(wantFull: boolean): Promise<Plotly> {
  if (wantFull || full) return (full ??= import("plotly.js-strict-dist-min").then((m) => m.default));
  return (cartesian ??= import("plotly-cartesian").then((m) => m.default));
}

// The geo maps (topojson) beside this chunk in propwire's static folder (build.mjs copies them there), wherever the
// app is mounted.
const TOPOJSON = new URL("./topojson/", import.meta.url).href;

let mathjax: Promise<void> | null = null;

/** MathJax 3 (tex-svg, what Dash loads for `mathjax=True`), a chunk of its own, once per page; plotly.js finds it
 * on window. It typesets only what plotly asks for, never the rest of the page. */
function loadMathJax(): Promise<void> {
  return (mathjax ??= (async () => {
    const w = window as any;
    if (w.MathJax?.version) return;
    w.MathJax = { ...(w.MathJax ?? {}), startup: { typeset: false }, svg: { fontCache: "global" } };
    await import("mathjax/es5/tex-svg.js");
    await w.MathJax.startup?.promise;
  })());
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface PlotState {
  plotly: Plotly | null;
  queue: Promise<unknown>;
  plotted: boolean;
  /** The figure extendData / prependData last grew in the store: it is what the plot already shows. */
  grown: unknown;
  /** The figure plot() last drew. */
  drawn: unknown;
  /** Steps queued and not done. */
  pending: number;
  /** The component JSON the store held when the plot was last (re)mounted: a callback that replaces the Graph
   * with a new one of the same id gives a new one, which Dash mounts afresh (first-plot resize included). */
  mounted: unknown;
  /** The next plot is a first plot for Dash's rules (mount, or the Graph replaced): resize after it. */
  fresh: boolean;
}

/** Sets the event props as Dash's Graph does: a click always (with a timestamp, so two clicks on one point are
 * two changes), the others only when their value changes. */
function bindEvents(gd: any, live: { current: ComponentProps }) {
  const hold = selectionHold((partial) => live.current.setProps(partial));
  const set = (partial: Props) => { hold.flush(); live.current.setProps(partial); };
  const data = () => gd.data ?? [];
  gd.on("plotly_click", (e: any) => {
    const clickData = eventData(data(), e, "click") as Props | null;
    if (clickData) set({ clickData: { ...clickData, timestamp: Date.now() } });
  });
  gd.on("plotly_clickannotation", (e: any) => {
    const { event: _event, fullAnnotation: _full, ...rest } = e ?? {};
    set({ clickAnnotationData: { ...rest, timestamp: Date.now() } });
  });
  const fresh = (prop: string, kind: string, e: any) => {
    const value = eventData(data(), e, kind);
    return value !== null && !same(value, hold.value(prop, live.current.props)) ? value : undefined;
  };
  const changed = (prop: string, kind: string) => (e: any) => {
    const value = fresh(prop, kind, e);
    if (value !== undefined) set({ [prop]: value });
  };
  gd.on("plotly_hover", changed("hoverData", "hover"));
  gd.on("plotly_selected", (e: any) => {
    const value = fresh("selectedData", "selected", e);
    if (value !== undefined) hold.add({ selectedData: value });
  });
  gd.on("plotly_deselect", () => hold.add({ selectedData: null }));
  gd.on("plotly_relayout", (e: any) => {
    const value = fresh("relayoutData", "relayout", e);
    if (value !== undefined) hold.add({ relayoutData: value });
    hold.flush(); // the relayout ends a selection's burst: it goes out now, with whatever was held
    // Shapes the user drew or moved live in the plot only: put them into the figure, as Dash does, so that
    // callbacks reading the figure see them and the next Plotly.react keeps them.
    if (e && Object.keys(e).some((k) => k === "shapes" || k.startsWith("shapes["))) {
      const figure = live.current.props.figure ?? {};
      const shapes = gd.layout?.shapes;
      if (!same(figure.layout?.shapes, shapes)) set({ figure: { ...figure, layout: { ...figure.layout, shapes } } });
    }
  });
  gd.on("plotly_restyle", changed("restyleData", "restyle"));
  gd.on("plotly_unhover", () => {
    if (live.current.props.clear_on_unhover) set({ hoverData: null });
  });
}

/** How long a selection change waits for the relayout plotly.js follows it with. */
const SELECTION_HOLD_MS = 50;

/** plotly.js reports a selection in a burst a few ms long: a double-click that deselects is a `selected` with
 * no points (its first click), the deselect, then the box leaving the layout (relayout {selections: []}); a box
 * drag is `selected`, then the box's relayout. Dash's renderer makes one call of such a burst, so a selection
 * change is held until the relayout that ends it (or SELECTION_HOLD_MS) and goes out with it as one change. */
function selectionHold(send: (partial: Props) => void) {
  let held: Props | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (held) { const partial = held; held = null; send(partial); }
  };
  return {
    flush,
    add(partial: Props) {
      held = { ...held, ...partial };
      timer ??= setTimeout(flush, SELECTION_HOLD_MS);
    },
    /** The prop's value as the page will have it: the held one, else the one set. */
    value: (prop: string, props: Props) => (held && prop in held ? held[prop] : props[prop]),
  };
}

async function plot(gd: any, state: PlotState, props: Props, live: { current: ComponentProps }) {
  const figure = props.figure ?? { data: [], layout: {}, frames: [] };
  const [plotly] = await Promise.all([loadPlotly(needsFullBundle(figure)), props.mathjax ? loadMathJax() : null]);
  if (state.plotly && state.plotly !== plotly) {
    // The figure now needs the full bundle: the cartesian one lets go of the element first.
    state.plotly.purge(gd);
    state.plotted = false;
  }
  state.plotly = plotly;
  state.drawn = props.figure;
  const shown = decodeFigure(figure);
  const spec = {
    data: shown.data ?? [],
    layout: layoutFor(shown.layout, props.responsive ?? "auto"),
    frames: shown.frames,
    config: { ...configFor(props.config, props.responsive ?? "auto", TOPOJSON), typesetMath: Boolean(props.mathjax) },
  };
  if (props.animate && state.plotted && spec.data.length === gd.data?.length) {
    const options = props.animation_options ?? { frame: { redraw: false }, transition: { duration: 750, ease: "cubic-in-out" } };
    return plotly.animate(gd, spec, options);
  }
  await plotly.react(gd, spec);
  if (!state.plotted) {
    state.plotted = true;
    bindEvents(gd, live);
  }
  if (state.fresh) {
    state.fresh = false;
    // As Dash's Graph does once a plot is drawn: fit it to its container. A plot whose layout leaves its size
    // free then reports relayoutData {autosize: true}, which Dash apps see at load.
    await plotly.Plots.resize(gd).catch(() => undefined);
  }
}

/** extendData / prependData: plotly.js extends the drawn traces, and the store's figure grows the same way
 * (quietly, as Dash's figure grows in place), so a callback reading `figure` as State sees the new points. */
async function amend(gd: any, state: PlotState, value: unknown, live: { current: ComponentProps }, prepend: boolean) {
  const args = amendArgs(decodeFigure(value));
  if (!args || !state.plotly || !args[1].length) return;
  const figure = live.current.props.figure;
  let grown: any = null;
  if (figure && live.current.keepProps) {
    // plotly.js extends the trace objects it draws in place: a store trace that is one of them (no typed-array
    // spec was decoded for it) grows with it, as Dash's figure does, so it is kept as it is, not grown twice
    const drawn: unknown[] = gd.data ?? [];
    const next = extendFigure(figure, value, prepend);
    const kept = (t: unknown, i: number) => (figure.data?.[i] === drawn[i] ? figure.data[i] : t);
    grown = { ...next, data: (next.data ?? []).map(kept) };
  }
  const [update, indices, max] = args;
  const joinable = drawnInserts(gd.data ?? [], update as Record<string, unknown[]>, indices);
  await state.plotly[prepend ? "prependTraces" : "extendTraces"](gd, joinable, indices, max);
  if (grown) {
    state.grown = grown;
    live.current.keepProps?.({ figure: grown });
  }
}

export function Graph(component: ComponentProps) {
  const { props, id } = component;
  const gd = useRef<HTMLDivElement>(null);
  const live = useRef(component);
  live.current = component;
  const state = useRef<PlotState>({
    plotly: null, queue: Promise.resolve(), plotted: false, grown: null, drawn: null, pending: 0, mounted: undefined,
    fresh: true,
  });
  const runtime = useContext(RuntimeContext);
  const comp = id !== undefined ? runtime?.store.entry(id)?.comp : undefined;
  if (comp !== state.current.mounted) {
    // A new component JSON for this id: the Graph was replaced (React keeps this instance), so it is new to Dash.
    state.current.fresh = state.current.mounted !== undefined || state.current.fresh;
    state.current.mounted = comp;
  }
  const queue = (step: () => unknown) => {
    const s = state.current;
    const el = gd.current;
    // While plotly.js works, the plot says so: the test drivers wait for it as for an event (propwire/testing)
    s.pending += 1;
    el?.setAttribute("data-pw-plotting", "");
    s.queue = s.queue
      .then(step)
      .catch((err) => console.error(`dcc.Graph ${id ?? ""}:`, err))
      .finally(() => {
        s.pending -= 1;
        if (s.pending === 0) el?.removeAttribute("data-pw-plotting");
      });
  };

  // A figure extendData grew is on the plot already (amend): it is no reason to plot again.
  const figure = props.figure !== undefined && props.figure === state.current.grown ? state.current.drawn : props.figure;
  useEffect(() => {
    queue(() => gd.current && plot(gd.current, state.current, live.current.props, live));
  }, [figure, props.config, props.responsive, props.animate, props.mathjax, comp]);
  useEffect(() => {
    if (props.extendData) queue(() => gd.current && amend(gd.current, state.current, props.extendData, live, false));
  }, [props.extendData]);
  useEffect(() => {
    if (props.prependData) queue(() => gd.current && amend(gd.current, state.current, props.prependData, live, true));
  }, [props.prependData]);
  const responsive = isResponsive(props.responsive ?? "auto", props.config, props.figure?.layout);
  useEffect(() => {
    const el = gd.current;
    if (!responsive || !el || typeof ResizeObserver === "undefined") return;
    // The container may change size without the window doing so (a sidebar folding): follow it.
    const observer = new ResizeObserver(() => queue(() => state.current.plotted && state.current.plotly.Plots.resize(el)));
    observer.observe(el.parentElement ?? el);
    return () => observer.disconnect();
  }, [responsive]);
  useEffect(() => () => {
    const el: any = gd.current;
    if (el && state.current.plotly) {
      el.removeAllListeners?.();
      state.current.plotly.purge(el);
    }
  }, []);

  const style = { ...toStyle(props.style) };
  if (responsive && style.height === undefined) style.height = "100%";
  const className = props.className ? `dash-graph ${props.className}` : "dash-graph";
  return (
    <div id={id} className={className} style={style}>
      <div ref={gd} style={{ height: "100%", width: "100%" }} />
    </div>
  );
}
