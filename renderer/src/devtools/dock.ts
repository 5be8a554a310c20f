// Where the dev tools' boxes live: one fixed strip along the bottom of the page, laid out by flexbox, so the panel
// (with its toggle, at the left) and the error overlay (at the right) can never cover each other: side by side
// when the window is wide enough, the overlay wrapped above the panel when it is not. The strip itself lets
// clicks through to the page; only its boxes take them.
const DOCK_ID = "_pw-devtools-dock";

export function dock(): HTMLElement {
  const found = document.getElementById(DOCK_ID);
  if (found) return found;
  const strip = document.createElement("div");
  strip.id = DOCK_ID;
  strip.style.cssText =
    "position:fixed;left:12px;right:12px;bottom:12px;z-index:2147483646;display:flex;flex-wrap:wrap-reverse;" +
    "align-items:flex-end;gap:8px;pointer-events:none;max-height:calc(100vh - 24px)";
  document.body.append(strip);
  return strip;
}

/** Put a box in the strip: `order` 0 is the panel's column (left), 1 the overlay (right). */
export function docked(box: HTMLElement, order: 0 | 1): HTMLElement {
  box.style.order = String(order);
  box.style.pointerEvents = "auto";
  dock().append(box);
  return box;
}
