// dcc.Button: Dash 4's themed <button class="dash-button">, counting clicks (n_clicks) and lost focus (n_blur).
import { renderValue } from "../render";
import { domAttrs } from "./attrs";
import { useOwnLoading } from "./dash_api";
import type { ComponentProps } from "./types";

const NOT_ATTRS = new Set(["children", "id", "className", "type", "n_clicks", "n_clicks_timestamp", "n_blur",
  "n_blur_timestamp", "setProps", "loading_state", "persistence", "persisted_props", "persistence_type"]);

export function Button({ props, setProps, id, path, extras }: ComponentProps) {
  const loading = useOwnLoading(path ?? []);
  const attrs = domAttrs(props, NOT_ATTRS, "button");
  const count = (name: string) => (Number(props[name]) || 0) + 1;
  // A ConfirmDialogProvider around it takes the click over (Dash clones its child with its own onClick;
  // a key of propwire's own, so a library's cloneElement onClick on an html child changes nothing here).
  const onClick = typeof extras?.pwTakeClick === "function" ? (extras.pwTakeClick as () => void)
    : () => setProps({ n_clicks: count("n_clicks"), n_clicks_timestamp: Date.now() });
  return (
    <button
      {...attrs}
      id={id}
      data-dash-is-loading={loading ? true : undefined}
      className={"dash-button " + (props.className ?? "")}
      type={props.type ?? "button"}
      onClick={onClick}
      onBlur={() => setProps({ n_blur: count("n_blur"), n_blur_timestamp: Date.now() })}
    >
      {renderValue(props.children)}
    </button>
  );
}
