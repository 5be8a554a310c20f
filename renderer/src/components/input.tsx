// dcc.Input: a text-like <input>, with debounce, n_submit and n_blur.
import { useEffect, useRef } from "react";
import type { ChangeEvent, KeyboardEvent } from "react";
import { toStyle } from "./attrs";
import { sameValue, useLocalText } from "./text";
import type { ComponentProps, Props } from "./types";

const ATTRS = [
  "accessKey", "autoComplete", "autoFocus", "className", "dir", "disabled", "hidden", "inputMode", "lang", "list",
  "max", "maxLength", "min", "minLength", "multiple", "name", "pattern", "placeholder", "readOnly", "required",
  "size", "spellCheck", "step", "tabIndex", "title",
];

const TYPES = new Set(["text", "number", "password", "email", "search", "tel", "url", "range", "hidden"]);

export function pick(props: Props, names: readonly string[]): Props {
  const out: Props = {};
  for (const name of names) if (props[name] !== undefined && props[name] !== null) out[name] = props[name];
  return out;
}

/** A number field's value: a number, or null when empty or not a number. */
export function parseNumber(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function Input({ props, setProps, id }: ComponentProps) {
  const type = TYPES.has(props.type) ? (props.type as string) : "text";
  const numeric = type === "number" || type === "range";
  const parse = numeric ? parseNumber : (t: string) => t;
  const { text, setText, sending } = useLocalText(props.value, parse);
  const el = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef({ props, text });
  latest.current = { props, text };
  useEffect(() => () => clearTimeout(timer.current), []);
  // The selection is a property of the element, not an attribute: set it when the props ask for one.
  const { selectionStart, selectionEnd, selectionDirection } = props;
  useEffect(() => {
    const input = el.current;
    if (!input || (selectionStart == null && selectionEnd == null)) return;
    try {
      const start = Number(selectionStart ?? selectionEnd);
      input.setSelectionRange(start, Number(selectionEnd ?? start), selectionDirection ?? undefined);
    } catch {
      // types without a text selection (number, email) refuse it; Dash's input does nothing there either
    }
  }, [selectionStart, selectionEnd, selectionDirection]);

  // Out of min/max/step, or unparseable: the browser says invalid, and the value is null.
  const valueOf = (t: string) => (numeric && el.current && !el.current.validity.valid ? null : parse(t));

  /** Send the typed value (if it changed) along with `extra`. */
  const commit = (extra: Props = {}) => {
    clearTimeout(timer.current);
    const { props: now, text: typed } = latest.current;
    const value = valueOf(typed);
    const change = sameValue(value, now.value) ? extra : { value, ...extra };
    if (Object.keys(change).length === 0) return;
    if ("value" in change) sending(value);
    setProps(change);
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const typed = e.target.value;
    setText(typed);
    latest.current.text = typed;
    const debounce = props.debounce;
    if (!debounce) commit();
    else if (typeof debounce === "number") {
      clearTimeout(timer.current);
      timer.current = setTimeout(commit, debounce * 1000);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") commit({ n_submit: (Number(props.n_submit) || 0) + 1, n_submit_timestamp: Date.now() });
  };
  const onBlur = () => commit({ n_blur: (Number(props.n_blur) || 0) + 1, n_blur_timestamp: Date.now() });

  // Dash 4.4.1's defaults: no autocomplete, a verbatim input mode, and any step (without one a number field
  // would only take integers: 36.6 would be invalid, so null).
  const attrs: Props = { autoComplete: "off", inputMode: "verbatim", step: "any", ...pick(props, ATTRS) };
  return (
    <input
      {...attrs}
      ref={el}
      id={id}
      type={type}
      style={toStyle(props.style)}
      value={text}
      onChange={onChange}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
