// dcc.Textarea: every keystroke sets value; n_blur and n_clicks count.
import type { ChangeEvent } from "react";
import { toStyle } from "./attrs";
import { pick } from "./input";
import { useLocalText } from "./text";
import type { ComponentProps } from "./types";

const ATTRS = [
  "accessKey", "autoFocus", "className", "cols", "dir", "disabled", "form", "hidden", "lang", "maxLength",
  "minLength", "name", "placeholder", "readOnly", "required", "rows", "spellCheck", "tabIndex", "title", "wrap",
];

const identity = (t: string) => t;

export function Textarea({ props, setProps, id }: ComponentProps) {
  const { text, setText, sending } = useLocalText(props.value, identity, true);
  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.target.value);
    sending(e.target.value);
    setProps({ value: e.target.value });
  };
  return (
    <textarea
      {...pick(props, ATTRS)}
      id={id}
      style={toStyle(props.style)}
      value={text}
      onChange={onChange}
      onBlur={() => setProps({ n_blur: (Number(props.n_blur) || 0) + 1, n_blur_timestamp: Date.now() })}
      onClick={() => setProps({ n_clicks: (Number(props.n_clicks) || 0) + 1, n_clicks_timestamp: Date.now() })}
    />
  );
}
