"""The date pickers' day arithmetic for the headless client: display_format both ways and the allowed days, the
same rules as the renderer's renderer/src/components/dates.ts (node --test checks that side), so the two
clients show and accept the same days.

>>> shown("2024-05-07T10:00:00", "MMM D, YYYY"), parse("7/5/24", "D/M/YY")
('May 7, 2024', '2024-05-07')
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from propwire.components.dcc_dates import iso_day

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_TOKENS = re.compile(r"YYYY|YY|MMMM|MMM|MM|M|DD|D")
_PATTERN = {"YYYY": r"(\d{4})", "YY": r"(\d{2})", "MMMM": "([A-Za-z]+)", "MMM": "([A-Za-z]{3})",
            "MM": r"(\d{1,2})", "M": r"(\d{1,2})", "DD": r"(\d{1,2})", "D": r"(\d{1,2})"}


def _fmt(fmt: Any) -> str:
    return fmt if isinstance(fmt, str) else "YYYY-MM-DD"


def format_day(day: date, fmt: Any = None) -> str:
    """`day` written in display_format `fmt` (moment's tokens YYYY YY MMMM MMM MM M DD D; the rest is literal)."""
    parts = {"YYYY": f"{day.year:04d}", "YY": f"{day.year % 100:02d}", "MMMM": MONTHS[day.month - 1],
             "MMM": MONTHS[day.month - 1][:3], "MM": f"{day.month:02d}", "M": str(day.month),
             "DD": f"{day.day:02d}", "D": str(day.day)}
    return _TOKENS.sub(lambda m: parts[m.group(0)], _fmt(fmt))


def shown(value: Any, fmt: Any = None) -> str:
    """The text a picker's field shows for a date prop: its day in `fmt`, or "" for no day."""
    day = iso_day(value)
    return format_day(date.fromisoformat(day), fmt) if day else ""


def parse(text: str, fmt: Any = None) -> str | None:
    """The 'YYYY-MM-DD' day that typed `text` names in display_format `fmt`, else as an ISO 'YYYY-MM-DD' (Dash
    4.4.1 reads that too whatever its display_format), or None (a YY year is 20YY)."""
    day = _in_format(text, _fmt(fmt))
    return day if day is not None else iso_day(text.strip()) if len(text.strip()) == 10 else None


def _in_format(text: str, fmt: str) -> str | None:
    order = [m.group(0) for m in _TOKENS.finditer(fmt)]
    literal = [re.escape(piece) for piece in _TOKENS.split(fmt)]
    source = literal[0] + "".join(_PATTERN[t] + lit for t, lit in zip(order, literal[1:]))
    match = re.fullmatch(source, text.strip(), re.IGNORECASE)
    if not match:
        return None
    y = m = d = 0
    for token, part in zip(order, match.groups()):
        if token in ("YYYY", "YY"):
            y = int(part) + (2000 if token == "YY" else 0)
        elif token in ("MMMM", "MMM"):
            names = [n if token == "MMMM" else n[:3] for n in MONTHS]
            m = next((i + 1 for i, n in enumerate(names) if n.lower() == part.lower()), 0)
        elif token[0] == "M":
            m = int(part)
        else:
            d = int(part)
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def allowed(day: str, props: dict[str, Any]) -> bool:
    """Whether a picker lets the user pick `day` ('YYYY-MM-DD'): within min..max allowed, not a disabled day."""
    low, high = iso_day(props.get("min_date_allowed")), iso_day(props.get("max_date_allowed"))
    if (low and day < low) or (high and day > high):
        return False
    off = props.get("disabled_days")
    return not (isinstance(off, list) and any(iso_day(v) == day for v in off))
