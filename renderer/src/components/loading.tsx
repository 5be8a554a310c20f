// dcc.Loading: its children, and a spinner over them while an output of a component inside it is pending (the
// plan's pending outputs, lib_state.ts `loading`, keyed by layout path as Dash keys them). The Loading's id is
// on the spinner's box, as in Dash 4.4.1.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import type { LoadingEntry } from "../lib_state";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { useSelector } from "./dash_api";
import type { ComponentProps, Props } from "./types";

// Each spinner: its class (Dash's names, which apps restyle) and the classes of the pieces that animate.
const range = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i + 1));
const SPINNERS: Record<string, [string, string[]]> = {
  default: ["dash-default-spinner", range(5, (i) => `dash-default-spinner-rect${i}`)],
  dot: ["dash-dot-spinner", range(3, (i) => `dash-dot-spinner-bounce${i}`)],
  circle: ["dash-sk-circle", range(12, (i) => `dash-sk-circle${i} dash-sk-child`)],
  cube: ["dash-cube-container", range(6, (i) => `dash-cube-side dash-cube-side--${i}`)],
  graph: ["dash-graph-spinner", range(4, (i) => `dash-bar dash-bar__${i}`)],
};

const COVERING: CSSProperties = {
  visibility: "visible", position: "absolute", top: 0, height: "100%", width: "100%",
  display: "flex", justifyContent: "center", alignItems: "center",
};

/** Whether a pending output counts for `targets` ({id: prop | [props] | "*"}); no targets: every one does. */
export function targeted(entry: LoadingEntry, targets: unknown): boolean {
  if (!targets || typeof targets !== "object") return true;
  const want = (targets as Record<string, unknown>)[entry.id];
  if (!want) return false;
  if (want === "*") return true;
  return Array.isArray(want) ? want.includes(entry.property) : want === entry.property;
}

/** The pending outputs of the components strictly inside `path` (Dash's rule), or null when there are none. */
export function pendingInside(loading: Record<string, LoadingEntry[]>, path: readonly (string | number)[], targets: unknown): LoadingEntry[] | null {
  const prefix = JSON.stringify(path).slice(0, -1) + ",";
  const out: LoadingEntry[] = [];
  for (const key in loading) {
    const entries = loading[key];
    if (!key.startsWith(prefix) || !entries.length) continue;
    if (targets && !entries.some((e) => targeted(e, targets))) continue;
    out.push(...entries);
  }
  return out.length ? out : null;
}

const sameList = (a: LoadingEntry[] | null, b: LoadingEntry[] | null) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((e, i) => e.id === b[i].id && e.property === b[i].property));

/** Whether the spinner shows: `display` forces it; else it follows `pending`, late by delay_show / delay_hide. */
function useShown(props: Props, pending: boolean): boolean {
  const [shown, setShown] = useState(props.show_initially ?? true);
  const timer = useRef<{ to: boolean; id: number } | null>(null);
  const display = props.display ?? "auto";
  useEffect(() => {
    if (display === "show" || display === "hide") {
      setShown(display === "show");
      return;
    }
    if (timer.current && timer.current.to !== pending) {
      window.clearTimeout(timer.current.id); // the load ended (or began again) before the delay ran out
      timer.current = null;
    }
    if (shown === pending || timer.current) return;
    const delay = Number(pending ? props.delay_show : props.delay_hide) || 0;
    const id = window.setTimeout(() => {
      timer.current = null;
      setShown(pending);
    }, delay);
    timer.current = { to: pending, id };
  }, [display, pending, shown, props.delay_show, props.delay_hide]);
  useEffect(() => () => void (timer.current && window.clearTimeout(timer.current.id)), []);
  return shown;
}

function Spinner({ props, pending }: { props: Props; pending: LoadingEntry[] | null }): ReactNode {
  const [kind, pieces] = SPINNERS[props.type ?? "default"] ?? SPINNERS.default;
  const outer = [props.fullscreen ? "dash-spinner-container" : "", props.className ?? ""].filter(Boolean).join(" ");
  const color = { "--pw-spinner-color": props.color ?? "var(--Dash-Fill-Interactive-Strong, #1975fa)" } as CSSProperties;
  return (
    <div className={outer || undefined} style={{ ...color, ...toStyle(props.style) }}>
      {props.debug && pending
        ? pending.map((p, i) => <h3 key={i} className="dash-loading-title">{`Loading #${p.id}'s ${p.property}`}</h3>)
        : null}
      <div className={`dash-spinner ${kind}`}>
        {pieces.map((piece) => <div key={piece} className={piece} />)}
      </div>
    </div>
  );
}

export function Loading({ props, id, path }: ComponentProps) {
  const targets = props.target_components;
  const pending = useSelector((state) => pendingInside(state.loading, path ?? [], targets), sameList);
  const shown = useShown(props, pending !== null);
  const parent = toStyle(props.parent_style) ?? {};
  const inner: CSSProperties = shown ? { visibility: "hidden", ...toStyle(props.overlay_style), ...parent } : parent;
  return (
    <div style={{ position: "relative", ...parent }} className={props.parent_className}>
      <div className={props.parent_className} style={inner}>
        {renderValue(props.children)}
      </div>
      <div id={id} style={shown ? COVERING : {}}>
        {shown ? (props.custom_spinner != null ? renderValue(props.custom_spinner) : <Spinner props={props} pending={pending} />) : null}
      </div>
    </div>
  );
}
