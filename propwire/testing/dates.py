"""The date pickers' day arithmetic for the headless client: display_format both ways and the allowed days, the
same rules as the renderer's renderer/src/components/date_format.ts and date_parse.ts (node --test checks that
side), so the two clients show and accept the same days.

Dash 4.4.1 documents moment.js tokens but draws with date-fns: it rewrites dd -> EEEEEE, Do -> do, YYYY -> yyyy,
YY -> yy, Y -> y, DD -> dd, D -> d, X -> t (in that order) and date-fns writes the result (en-US): 'ddd' is a short
weekday then the day ("Tu7"), 'dddd' the full weekday, 'Q' the quarter, 'X' Unix seconds, 'x' the zone offset;
text in single quotes is literal, any other unquoted latin letter an error (FormatError).

>>> shown("2024-05-07T10:00:00", "MMM Do, YYYY"), shown("2024-05-07", "ddd DD.MM.YY")
('May 7th, 2024', 'Tu7 07.05.24')

Reading typed text is date_parse.py's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from propwire.components.dcc_dates import iso_day

__all__ = ["FormatError", "allowed", "format_day", "shown", "tokens"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_REWRITES = (("dd", "EEEEEE"), ("Do", "do"), ("YYYY", "yyyy"), ("YY", "yy"), ("Y", "y"), ("DD", "dd"), ("D", "d"),
             ("X", "t"))
# date-fns' token grammar: an ordinal (a letter then 'o'), a run of one letter, '' (a quote), a quoted text, a char.
_TOKEN = re.compile(r"[yYQqMLwIdDecihHKkms]o|([A-Za-z])\1*|''|'(?:''|[^'])+(?:'|$)|.", re.DOTALL)


class FormatError(ValueError):
    """A display_format / month_format with an unquoted letter that is no date token (Dash's picker fails too)."""


def tokens(fmt: str) -> list[str]:
    """The date-fns tokens of a Dash display_format. Example: tokens("Do MMM") is ['do', ' ', 'MMM']."""
    for old, new in _REWRITES:
        fmt = fmt.replace(old, new)
    return [m.group(0) for m in _TOKEN.finditer(fmt)]


def ordinal(n: int) -> str:
    """English ordinal of `n`, as date-fns writes it: ordinal(22) is '22nd'."""
    tens = n % 100
    if tens > 20 or tens < 10:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(tens % 10)
        if suffix:
            return f"{n}{suffix}"
    return f"{n}th"


def _named(names: tuple[str, ...], i: int, n: int) -> str:
    if n == 5:
        return names[i][0]
    if n == 6:
        return names[i][:2]
    return names[i] if n == 4 or n > 6 else names[i][:3]


def _offset(minutes: int, n: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, mins = f"{abs(minutes) // 60:02d}", f"{abs(minutes) % 60:02d}"
    if n == 1:
        return f"{sign}{hours}" + ("" if mins == "00" else mins)
    return f"{sign}{hours}:{mins}" if n in (3, 5) else f"{sign}{hours}{mins}"


def _piece(token: str, day: date) -> str | None:
    n, letter = len(token), token[0]
    weekday = (day.weekday() + 1) % 7  # 0 = Sunday, as JavaScript's getDay
    quarter = (day.month + 2) // 3
    if n == 2 and token[1] == "o":
        values = {"y": day.year, "Q": quarter, "q": quarter, "M": day.month, "L": day.month, "d": day.day,
                  "e": weekday + 1, "c": weekday + 1, "i": weekday or 7, "H": 0, "h": 12, "m": 0, "s": 0}
        return ordinal(values[letter]) if letter in values else None
    midnight = datetime(day.year, day.month, day.day).astimezone()  # the day's local midnight, as the browser's
    simple: dict[str, Any] = {
        "y": lambda: f"{day.year % 100:02d}" if n == 2 else f"{day.year:0{n}d}",
        "d": lambda: f"{day.day:0{n}d}",
        "E": lambda: _named(WEEKDAYS, weekday, 3 if n < 4 else n),
        "H": lambda: "0" * min(n, 2), "m": lambda: "0" * min(n, 2), "s": lambda: "0" * min(n, 2),
        "h": lambda: "12",
        "a": lambda: {3: "am", 4: "a.m.", 5: "a"}.get(n, "AM"),
        "t": lambda: str(int(midnight.timestamp())),
        "T": lambda: str(int(midnight.timestamp() * 1000)),
        "x": lambda: _offset(int(midnight.utcoffset().total_seconds() // 60), n),  # type: ignore[union-attr]
    }
    if letter in simple:
        return str(simple[letter]())
    if letter in "ML":
        name = MONTHS[day.month - 1]
        return f"{day.month:0{n}d}" if n <= 2 else {3: name[:3], 5: name[0]}.get(n, name)
    if letter in "Qq":
        return f"{quarter:0{n}d}" if n <= 2 else {3: f"Q{quarter}", 4: f"{ordinal(quarter)} quarter"}.get(n, str(quarter))
    if letter in "ec":
        return f"{weekday + 1:0{n}d}" if n <= 2 else _named(WEEKDAYS, weekday, n)
    if letter == "i":
        return f"{weekday or 7:0{n}d}" if n <= 2 else _named(WEEKDAYS, weekday, n)
    return None


def quoted(token: str) -> str:
    """The text of a quoted token: "'at'" is 'at', "''" a quote."""
    return "'" if token == "''" else token.strip("'").replace("''", "'")


def format_day(day: date, fmt: Any = None) -> str:
    """`day` written in a Dash display_format `fmt` (None or "": 'YYYY-MM-DD'); FormatError for a letter that is
    no token. Example: format_day(date(2024, 5, 7), "dddd, MMMM Do YYYY") is 'Tuesday, May 7th 2024'."""
    text = fmt if isinstance(fmt, str) and fmt else "YYYY-MM-DD"
    out = []
    for token in tokens(text):
        if token[0] == "'":
            out.append(quoted(token))
        elif not token[0].isascii() or not token[0].isalpha():
            out.append(token)
        else:
            piece = _piece(token, day)
            if piece is None:
                raise FormatError(f"the format {text!r} has the letter {token[0]}, which is no date token "
                                  "(quote literal text: 'at')")
            out.append(piece)
    return "".join(out)


def shown(value: Any, fmt: Any = None) -> str:
    """The text a picker's field shows for a date prop: its day in `fmt`, or "" for no day."""
    day = iso_day(value)
    return format_day(date.fromisoformat(day), fmt) if day else ""


def allowed(day: str, props: dict[str, Any]) -> bool:
    """Whether a picker lets the user pick `day` ('YYYY-MM-DD'): within min..max allowed, not a disabled day."""
    low, high = iso_day(props.get("min_date_allowed")), iso_day(props.get("max_date_allowed"))
    if (low and day < low) or (high and day > high):
        return False
    off = props.get("disabled_days")
    return not (isinstance(off, list) and any(iso_day(v) == day for v in off))
