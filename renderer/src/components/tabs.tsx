// dcc.Tabs / dcc.Tab: a row of tab headers (the Tabs' id is on that row, as in Dash 4.4.1) above the picked Tab's
// children. Each Tab is rendered twice through its own Node, so a callback changing a Tab's label or children
// re-renders that Tab alone: once as its header (in the row), once as its content (the picked one only).
import { useEffect, useState, type CSSProperties } from "react";
import { Node, renderValue } from "../render";
import { isComponent, type ComponentJson } from "../tree";
import { toStyle } from "./attrs";
import { useOwnLoading } from "./dash_api";
import type { ComponentProps, Props } from "./types";

/** How the Tabs tells a Tab Node which part to draw (passed as Node extras, so the memo sees plain values). */
interface TabExtras {
  pwTabPart?: "header" | "content";
  pwTabIndex?: number;
  pwTabsValue?: string;
  pwTabsPick?: (partial: Props) => void;
}

const DEFAULT_COLORS = {
  border: "var(--Dash-Stroke-Weak, #d6d6d6)",
  primary: "var(--Dash-Fill-Interactive-Strong, #1975fa)",
  background: "var(--Dash-Fill-Interactive-Weak, #f9f9f9)",
};

/** A Tab's value: its own, else "tab-<position from 1>" (Dash's rule for a Tab without one). */
export function tabValue(props: Props, index: number): string {
  return props.value ? String(props.value) : `tab-${index + 1}`;
}

function join(...names: (string | false | undefined | null)[]): string {
  return names.filter(Boolean).join(" ");
}

/** Whether the window is at least `px` wide, following resizes. */
function useWide(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => typeof window !== "undefined" && window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    setWide(media.matches);
    const onChange = (e: MediaQueryListEvent) => setWide(e.matches);
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [query]);
  return wide;
}

export function Tabs({ props, setProps, id, path }: ComponentProps) {
  const items = (Array.isArray(props.children) ? props.children : props.children == null ? [] : [props.children]) as unknown[];
  const tabs = items.filter(isComponent) as ComponentJson[];
  // The server fills a missing value (dcc_tabs.py); this covers a Tabs the page built without one.
  const value = props.value ?? (tabs.length ? tabValue(tabs[0].props, 0) : "tab-1");
  const wide = useWide(Number(props.mobile_breakpoint ?? 800));
  const loading = useOwnLoading(path ?? []);
  const vertical = Boolean(props.vertical);
  const colors = { ...DEFAULT_COLORS, ...(props.colors ?? {}) };
  const vars = { "--tabs-border": colors.border, "--tabs-primary": colors.primary, "--tabs-background": colors.background };
  const picked = tabs.findIndex((tab, i) => tabValue(tab.props, i) === value);
  return (
    <div
      className={join("tab-parent", vertical && "tab-parent--vert", wide && "tab-parent--above-breakpoint", props.parent_className)}
      style={{ ...(vars as CSSProperties), ...toStyle(props.parent_style) }}
      id={id !== undefined ? `${id}-parent` : undefined}
      data-dash-is-loading={loading ? true : undefined}
    >
      <div className={join("tab-container", vertical && "tab-container--vert", props.className)} style={toStyle(props.style)} id={id}>
        {tabs.map((tab, i) => (
          <Node key={i} json={tab} pwTabPart="header" pwTabIndex={i} pwTabsValue={value} pwTabsPick={setProps} />
        ))}
      </div>
      <div className={join("tab-content", vertical && "tab-content--vert", props.content_className)} style={toStyle(props.content_style)}>
        {picked >= 0 ? <Node key={picked} json={tabs[picked]} pwTabPart="content" /> : null}
      </div>
    </div>
  );
}

export function Tab({ props, id, path, extras }: ComponentProps) {
  const { pwTabPart, pwTabIndex = 0, pwTabsValue, pwTabsPick } = (extras ?? {}) as TabExtras;
  const loading = useOwnLoading(path ?? []);
  if (pwTabPart !== "header") return <>{renderValue(props.children)}</>;
  const value = tabValue(props, pwTabIndex);
  const selected = value === pwTabsValue;
  const disabled = Boolean(props.disabled);
  const style: CSSProperties = { ...toStyle(props.style) };
  if (typeof props.width === "number" || typeof props.width === "string") {
    style.width = typeof props.width === "number" ? `${props.width}px` : props.width;
    style.flex = "0 0 auto";
  }
  if (disabled) Object.assign(style, toStyle(props.disabled_style ?? { color: "var(--Dash-Text-Disabled, #9aa0a6)" }));
  if (selected) Object.assign(style, toStyle(props.selected_style));
  const label = props.label;
  return (
    <div
      data-dash-is-loading={loading ? true : undefined}
      className={join("tab", disabled && "tab--disabled", disabled && props.disabled_className,
        selected && "tab--selected", selected && props.selected_className, props.className)}
      id={id}
      style={style}
      onClick={() => {
        if (!disabled && pwTabsPick) pwTabsPick({ value });
      }}
    >
      {isComponent(label) || Array.isArray(label) ? renderValue(label) : <span>{renderValue(label)}</span>}
    </div>
  );
}
