"""The headless Client's verbs for a dcc.Dropdown's search field (`search`) and for moving a slider (`drag`),
mirroring what the renderer's components send: the search text is the Dropdown's `search_value`, so a callback
with `Input(dropdown, "search_value")` can load options as the user types (Dash's "dynamic options" example);
a slider's `drag_value` follows its handle while it moves and is its `value` once set (Dash 4.4.1)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from propwire.api.dependencies import id_string
from propwire.core.json_values import same_json
from propwire.testing.components import WrongComponent, js_number, kind_of, show_id
from propwire.testing.runtime import Runtime
from propwire.testing.slider_boxes import NAN, as_json, bounds, leave, on_grid, parse_box
from propwire.testing.store import Entry

SLIDERS = ("dcc.Slider", "dcc.RangeSlider")
# The sliders of a page whose drag_value is to follow their value once the current changes are applied.
_PENDING: WeakKeyDictionary[Runtime, list[str]] = WeakKeyDictionary()


class InputVerbs:
    """Client's search and drag verbs (Client inherits them). Example::

        client.search("city", "Mo")       # search_value "Mo": a callback may narrow the options
        client.select("city", "mos")      # picking one unsets search_value again, as in the browser
        client.drag("level", 7, release=False)   # drag_value 7, value unchanged (updatemode "mouseup")
        client.drag("level", 8)                  # released at 8: value and drag_value 8
        client.type_slider("level", "42")        # its number box: value clamped to max once left
    """

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    _shown: dict[str, str]  # what a field shows; for a slider, the numbers its handles show (space-separated)

    def search(self, dropdown_id: Any, text: str, *, wait: bool = True) -> None:
        """Type `text` into a dcc.Dropdown's search field (its menu opens): `search_value` becomes `text`.

        Parameters:
            dropdown_id: the Dropdown's id.
            text: the whole search text, as typed into the empty field.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        comp = self._entry(dropdown_id).comp
        props = comp["props"]
        if kind_of(comp) != "dcc.Dropdown":
            raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is a {kind_of(comp)}, not a dcc.Dropdown")
        if props.get("disabled") or props.get("searchable") is False:
            raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is disabled or not searchable")
        id_str = id_string(dropdown_id)
        self._act([lambda: self._rt_or_fail().user_change([(id_str, {"search_value": text})])], wait)


    def drag(self, slider_id: Any, value: float | list[float], *, release: bool = True, wait: bool = True) -> None:
        """Move a dcc.Slider's handle (a RangeSlider's handles) to `value`, as a user dragging it.

        Parameters:
            slider_id: the slider's id.
            value: the new position (a list of positions for a RangeSlider).
            release: True lets go there: `value` and `drag_value` become it. False keeps holding the handle:
                only `drag_value` changes, and `value` too when `updatemode="drag"`.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        comp = self._entry(slider_id).comp
        props = comp["props"]
        if kind_of(comp) not in SLIDERS:
            raise WrongComponent(f"cannot drag {show_id(slider_id)}: it is a {kind_of(comp)}, not a dcc.Slider "
                                 "or dcc.RangeSlider")
        if props.get("disabled"):
            raise WrongComponent(f"cannot drag {show_id(slider_id)}: it is disabled")
        if isinstance(value, (list, tuple)) != (kind_of(comp) == "dcc.RangeSlider"):
            raise ValueError(f"{show_id(slider_id)} takes " + ("a list of positions (a RangeSlider)"
                             if kind_of(comp) == "dcc.RangeSlider" else "one position, not a list"))
        moved = list(value) if isinstance(value, (list, tuple)) else value
        change: dict[str, Any] = {"drag_value": moved}
        if release or props.get("updatemode") == "drag":
            change["value"] = moved
        id_str = id_string(slider_id)
        self._act([lambda: self._rt_or_fail().user_change([(id_str, change)])], wait)

    def type_slider(self, slider_id: Any, text: str, *, box: int = -1, wait: bool = True) -> None:
        """Type `text` into a slider's number box (allow_direct_input, Dash 4.4.1's default), then leave it.

        Typing a number inside min..max and on the step's grid sends drag_value (value too when
        `updatemode="drag"`); leaving sets `value` to the number clamped to min..max (a RangeSlider's box also
        to the other handle) and snapped to the step ("" keeps the shown number), as the renderer does.

        Parameters:
            slider_id: the Slider's or RangeSlider's id.
            text: the box's new text (a number, or "" to empty it).
            box: which box of a two-handle RangeSlider: 0 the min box, 1 (or -1, the default) the max box.
            wait: False returns as soon as the events are sent (then `wait()`).

        Example: ``client.type_slider("level", "42")``  (a Slider(0, 10, 1): value 10 once the box is left)
        """
        comp = self._entry(slider_id).comp
        props, kind = comp["props"], kind_of(comp)
        lo, hi, step = bounds(props)
        shown = [float(v) if v is not None else NAN for v in
                 ([props.get("value")] if kind == "dcc.Slider" else list(props.get("value") or [lo, hi]))]
        if kind not in SLIDERS or props.get("allow_direct_input") is False or props.get("vertical") or \
                step is None or len(shown) > 2 or props.get("disabled"):
            raise WrongComponent(f"cannot type into {show_id(slider_id)}: only an enabled horizontal dcc.Slider or "
                                 "dcc.RangeSlider with a step, at most two handles and allow_direct_input has a box")
        if not -len(shown) <= box < len(shown):
            raise ValueError(f"{show_id(slider_id)} has {len(shown)} number box(es); box {box} is not one")
        which, single, drag = box % len(shown), kind == "dcc.Slider", props.get("updatemode") == "drag"
        typed = list(shown)
        typed[which] = parse_box(text)
        left = leave(text.strip(), typed, which, lo, hi, step)
        id_str = id_string(slider_id)

        def change(props_to_send: dict[str, Any]) -> Callable[[], None]:
            def tick() -> None:  # only what differs is sent, as the renderer's setProps (and Dash's) does
                now = self._entry(slider_id).comp["props"]
                changed = {k: v for k, v in props_to_send.items() if not same_json(now.get(k), v)}
                if changed:
                    self._rt_or_fail().user_change([(id_str, changed)])
            return tick

        ticks: list[Callable[[], None]] = []
        if on_grid(typed[which], lo, hi, step):
            moved = as_json(typed, single)
            ticks.append(change({"value": moved, "drag_value": moved} if drag else {"drag_value": moved}))
        if not drag:
            ticks.append(change({"value": as_json(left, single)}))
        elif all(math.isfinite(v) for v in left):  # drag mode: the handles show the snapped number, value stays
            ticks.append(lambda: self._shown.__setitem__(id_str, " ".join(js_number(v) for v in as_json(left, False))))
        self._act(ticks, wait)

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)  # type: ignore[misc]
        self._follow_value(id_str)

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        entry = self._rt_or_fail().store.entry(id_str)
        if prop == "value" and entry is not None and kind_of(entry.comp) in SLIDERS:
            self._shown.pop(id_str, None)  # a slider's new value replaces what its boxes held
        if prop == "value" and not user:
            self._follow_value(id_str)

    def _follow_value(self, id_str: str) -> None:
        """A slider with a value (at mount, or set by a callback) sets its drag_value to it afterwards, as the
        renderer's slider does: one change for all the sliders that mounted or moved together (the renderer's
        effects of one render), an event of its own, as in Dash 4.4.1 at load."""
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None or kind_of(entry.comp) not in SLIDERS:
            return
        pending = _PENDING.setdefault(rt, [])
        if not pending:
            rt.effects.append(lambda: self._flush_follow(rt))
        if id_str not in pending:
            pending.append(id_str)

    def _flush_follow(self, rt: Runtime) -> None:
        changes = []
        for id_str in _PENDING.pop(rt, []):
            entry = rt.store.entry(id_str)
            props = entry.comp["props"] if entry is not None else {}
            if props.get("value") is not None and not same_json(props.get("drag_value"), props["value"]):
                changes.append((id_str, {"drag_value": props["value"]}))
        if changes:
            rt.user_change(changes)


def search_reset(comp: dict[str, Any]) -> dict[str, Any]:
    """What picking an option also changes: a Dropdown's search text is cleared, so `search_value` is unset
    (None) again when it was set, as the renderer and Dash 4.4.1 do as the menu closes."""
    if kind_of(comp) == "dcc.Dropdown" and comp["props"].get("search_value") is not None:
        return {"search_value": None}
    return {}
