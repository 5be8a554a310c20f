// dcc.Clipboard: a copy icon; a click counts n_clicks, then copies the text of the element target_id names
// (its innerText, else its value), or else `content` / `html_content` once the callbacks the click started are
// done (a callback on n_clicks may set them), as Dash 4.4.1's. A check icon shows for a second after a copy.
import { useEffect, useRef, useState } from "react";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import type { ComponentProps, Props } from "./types";

const COPIED_MS = 1000;
const SETTLE_MS = 100;

function domId(id: unknown): string {
  if (id === null || typeof id !== "object") return String(id);
  const entries = Object.keys(id as object).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify((id as Props)[k])}`);
  return `{${entries.join(",")}}`;
}

function targetText(target: unknown): string | null {
  const el = document.getElementById(domId(target));
  if (!el) throw new Error(`Clipboard copy failed: no element found for target_id ${domId(target)}`);
  return el.innerText || ((el as HTMLInputElement).value ?? null);
}

async function write(text: string | null, html: string | null): Promise<void> {
  if (html) {
    const item = new ClipboardItem({ "text/plain": new Blob([text ?? html], { type: "text/plain" }),
      "text/html": new Blob([html], { type: "text/html" }) });
    await navigator.clipboard.write([item]);
  } else if (text) await navigator.clipboard.writeText(text);
}

const Icon = ({ d }: { d: string }) => (
  <svg width="1em" height="1em" viewBox="0 0 16 16" aria-hidden="true"><path d={d} fill="currentColor" /></svg>
);
const COPY = "M4 2h7v2H6v8H4zM7 5h7v9H7z";
const CHECK = "M6 11.2 2.8 8 1.4 9.4 6 14l9-9-1.4-1.4z";

export default function Clipboard({ props, setProps, id }: ComponentProps) {
  const [copied, setCopied] = useState(false);
  const latest = useRef(props);
  latest.current = props;
  const clicks = Number(props.n_clicks) || 0;
  const seen = useRef(clicks);
  useEffect(() => {
    if (!clicks || clicks === seen.current) return;
    seen.current = clicks;
    let gone = false;
    const copy = async () => {
      let text: string | null = null;
      let html: string | null = null;
      if (props.target_id) text = targetText(props.target_id);
      else {
        await new Promise((r) => setTimeout(r, SETTLE_MS)); // the click's callbacks may set content first
        while (document.body.dataset.pwBusy) await new Promise((r) => setTimeout(r, SETTLE_MS));
        text = latest.current.content ?? null;
        html = latest.current.html_content ?? null;
      }
      if (!text && !html) return;
      await write(text, html);
      if (gone) return;
      setCopied(true);
      await new Promise((r) => setTimeout(r, COPIED_MS));
      if (!gone) setCopied(false);
    };
    copy().catch((err) => console.error(`propwire: dcc.Clipboard: ${String(err)}`));
    return () => { gone = true; };
  }, [clicks]); // eslint-disable-line react-hooks/exhaustive-deps
  if (typeof navigator === "undefined" || !navigator.clipboard) return null; // as Dash: no clipboard, no button
  const shown = copied ? (props.copied_children != null ? renderValue(props.copied_children) : <Icon d={CHECK} />)
    : (props.children != null ? renderValue(props.children) : <Icon d={COPY} />);
  return (
    <div id={id} title={props.title} className={props.className} style={{ cursor: "pointer", ...toStyle(props.style) }}
      onClick={() => setProps({ n_clicks: clicks + 1 })}>
      {shown}
    </div>
  );
}
