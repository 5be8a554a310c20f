"""The arithmetic of a slider's number boxes (allow_direct_input), as the renderer's slider_inputs.tsx and Dash
4.4.1's slider do it, for the headless Client's `type_slider`: JavaScript's number rules (NaN for an empty box,
Math.round's halves up, Math.max/min giving NaN when either side is NaN)."""

from __future__ import annotations

import math
from typing import Any

NEAR = 1e-4
NAN = float("nan")


def bounds(props: dict[str, Any]) -> tuple[float, float, float | None]:
    """min, max and step as the renderer takes them: the marks' range else 0..100, step 1 unless given."""
    keys = [float(k) for k in (props.get("marks") or {})]
    lo = float(props["min"]) if props.get("min") is not None else (min(keys) if keys else 0.0)
    hi = float(props["max"]) if props.get("max") is not None else (max(keys) if keys else 100.0)
    step = props.get("step", 1)
    return lo, hi, None if step is None else float(step)


def js_max(a: float, b: float) -> float:
    return NAN if math.isnan(a) or math.isnan(b) else max(a, b)


def js_min(a: float, b: float) -> float:
    return NAN if math.isnan(a) or math.isnan(b) else min(a, b)


def on_grid(t: float, lo: float, hi: float, step: float) -> bool:
    """May a typed number be sent while typing: inside min..max and on the step's grid (NaN passes)."""
    if t < lo or t > hi:
        return False
    off = abs(math.fmod(t - lo, step))
    return not NEAR < off < step - NEAR


def snap(t: float, lo: float, hi: float, step: float) -> float:
    """Clamped to min..max and snapped to the step, with the step's decimals (toFixed)."""
    r = js_max(lo, js_min(hi, t))
    if math.isnan(r):
        return r
    r = lo + math.floor((r - lo) / step + 0.5) * step
    text = repr(float(step)) if not float(step).is_integer() else "0"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return js_max(lo, js_min(hi, float(f"{r:.{decimals}f}")))


def leave(text: str, shown: list[float], which: int, lo: float, hi: float, step: float) -> list[float]:
    """What leaving box `which` sets: the typed number (the shown one when empty) against the other handle."""
    last = which == len(shown) - 1
    edge = hi if last else lo
    t = (edge if math.isnan(shown[which]) else shown[which]) if text == "" else float(text)
    if last:
        t = js_max(shown[0], t)
    else:
        t = js_min(shown[1], t)
    out = list(shown)
    out[which] = snap(t, lo, hi, step)
    return out


def parse_box(text: str) -> float:
    """The number a box holds: NaN when empty; text a number field cannot hold is an error."""
    if text.strip() == "":
        return NAN
    try:
        t = float(text)
    except ValueError:
        raise ValueError(f"cannot type {text!r} into a slider's number box") from None
    if not math.isfinite(t):
        raise ValueError(f"cannot type {text!r} into a slider's number box")
    return t


def as_json(values: list[float], single: bool) -> Any:
    """The value the slider sends: NaN is null in JSON; a Slider's one number, a RangeSlider's list."""
    out = [None if math.isnan(v) else (int(v) if float(v).is_integer() else v) for v in values]
    return out[0] if single else out
