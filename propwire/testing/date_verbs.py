"""The headless Client's verbs for dcc.DatePickerSingle and dcc.DatePickerRange: pick days in the calendar, type a
date into a field, clear; each sends what the renderer's pickers send (renderer/src/components/datepicker.tsx,
daterange.tsx), a Range with updatemode "bothdates" holding a lone date back until both are there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from propwire.api.dependencies import id_string
from propwire.components.dcc_dates import iso_day
from propwire.testing.components import WrongComponent, kind_of, show_id
from propwire.testing.date_parse import parse
from propwire.testing.dates import allowed, shown
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry

PICKERS = ("dcc.DatePickerSingle", "dcc.DatePickerRange")


def _day(value: Any) -> str | None:
    return iso_day(value)
_ENDS = ("start_date", "end_date")


class DateVerbs:
    """Client's date picker verbs (Client inherits them). Example::

        client.pick_date("day", "2024-05-17")     # a click on that day in the calendar: date "2024-05-17"
        client.type_date("day", "17/05/2024")     # typed (display_format "DD/MM/YYYY"), then Enter
        client.clear_date("day")                  # the clear x (clearable=True): date None
        client.pick_dates("stay", "2024-05-17", "2024-05-20")   # a Range: two clicks, start then end
        client.type_date("stay", "2024-05-22", end=True)         # its end field
    """

    _shown: dict[str, str]
    # A bothdates Range's dates picked but not sent yet (the renderer's `pending`), by id.
    _date_pending: dict[str, dict[str, Any]]

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    def _picker(self, picker_id: Any, verb: str, kind: str = "") -> dict[str, Any]:
        comp = self._entry(picker_id).comp
        if kind_of(comp) not in ((kind,) if kind else PICKERS):
            raise WrongComponent(f"cannot {verb} {show_id(picker_id)}: it is a {kind_of(comp)}, not a "
                                 + (kind or "dcc.DatePickerSingle or dcc.DatePickerRange"))
        if comp["props"].get("disabled"):
            raise WrongComponent(f"cannot {verb} {show_id(picker_id)}: it is disabled")
        return comp["props"]

    def _send_date(self, picker_id: Any, day: str | None, props: dict[str, Any], wait: bool) -> None:
        same = day is None and props.get("date") is None or day is not None and day == iso_day(props.get("date"))
        change = [] if same else [(id_string(picker_id), {"date": day})]
        self._act([lambda: self._rt_or_fail().user_change(change)] if change else [], wait)

    def _all_pending(self) -> dict[str, dict[str, Any]]:
        if not hasattr(self, "_date_pending"):  # made on first use: Client's __init__ knows nothing of dates
            self._date_pending = {}
        return self._date_pending

    def _pending(self, id_str: str) -> dict[str, Any]:
        return self._all_pending().setdefault(id_str, {})

    def _send_range(self, picker_id: Any, change: dict[str, Any], props: dict[str, Any]) -> Callable[[], None]:
        """The tick of a Range's pick: sent at once ("singledate"), or held until both dates are there."""
        id_str = id_string(picker_id)
        held = self._pending(id_str)
        both = {end: held.get(end, props.get(end)) for end in _ENDS} | change
        if props.get("updatemode") == "bothdates":
            if None in both.values():
                held.update(change)
                self._shown[id_str] = shown(both["start_date"], props.get("display_format"))
                return lambda: None
            sent = both if any(_day(both[e]) != _day(props.get(e)) for e in _ENDS) else {}
        else:
            sent = {k: v for k, v in change.items() if _day(v) != _day(props.get(k))}  # the same day is no change
        self._all_pending().pop(id_str, None)
        return lambda: self._rt_or_fail().user_change([(id_str, sent)] if sent else [])

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        if prop in _ENDS:  # the renderer's pending (and the text it showed) is dropped as either date changes
            self._all_pending().pop(id_str, None)
            self._shown.pop(id_str, None)

    def pick_dates(self, range_id: Any, start: str | date, end: str | date, *, wait: bool = True) -> None:
        """Click `start`, then `end`, in a DatePickerRange's calendar: two picks, each sent as it is made with
        updatemode "singledate" (the start's clears an end before it), both at once with "bothdates".

        Parameters:
            range_id: the Range's id.
            start, end: 'YYYY-MM-DD' strings or datetime.date; a day the calendar greys out raises, and so does
                an end earlier than `minimum_nights` after the start.
            wait: False returns as soon as the events are sent (then `wait()`).
        """
        props = self._picker(range_id, "pick dates in", "dcc.DatePickerRange")
        first, last = (self._allowed_day(range_id, day, props) for day in (start, end))
        nights = props.get("minimum_nights") or 0
        if date.fromisoformat(last) < date.fromisoformat(first) + timedelta(days=nights):
            raise WrongComponent(f"cannot pick {last} as the end in {show_id(range_id)}: it is before the start "
                                 f"{first} plus minimum_nights={nights}")
        held_end = self._pending(id_string(range_id)).get("end_date", props.get("end_date"))
        clears = iso_day(held_end) is not None and iso_day(held_end) < (  # type: ignore[operator]
            date.fromisoformat(first) + timedelta(days=nights)).isoformat()
        ticks = [self._send_range(range_id, {"start_date": first, **({"end_date": None} if clears else {})}, props)]
        entry_props = lambda: self._entry(range_id).comp["props"]  # noqa: E731  (after the start's event)
        ticks.append(lambda: self._send_range(range_id, {"end_date": last}, entry_props())())
        self._act(ticks, wait)

    def _allowed_day(self, picker_id: Any, day: str | date, props: dict[str, Any]) -> str:
        iso = iso_day(day)
        if iso is None:
            raise ValueError(f"{show_id(picker_id)}: {day!r} is not a 'YYYY-MM-DD' day")
        if not allowed(iso, props):
            raise WrongComponent(f"cannot pick {iso} in {show_id(picker_id)}: the calendar does not allow it "
                                 "(min_date_allowed, max_date_allowed, disabled_days)")
        return iso

    def pick_date(self, picker_id: Any, day: str | date, *, wait: bool = True) -> None:
        """Click `day` in a DatePickerSingle's calendar: `date` becomes it ('YYYY-MM-DD').

        Parameters:
            picker_id: the picker's id.
            day: a 'YYYY-MM-DD' string or a datetime.date; a day the calendar greys out (outside
                min_date_allowed..max_date_allowed, or in disabled_days) cannot be clicked and raises.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        props = self._picker(picker_id, "pick a date in", "dcc.DatePickerSingle")
        self._send_date(picker_id, self._allowed_day(picker_id, day, props), props, wait)

    def type_date(self, picker_id: Any, text: str, *, end: bool = False, wait: bool = True) -> None:
        """Type `text` into a DatePickerSingle's field and press Enter: read as Dash 4.4.1 reads it (by its
        display_format, else as the browser's Date; propwire/testing/date_parse.py), it sets `date`; "" unsets it;
        a text naming no day, or a day not allowed, changes nothing (the field shows `date` again).

        Parameters:
            picker_id: the picker's id.
            text: the field's whole new text, e.g. "2024-05-17" (display_format "YYYY-MM-DD", the default).
            end: a DatePickerRange's end field (else its start field): each field sets its own date, the order
                of the two and minimum_nights not checked, as in Dash 4.4.1; "" unsets the end, not the start.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        props = self._picker(picker_id, "type into")
        range_ = kind_of(self._entry(picker_id).comp) == "dcc.DatePickerRange"
        if end and not range_:
            raise WrongComponent(f"{show_id(picker_id)} is a dcc.DatePickerSingle: it has no end field")
        if text == "" and (end or not range_):  # an emptied field unsets its date (not a Range's start), as Dash's
            if range_:
                return self._act([self._send_range(picker_id, {"end_date": None}, props)], wait)
            return self._send_date(picker_id, None, props, wait)
        day = parse(text, props.get("display_format"))
        if day is None or not allowed(day, props):
            return self._act([], wait)
        if range_:
            return self._act([self._send_range(picker_id, {_ENDS[end]: day}, props)], wait)
        self._send_date(picker_id, day, props, wait)

    def clear_date(self, picker_id: Any, *, wait: bool = True) -> None:
        """Click a clearable picker's clear x: `date` (a Range's `start_date` and `end_date`) becomes None."""
        props = self._picker(picker_id, "clear")
        id_str = id_string(picker_id)
        range_ = kind_of(self._entry(picker_id).comp) == "dcc.DatePickerRange"
        names = _ENDS if range_ else ("date",)
        held = self._pending(id_str) if range_ else {}
        if not props.get("clearable") or all(props.get(n) is None and held.get(n) is None for n in names):
            raise WrongComponent(f"cannot clear {show_id(picker_id)}: it shows no clear button (clearable is off "
                                 "or no date is picked)")
        self._all_pending().pop(id_str, None)
        self._shown.pop(id_str, None)
        change = {n: None for n in names if props.get(n) is not None}
        self._act([lambda: self._rt_or_fail().user_change([(id_str, change)] if change else [])], wait)
