// Local text for inputs: what the user typed stays put while the server echoes it back.
import { useRef, useState } from "react";

export function toText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** null and undefined are the same "no value". */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
}

/**
 * The text shown in a text field. A new `value` from outside replaces it,
 * unless it is what the text already means or what we just sent (an echo):
 * that keeps "1.0" typed into a number field and the cursor where it is.
 */
export function useLocalText(value: unknown, parse: (text: string) => unknown) {
  const [text, setText] = useState(() => toText(value));
  const [seen, setSeen] = useState(value);
  const sent = useRef<unknown>(undefined);
  if (!sameValue(value, seen)) {
    setSeen(value);
    const echo = sameValue(value, sent.current);
    sent.current = undefined;
    if (!echo && !sameValue(value, parse(text))) setText(toText(value));
  }
  return {
    text,
    setText,
    /** Remember a value we are about to send, so its echo is recognised. */
    sending(v: unknown) {
      sent.current = v;
    },
  };
}
