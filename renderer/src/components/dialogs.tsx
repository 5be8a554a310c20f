// dcc.ConfirmDialog / dcc.ConfirmDialogProvider: the browser's own confirm() box (as Dash 4.4.1 uses, so a test
// answers it the same way on both), shown when `displayed` turns true; the answer counts OK or Cancel.
import { useEffect, useRef } from "react";
import { Node, renderValue } from "../render";
import { isComponent } from "../tree";
import { useOwnLoading } from "./dash_api";
import type { ComponentProps, Props } from "./types";

/** Show the box when `displayed` rises (on mount too), then report the answer and lower `displayed`. */
function useConfirm(props: Props, setProps: (partial: Props) => void): void {
  const shown = useRef(false);
  const latest = useRef(props);
  latest.current = props;
  const displayed = Boolean(props.displayed);
  useEffect(() => {
    const rising = displayed && !shown.current;
    shown.current = displayed;
    if (!rising) return;
    const ok = window.confirm(String(latest.current.message ?? ""));
    // after the confirm() returns, in a microtask, as Dash's promise does
    void Promise.resolve(ok).then((yes) => {
      const p = latest.current;
      const which = yes ? "submit" : "cancel";
      setProps({
        [`${which}_n_clicks`]: (Number(p[`${which}_n_clicks`]) || 0) + 1,
        [`${which}_n_clicks_timestamp`]: Date.now(),
        displayed: false,
      });
    });
  }, [displayed, setProps]);
}

export function ConfirmDialog({ props, setProps }: ComponentProps) {
  useConfirm(props, setProps);
  return null;
}

export function ConfirmDialogProvider({ props, setProps, id, path }: ComponentProps) {
  useConfirm(props, setProps);
  const loading = useOwnLoading(path ?? []);
  const show = useRef(() => setProps({ displayed: true }));
  show.current = () => setProps({ displayed: true });
  const onClick = useRef(() => show.current()).current; // one identity: the children's Nodes stay memoized
  const children = props.children;
  const items = Array.isArray(children) ? children : [children];
  return (
    <div id={id} data-dash-is-loading={loading ? true : undefined}>
      {items.map((child, i) => (isComponent(child) ? <Node key={i} json={child} pwTakeClick={onClick} /> : renderValue(child)))}
    </div>
  );
}
