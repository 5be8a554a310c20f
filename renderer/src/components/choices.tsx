// dcc.Checklist and dcc.RadioItems: a wrapper div with one labelled input per option.
import type { CSSProperties } from "react";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { normalizeOptions, toggleValue, type Option } from "./options";
import type { ComponentProps } from "./types";

type Kind = "checkbox" | "radio";

function Choices({ props, setProps, id }: ComponentProps, kind: Kind) {
  const options = normalizeOptions(props.options);
  const isChecked =
    kind === "checkbox"
      ? (o: Option) => Array.isArray(props.value) && props.value.includes(o.value)
      : (o: Option) => props.value === o.value;
  const onChange = (o: Option, checked: boolean) =>
    setProps({ value: kind === "checkbox" ? toggleValue(props.value, o.value, checked) : o.value });
  const labelStyle: CSSProperties = { display: props.inline ? "inline-block" : "block", ...toStyle(props.labelStyle) };
  // Radios of one component share a name, so the browser groups them (arrow keys move between them).
  const name = kind === "radio" ? (id ?? undefined) : undefined;
  return (
    <div id={id} className={props.className} style={toStyle(props.style)}>
      {options.map((o, i) => (
        <label key={i} style={labelStyle} className={props.labelClassName} title={o.title}>
          <input
            type={kind}
            name={name}
            checked={isChecked(o)}
            disabled={o.disabled || Boolean(props.disabled)}
            style={toStyle(props.inputStyle)}
            className={props.inputClassName}
            onChange={(e) => onChange(o, e.target.checked)}
          />
          {renderValue(o.label)}
        </label>
      ))}
    </div>
  );
}

export const Checklist = (p: ComponentProps) => Choices(p, "checkbox");
export const RadioItems = (p: ComponentProps) => Choices(p, "radio");
