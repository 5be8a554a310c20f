"""The marks Dash 4.4.1's Slider draws when it is given none, for `Client.snapshot()`.

The same rule as the renderer's renderer/src/components/slider_marks.ts (the two must agree): labels at "nice"
multiples of the step (1, 2, 2.5, 5, 10 × 10^k), as many as fit the slider's length at 10 px a character plus
20 px, 3 to 50 of them, then min and max. The browser measures its slider; the headless client has no layout,
so it takes `width` (330 px, the length Dash itself assumes before it has measured, unless told otherwise).

Example: ``[label for _, label in auto_marks(0, 10, 1)]`` is ``["0", "1", …, "10"]``.
"""

from __future__ import annotations

import math
import warnings
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from propwire.testing.components import js_number

DEFAULT_WIDTH = 330.0
_PREFIXES = ["y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"]


def _to_fixed(x: float, digits: int) -> str:
    """JavaScript's Number.prototype.toFixed: the exact binary value, halves away from zero."""
    return format(Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP), "f")


def _decimals(d: float) -> int:
    parts = js_number(d).split(".")
    return len(parts[1]) if len(parts) > 1 else 0


def align_mark(v: float, d: float) -> float:
    """A mark snapped to the step's precision (steps of 10 and more: to a multiple of the step)."""
    if _decimals(d) < 1:
        return v if d < 10 else int(float(_to_fixed(math.trunc(v / d) * d, _decimals(d))))
    if d < 10:
        return float(_to_fixed(v, _decimals(d)))
    return float(_to_fixed(float(_to_fixed(v / d, 0)) * d, _decimals(d)))


def mark_label(mark: float, low: float, high: float) -> str:
    """Plain below 10 000 and from 0.001 on, else with an SI prefix scaled to the range's mean: 20000 -> "20k"."""
    if mark == 0 or -3 < math.log10(abs(mark)) < 4:
        return js_number(mark)
    mean = (abs(high) + abs(low)) / 2
    exponent = int(f"{abs(mean):e}".split("e")[1])
    e = max(-8, min(8, math.floor(exponent / 3))) * 3
    scaled = 10.0 ** -e * mark
    digits = f"{int(_to_fixed(abs(scaled), 0)):,}"
    return ("-" if scaled < 0 and digits != "0" else "") + digits + _PREFIXES[8 + e // 3]


def _best_steps(low: float, high: float, step: float, width: float | None) -> tuple[float, float, float]:
    chars = max(len(mark_label(low, low, high)), len(mark_label(high, low, high)))
    target = max(3, min(math.floor((width or DEFAULT_WIDTH) / (chars * 10 + 20)) + 1, 50))
    raw = (high - low) / (target - 1) / step
    magnitude = 10.0 ** math.floor(math.log10(raw))
    n = raw / magnitude
    nice = 1 if n <= 1.5 else 2 if n <= 2.25 else 2.5 if n <= 3.5 else 5 if n <= 5 else 10
    steps = _js_round(step * max(1, nice * magnitude) / step)
    return low + max(1, steps) * step, steps * step, step


def _js_round(x: float) -> int:
    return math.floor(x + 0.5)  # Math.round: halves up


def _js_key_order(keys: list[str]) -> list[str]:
    """A JavaScript object's key order: array-index keys ascending, then the others as inserted."""
    index = [k for k in keys if k.isdigit() and (k == "0" or not k.startswith("0")) and int(k) < 2**32 - 1]
    return sorted(index, key=int) + [k for k in keys if k not in index]


def auto_marks(low: float, high: float, step: float | None, width: float | None = None) -> list[tuple[str, str]]:
    """(position, label) of the auto marks, in the order Dash's page shows them."""
    start, interval, chosen = _best_steps(low, high, step or 1, width)
    marks: list[float] = []
    cursor = start
    if (high - cursor) / interval > 0:
        while cursor < high:
            marks.append(align_mark(cursor, chosen))
            before, cursor = cursor, cursor + interval
            if cursor <= before:
                break
        if len(marks) >= 2 and high - marks[-2] <= interval * 1.5:
            marks.pop()
    labels: dict[str, str] = {}
    for mark in (*marks, low, high):
        labels[js_number(mark)] = mark_label(mark, low, high)
    return [(k, labels[k]) for k in _js_key_order(list(labels))]


def wants_auto_marks(props: dict[str, Any], low: float, high: float) -> bool:
    """Whether Dash draws auto marks for a Slider's props: `marks` not given, empty, or with no mark inside
    min..max (`marks=None` draws none)."""
    if "marks" not in props:
        return True
    marks = props["marks"]
    return isinstance(marks, dict) and not any(_in_range(k, low, high) for k in marks)


def _in_range(key: Any, low: float, high: float) -> bool:
    try:
        return low <= float(key) <= high
    except (TypeError, ValueError):
        return False


def tooltip_texts(kind: str, props: dict, low: Any, high: Any) -> str:
    """The text of a slider's always-visible tooltips, one per handle: the template (default "{value}") with its
    first "{value}" replaced by the value as JavaScript prints it (renderer/src/components/slider_tooltip.tsx).
    Tooltips shown on hover or focus only are not in the text: the headless client has no pointer or focus.
    A `transform` names a JavaScript function the headless client cannot run: a warning, and the plain value."""
    tip = props.get("tooltip")
    if not isinstance(tip, dict) or not tip.get("always_visible"):
        return ""
    if tip.get("transform"):
        warnings.warn(f"{kind} tooltip transform {tip['transform']!r} is JavaScript (window.dccFunctions): the "
                      "headless client shows the untransformed value", stacklevel=2)
    value = props.get("value")
    if value is None:
        value = [low, high] if kind == "dcc.RangeSlider" else low
    values = value if isinstance(value, list) else [value]
    template = tip.get("template") or "{value}"
    return "".join(f" {template.replace('{value}', js_number(v), 1)} " for v in values)
