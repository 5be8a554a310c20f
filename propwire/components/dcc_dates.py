"""dcc.DatePickerSingle and dcc.DatePickerRange: text fields showing dates, with a month calendar to pick from,
as Dash 4.4.1's.

Dates travel as ISO strings ('YYYY-MM-DD'). A layout may give a `datetime.date` or `datetime.datetime` (or a
datetime string): it is sent as its ISO text, as Dash's JSON encoder sends it, and the picker shows only its
date part. What the user picks is always a plain 'YYYY-MM-DD'. `display_format` and `month_format` take Dash
4.4.1's tokens (moment's names drawn by date-fns' rules: YYYY YY MMMM MMM MM M DD D Do dd ddd dddd Q X x, text in
single quotes; propwire/testing/dates.py has the table). The field reads typed text, as Dash's does, on Enter, the
up/down arrows or Tab (not when it is left): by `display_format` (else as ISO), failing that as the browser's
Date reads it; an emptied field unsets the date (a Range's end field its end); a text that is no date, or a date
outside `min_date_allowed`..`max_date_allowed` or in `disabled_days`, is dropped and the field shows the picked
date again.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from typing import Any, ClassVar

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, NUMBER, STRING, PropType, enum, list_of
from propwire.components.dcc_props import _BOX
from propwire.components.persistence import Persistent, persistence_props
from propwire.components.spec import Bundle

__all__ = ["DatePickerRange", "DatePickerSingle", "iso_day"]


def iso_day(value: Any) -> str | None:
    """The 'YYYY-MM-DD' day a date prop names (its date part), or None for None or a value that names none.

    >>> iso_day("2024-05-17T10:30:00"), iso_day(_dt.datetime(2024, 5, 17, 10, 30)), iso_day("17 May")
    ('2024-05-17', '2024-05-17', None)
    """
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) or len(value) < 10 or (len(value) > 10 and value[10] not in "T "):
        return None
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


# A date prop: a datetime.date / datetime.datetime or a string starting with a real 'YYYY-MM-DD' day.
DATE = PropType("a date: a 'YYYY-MM-DD' string, a datetime string, datetime.date or datetime.datetime",
                lambda v: iso_day(v) is not None, "str | Any")

# What both pickers take (Dash 4.4.1's props of the calendar and the field), besides their dates.
_CALENDAR = {
    "min_date_allowed": DATE,
    "max_date_allowed": DATE,
    "disabled_days": list_of(DATE),
    "initial_visible_month": DATE,
    "clearable": BOOL,
    "reopen_calendar_on_clear": BOOL,
    "display_format": STRING,
    "month_format": STRING,
    "first_day_of_week": enum(0, 1, 2, 3, 4, 5, 6),
    "show_outside_days": BOOL,
    "stay_open_on_select": BOOL,
    "calendar_orientation": enum("vertical", "horizontal"),
    "number_of_months_shown": NUMBER,
    "with_portal": BOOL,
    "with_full_screen_portal": BOOL,
    "day_size": NUMBER,
    "is_RTL": BOOL,
    "disabled": BOOL,
}


class DatePickerSingle(typed.DatePickerSingle, Persistent):
    """A date field with a calendar popup: `date` is the picked day ('YYYY-MM-DD'), None until one is picked.

    Example::

        dcc.DatePickerSingle(id="day", date="2024-05-17", min_date_allowed="2024-05-01",
                             max_date_allowed="2024-06-30", display_format="DD/MM/YYYY", clearable=True)
        # @callback(Output("shown", "children"), Input("day", "date")) receives "2024-05-17"
    """

    _namespace = "dcc"
    _type = "DatePickerSingle"
    _bundle = Bundle("datepicker", "DatePickerSingle", lazy=True)
    _persisted = ("date",)
    _positional = ("date", "min_date_allowed", "max_date_allowed", "disabled_days", "placeholder",
                   "initial_visible_month", "clearable", "reopen_calendar_on_clear", "display_format",
                   "month_format", "first_day_of_week", "show_outside_days", "stay_open_on_select",
                   "calendar_orientation", "number_of_months_shown", "with_portal", "with_full_screen_portal",
                   "day_size", "is_RTL", "disabled", "style", "className", "persistence", "persisted_props",
                   "persistence_type", "id", "componentPath")
    _props = {
        **_BOX,
        "date": DATE,
        "placeholder": STRING,
        **_CALENDAR,
        **persistence_props("date"),
    }
    _defaults: ClassVar[dict] = {}  # Dash's defaults are the renderer's (placeholder 'Select Date', ...), not sent


class DatePickerRange(typed.DatePickerRange, Persistent):
    """Two date fields (start, end) sharing a calendar: a first click picks `start_date`, a second `end_date`
    (at least `minimum_nights` later). `updatemode="singledate"` (the default) sends each date as it is
    picked; `"bothdates"` only once both are.

    Example::

        dcc.DatePickerRange(id="stay", start_date="2024-05-17", end_date="2024-05-20", minimum_nights=1,
                            clearable=True)
        # @callback(Output("nights", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
    """

    _namespace = "dcc"
    _type = "DatePickerRange"
    _bundle = Bundle("daterange", "DatePickerRange", lazy=True)
    _persisted = ("start_date", "end_date")
    _positional = ("start_date", "end_date", "minimum_nights", "updatemode", "start_date_placeholder_text",
                   "end_date_placeholder_text", "start_date_id", "end_date_id", "id", "componentPath", "className",
                   "persistence", "persisted_props", "persistence_type", "disabled", "style", "min_date_allowed",
                   "max_date_allowed", "disabled_days", "placeholder", "initial_visible_month", "clearable",
                   "reopen_calendar_on_clear", "display_format", "month_format", "first_day_of_week",
                   "show_outside_days", "stay_open_on_select", "calendar_orientation", "number_of_months_shown",
                   "with_portal", "with_full_screen_portal", "day_size", "is_RTL")
    _props = {
        **_BOX,
        "start_date": DATE,
        "end_date": DATE,
        "minimum_nights": NUMBER,
        "updatemode": enum("singledate", "bothdates"),
        "start_date_placeholder_text": STRING,
        "end_date_placeholder_text": STRING,
        "start_date_id": STRING,
        "end_date_id": STRING,
        "placeholder": STRING,
        **_CALENDAR,
        **persistence_props("start_date", "end_date"),
    }
    _defaults: ClassVar[dict] = {}  # Dash's defaults are the renderer's (two months shown, ...), not sent

    def _check(self) -> None:
        if self._values.get("placeholder") is not None:  # declared by Dash 4.4.1, which draws nothing with it
            warnings.warn("dcc.DatePickerRange: prop 'placeholder' has no effect (as in Dash 4.4.1); use "
                          "start_date_placeholder_text / end_date_placeholder_text", UserWarning, stacklevel=4)
