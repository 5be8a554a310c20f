// The callback graph drawn: props and callbacks as SVG nodes laid out left to right (graph_layout.ts), pannable by
// dragging, zoomable with the wheel or the buttons. Callbacks in flight light up; a click on a node shows its
// details (graph_details.ts). Loaded lazily with the layout library, as a chunk of its own (panel.ts).
import { h } from "./dom";
import { details } from "./graph_details";
import { place, pathOf, type Placed } from "./graph_layout";
import { buildGraph, callbackId, lastStatus, type CallbackGraph, type GraphNode } from "./graph_model";
import type { Model } from "./model";

const NS = "http://www.w3.org/2000/svg";
type Attrs = Record<string, string | number | undefined>;

function s(tag: string, attrs: Attrs = {}, ...children: (SVGElement | string)[]): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
  children.forEach((c) => node.append(c));
  return node;
}

// Colours of the panel's palette (slate for props, indigo for server callbacks, cyan for clientside ones).
const EDGE = {
  input: { stroke: "#64748b", dash: undefined, marker: "pw-dt-arrow" },
  state: { stroke: "#a3adbd", dash: "4 3", marker: "pw-dt-arrow-state" },
  output: { stroke: "#6366f1", dash: undefined, marker: "pw-dt-arrow-out" },
} as const;
const STATUS_COLOR: Record<string, string> = {
  ran: "#16a34a", no_update: "#0ea5e9", skipped: "#94a3b8", "not run": "#94a3b8", deferred: "#f59e0b",
  clientside: "#06b6d4", error: "#dc2626",
};

/** Text cut to what fits `width` px at `char` px a character (the sizes graph_model lays nodes out with). */
const fit = (text: string, width: number, char = 6.6) => {
  const max = Math.max(4, Math.floor((width - 18) / char));
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
};

function markers(): SVGElement {
  const arrow = (id: string, color: string) =>
    s("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
      s("path", { d: "M0,1 L9,5 L0,9 z", fill: color }));
  return s("defs", {}, arrow("pw-dt-arrow", EDGE.input.stroke), arrow("pw-dt-arrow-state", EDGE.state.stroke),
    arrow("pw-dt-arrow-out", EDGE.output.stroke));
}

function nodeShape(n: GraphNode, at: { x: number; y: number }, clientside: boolean): SVGElement {
  const x = at.x - n.width / 2, y = at.y - n.height / 2;
  const isCb = n.kind === "callback";
  const fill = isCb ? (clientside ? "#ecfeff" : "#eef2ff") : "#ffffff";
  const stroke = isCb ? (clientside ? "#06b6d4" : "#6366f1") : "#cbd5e1";
  const g = s("g", {
    "data-node": n.id, "data-kind": n.kind, "data-cb": n.cb, "data-name": isCb ? n.label : undefined,
    "data-key": n.key, tabindex: 0, role: "button", style: "cursor:pointer;outline:none",
    "aria-label": isCb ? `callback ${n.label}` : `prop ${n.key}`,
  },
  s("title", {}, isCb ? `${n.label}\n${n.sub}` : n.key ?? n.label),
  s("rect", { class: "pw-dt-box", x, y, width: n.width, height: n.height, rx: isCb ? 8 : n.height / 2, fill, stroke,
    "stroke-width": 1.3, "data-fill": fill, "data-stroke": stroke }),
  s("text", { x: at.x, y: at.y - 3, "text-anchor": "middle", "font-size": 12, "font-weight": 600, fill: "#0f172a",
    "font-family": isCb ? "ui-monospace,SFMono-Regular,Menlo,monospace" : "system-ui,sans-serif" }, fit(n.label, n.width)),
  s("text", { x: at.x, y: at.y + 12, "text-anchor": "middle", "font-size": 10.5, fill: "#64748b",
    "font-family": "system-ui,sans-serif" }, fit(n.sub, n.width, 5.8)));
  if (isCb) g.append(s("circle", { class: "pw-dt-dot", cx: x + n.width - 8, cy: y + 8, r: 3.5, fill: "none" }));
  return g;
}

export class GraphView {
  readonly element: HTMLElement;
  private readonly graph: CallbackGraph;
  private readonly placed: Placed;
  private readonly svg: SVGSVGElement;
  private readonly viewport: SVGElement;
  private readonly side: HTMLElement;
  private readonly nodes = new Map<string, SVGElement>();
  private readonly edges: { el: SVGElement; from: string; to: string }[] = [];
  private view = { x: 0, y: 0, k: 1 };
  /** The user panned or zoomed: resizes keep their view. */
  private moved = false;
  private shownVersion = -1;

  constructor(private readonly model: Model, private selected: number | null = null,
              private readonly onSelect: (cb: number | null) => void = () => {}) {
    this.graph = buildGraph(model.callbacks);
    this.placed = place(this.graph);
    this.viewport = s("g", { class: "pw-dt-viewport" });
    this.svg = s("svg", { class: "pw-dt-svg", width: "100%", height: "100%", role: "img",
      "aria-label": `callback graph: ${model.callbacks.length} callbacks`,
      "data-nodes": this.graph.nodes.length, style: "display:block;touch-action:none;cursor:grab" },
    markers(), this.viewport) as SVGSVGElement;
    this.draw();
    const canvas = h("div", { class: "pw-dt-canvas", style: "position:relative;flex:1 1 auto;min-width:0;overflow:hidden;" +
      "background:#f8fafc radial-gradient(#dfe4ec 1px,transparent 1px) 0 0/16px 16px;border-radius:6px;border:1px solid #e2e8f0" },
    this.svg, this.toolbar(), legend());
    this.side = h("div", { class: "pw-dt-details", style: "flex:0 0 280px;max-width:45%;overflow:auto;padding:0 2px 0 10px" });
    this.element = h("div", { class: "pw-dt-graph", style: "display:flex;gap:0;height:100%;min-height:260px" }, canvas, this.side);
    this.interact(canvas);
    // Fit while the user has not moved the view: the panel's width settles after it opens (the overlay may join).
    new ResizeObserver(() => {
      if (!this.moved && canvas.clientWidth > 0) this.fit(0.45);
    }).observe(canvas);
    this.update(new Set());
  }

  private draw(): void {
    const edgeLayer = s("g", { class: "pw-dt-edges", fill: "none" });
    for (const e of this.placed.edges) {
      const style = EDGE[e.kind];
      const el = s("path", { d: pathOf(e.points), stroke: style.stroke, "stroke-width": 1.4, "stroke-dasharray": style.dash,
        "marker-end": `url(#${style.marker})`, "data-kind": e.kind, "data-from": e.from, "data-to": e.to });
      this.edges.push({ el, from: e.from, to: e.to });
      edgeLayer.append(el);
    }
    const nodeLayer = s("g", { class: "pw-dt-nodes" });
    for (const n of this.graph.nodes) {
      const clientside = n.cb !== undefined && this.model.callbacks[n.cb]?.clientside === true;
      const el = nodeShape(n, this.placed.nodes.get(n.id)!, clientside);
      el.addEventListener("click", (ev) => (ev.stopPropagation(), this.select(n)));
      el.addEventListener("keydown", (ev) => {
        if ((ev as KeyboardEvent).key === "Enter" || (ev as KeyboardEvent).key === " ") this.select(n);
      });
      this.nodes.set(n.id, el);
      nodeLayer.append(el);
    }
    this.viewport.append(edgeLayer, nodeLayer);
  }

  private toolbar(): HTMLElement {
    const btn = (label: string, title: string, act: () => void) =>
      h("button", { type: "button", title, "aria-label": title, onclick: act, style:
        "width:26px;height:26px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;color:#334155;cursor:pointer;font:14px/1 system-ui" }, label);
    const find = h("input", { type: "search", class: "pw-dt-find", placeholder: "Find a callback or prop", "aria-label":
      "Find a callback or prop", style: "width:170px;height:26px;box-sizing:border-box;border:1px solid #cbd5e1;" +
      "border-radius:6px;padding:0 8px;font:12px system-ui,sans-serif;background:#fff" }) as HTMLInputElement;
    find.addEventListener("input", () => this.find(find.value));
    return h("div", { style: "position:absolute;top:8px;right:8px;display:flex;gap:4px" }, find,
      btn("−", "Zoom out", () => this.zoom(1 / 1.25)), btn("+", "Zoom in", () => this.zoom(1.25)),
      btn("⤢", "Fit the graph", () => this.fit(0.1)));
  }

  /** Select the node named so, else the first whose name or key holds the text (callbacks first); centre it. */
  private find(text: string): void {
    const q = text.trim().toLowerCase();
    if (!q) return;
    const hit = (n: GraphNode) => `${n.label}${n.sub} ${n.key ?? ""}`.toLowerCase().includes(q);
    const exact = (n: GraphNode) => n.key?.toLowerCase() === q || n.label.toLowerCase() === q;
    const node = this.graph.nodes.find(exact) ?? this.graph.nodes.find((n) => n.kind === "callback" && hit(n))
      ?? this.graph.nodes.find(hit);
    if (!node) return;
    const at = this.placed.nodes.get(node.id)!;
    const k = Math.max(this.view.k, 0.8);
    this.moved = true;
    this.set({ x: this.svg.clientWidth / 2 - at.x * k, y: this.svg.clientHeight / 2 - at.y * k, k });
    this.select(node);
  }

  /** Drag to pan, wheel to zoom around the pointer; a click on the background clears the selection. */
  private interact(canvas: HTMLElement): void {
    let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | null = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if ((e.target as Element).closest("[data-node]")) return;
      drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, moved: false };
      this.svg.setPointerCapture(e.pointerId);
      this.svg.style.cursor = "grabbing";
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = this.moved = true;
      this.set({ x: drag.vx + dx, y: drag.vy + dy, k: this.view.k });
    });
    const end = () => {
      if (drag && !drag.moved && this.selected !== null) this.select(null);
      drag = null;
      this.svg.style.cursor = "grab";
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    canvas.addEventListener("wheel", (e) => {
      e.preventDefault();
      const box = this.svg.getBoundingClientRect();
      this.zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
  }

  private set(view: { x: number; y: number; k: number }): void {
    this.view = view;
    this.viewport.setAttribute("transform", `translate(${view.x.toFixed(1)},${view.y.toFixed(1)}) scale(${view.k.toFixed(4)})`);
  }

  private zoom(by: number, cx = this.svg.clientWidth / 2, cy = this.svg.clientHeight / 2): void {
    this.moved = true;
    const k = Math.min(3, Math.max(0.1, this.view.k * by));
    const r = k / this.view.k;
    this.set({ x: cx - (cx - this.view.x) * r, y: cy - (cy - this.view.y) * r, k });
  }

  /** The whole graph in view, but no smaller than `min` (a big app's graph then starts at its top, its text still legible). */
  private fit(min: number): void {
    const w = this.svg.clientWidth, hgt = this.svg.clientHeight;
    if (!w || !hgt) return;
    const k = Math.max(min, Math.min(1.5, (w - 16) / this.placed.width, (hgt - 40) / this.placed.height));
    const x = Math.max(0, (w - this.placed.width * k) / 2), y = Math.max(0, (hgt - this.placed.height * k) / 2);
    this.set({ x, y, k });
  }

  private select(n: GraphNode | null): void {
    this.selected = n?.cb ?? null;
    this.selectedProp = n?.kind === "prop" ? n.key ?? null : null;
    this.onSelect(this.selected);
    this.shownVersion = -1;
    this.update(this.model.running());
  }

  private selectedProp: string | null = null;

  /** Live state: running callbacks lit, each callback's last outcome as a dot, the selection and its edges. */
  update(running: Set<number>): void {
    const status = lastStatus(this.model);
    const focus = this.selected !== null ? callbackId(this.selected) : this.selectedProp ? `p:${this.selectedProp}` : null;
    const near = new Set<string>();
    if (focus) {
      near.add(focus);
      this.edges.forEach((e) => (e.from === focus || e.to === focus) && (near.add(e.from), near.add(e.to)));
    }
    this.nodes.forEach((el, id) => {
      const cb = el.dataset.cb === undefined ? undefined : Number(el.dataset.cb);
      const box = el.querySelector(".pw-dt-box")!;
      const on = cb !== undefined && running.has(cb);
      if (on) el.setAttribute("data-running", "1");
      else el.removeAttribute("data-running");
      el.toggleAttribute("data-selected", id === focus);
      box.setAttribute("fill", on ? "#fef3c7" : box.getAttribute("data-fill")!);
      box.setAttribute("stroke", on ? "#f59e0b" : id === focus ? "#0f172a" : box.getAttribute("data-stroke")!);
      box.setAttribute("stroke-width", on || id === focus ? "2.5" : "1.3");
      el.setAttribute("opacity", focus && !near.has(id) ? "0.45" : "1");
      const dot = el.querySelector(".pw-dt-dot");
      const st = cb === undefined ? undefined : status.get(cb);
      if (dot) dot.setAttribute("fill", on ? "#f59e0b" : st ? STATUS_COLOR[st] ?? "none" : "none");
      if (st) el.setAttribute("data-status", st);
    });
    this.edges.forEach((e) => {
      const lit = !focus || e.from === focus || e.to === focus;
      e.el.setAttribute("opacity", lit ? "1" : "0.15");
      e.el.setAttribute("stroke-width", focus && lit ? "2" : "1.4");
    });
    if (this.shownVersion !== this.model.version) {
      this.shownVersion = this.model.version;
      this.side.replaceChildren(details(this.model, this.selected, this.selectedProp, (cb) => {
        const node = this.graph.nodes.find((n) => n.cb === cb);
        if (node) this.select(node);
      }));
    }
  }
}

function legend(): HTMLElement {
  const item = (svg: SVGElement, text: string) => h("span", { style: "display:inline-flex;align-items:center;gap:4px" }, svg as unknown as Node, text);
  const line = (kind: keyof typeof EDGE) => s("svg", { width: 22, height: 8 },
    s("line", { x1: 0, y1: 4, x2: 22, y2: 4, stroke: EDGE[kind].stroke, "stroke-width": 2, "stroke-dasharray": EDGE[kind].dash }));
  const swatch = (fill: string, stroke: string) => s("svg", { width: 12, height: 12 },
    s("rect", { x: 1, y: 1, width: 10, height: 10, rx: 3, fill, stroke }));
  return h("div", { style: "position:absolute;left:8px;bottom:6px;display:flex;gap:10px;font:11px system-ui,sans-serif;" +
    "color:#475569;background:rgba(255,255,255,.85);padding:2px 6px;border-radius:6px;pointer-events:none" },
  item(line("input"), "Input"), item(line("state"), "State"), item(line("output"), "Output"),
  item(swatch("#eef2ff", "#6366f1"), "callback"), item(swatch("#ecfeff", "#06b6d4"), "clientside"),
  item(swatch("#fef3c7", "#f59e0b"), "running"));
}
