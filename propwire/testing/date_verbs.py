"""The headless Client's verbs for dcc.DatePickerSingle: pick a day in its calendar, type a date into its field,
clear it; each sends what the renderer's picker sends (renderer/src/components/datepicker.tsx)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from propwire.api.dependencies import id_string
from propwire.components.dcc_dates import iso_day
from propwire.testing.components import WrongComponent, kind_of, show_id
from propwire.testing.dates import allowed, parse
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry

PICKERS = ("dcc.DatePickerSingle",)


class DateVerbs:
    """Client's date picker verbs (Client inherits them). Example::

        client.pick_date("day", "2024-05-17")     # a click on that day in the calendar: date "2024-05-17"
        client.type_date("day", "17/05/2024")     # typed (display_format "DD/MM/YYYY"), then Enter
        client.clear_date("day")                  # the clear x (clearable=True): date None
    """

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    def _picker(self, picker_id: Any, verb: str) -> dict[str, Any]:
        comp = self._entry(picker_id).comp
        if kind_of(comp) not in PICKERS:
            raise WrongComponent(f"cannot {verb} {show_id(picker_id)}: it is a {kind_of(comp)}, not a "
                                 "dcc.DatePickerSingle")
        if comp["props"].get("disabled"):
            raise WrongComponent(f"cannot {verb} {show_id(picker_id)}: it is disabled")
        return comp["props"]

    def _send_date(self, picker_id: Any, day: str, props: dict[str, Any], wait: bool) -> None:
        change = [] if day == props.get("date") else [(id_string(picker_id), {"date": day})]
        self._act([lambda: self._rt_or_fail().user_change(change)] if change else [], wait)

    def pick_date(self, picker_id: Any, day: str | date, *, wait: bool = True) -> None:
        """Click `day` in a DatePickerSingle's calendar: `date` becomes it ('YYYY-MM-DD').

        Parameters:
            picker_id: the picker's id.
            day: a 'YYYY-MM-DD' string or a datetime.date; a day the calendar greys out (outside
                min_date_allowed..max_date_allowed, or in disabled_days) cannot be clicked and raises.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        props = self._picker(picker_id, "pick a date in")
        iso = iso_day(day)
        if iso is None:
            raise ValueError(f"pick_date({show_id(picker_id)}, {day!r}): not a 'YYYY-MM-DD' day")
        if not allowed(iso, props):
            raise WrongComponent(f"cannot pick {iso} in {show_id(picker_id)}: the calendar does not allow it "
                                 "(min_date_allowed, max_date_allowed, disabled_days)")
        self._send_date(picker_id, iso, props, wait)

    def type_date(self, picker_id: Any, text: str, *, wait: bool = True) -> None:
        """Type `text` into a DatePickerSingle's field and press Enter: read by its display_format, it sets
        `date`; a text naming no day, or a day not allowed, changes nothing (the field shows `date` again).

        Parameters:
            picker_id: the picker's id.
            text: the field's whole new text, e.g. "2024-05-17" (display_format "YYYY-MM-DD", the default).
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        props = self._picker(picker_id, "type into")
        day = parse(text, props.get("display_format"))
        if day is None or not allowed(day, props):
            return self._act([], wait)
        self._send_date(picker_id, day, props, wait)

    def clear_date(self, picker_id: Any, *, wait: bool = True) -> None:
        """Click a clearable DatePickerSingle's clear x: `date` becomes None."""
        props = self._picker(picker_id, "clear")
        if not props.get("clearable") or props.get("date") is None:
            raise WrongComponent(f"cannot clear {show_id(picker_id)}: it shows no clear button (clearable is off "
                                 "or no date is picked)")
        self._act([lambda: self._rt_or_fail().user_change([(id_string(picker_id), {"date": None})])], wait)
