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
const NOTHING_SENT = Symbol("nothing sent");

/**
 * `keepOnNull`: a value that becomes null leaves the text as it is (Dash 4.4.1's Textarea does so; its
 * Input clears).
 */
export function useLocalText(value: unknown, parse: (text: string) => unknown, keepOnNull = false) {
  const [text, setText] = useState(() => toText(value));
  const [seen, setSeen] = useState(value);
  // What we last sent, or NOTHING_SENT: a sent null (an emptied field) is an echo, a server's null is not.
  const sent = useRef<unknown>(NOTHING_SENT);
  if (!sameValue(value, seen)) {
    setSeen(value);
    const echo = sent.current !== NOTHING_SENT && sameValue(value, sent.current);
    sent.current = NOTHING_SENT;
    const keep = keepOnNull && (value === null || value === undefined);
    if (!echo && !keep && !sameValue(value, parse(text))) setText(toText(value));
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
