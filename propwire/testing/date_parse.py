"""Typed text into a 'YYYY-MM-DD' day for the headless client, as Dash 4.4.1's pickers read a field (the renderer's
renderer/src/components/date_parse.ts does the same in the browser): by the display_format with date-fns' rules
(numbers take as many digits as their token allows, so 'YYYY' reads "25" as the year 25; names match whatever their
case; a weekday is read but the day wins; the rest of the text must be blank), or as ISO 8601 when there is no
display_format; failing that, Dash reads it with the browser's `new Date(text)`. This client has no browser: it
reads the forms of that fallback below (`_browser_date`), the ones a user types, and no others.

>>> parse("7/5/24", "D/M/YY"), parse("May 18, 2024"), parse("9/2/25", "DD/MM/YYYY")
('2024-05-07', '2024-05-18', '0025-02-09')
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from propwire.testing.dates import MONTHS, WEEKDAYS, FormatError, quoted, tokens

_MONTH_WIDTHS = {3: (3, 1), 4: (0, 3, 1), 5: (1,)}
_DAY_WIDTHS = {4: (0, 3, 2, 1), 5: (1,), 6: (2, 1)}
_ORDINAL = re.compile(r"(\d+)(th|st|nd|rd)?", re.IGNORECASE)


def _digits(text: str, pattern: str) -> tuple[int, str] | None:
    match = re.match(pattern, text)
    return (int(match.group(0)), text[match.end():]) if match else None


def _ordinal(text: str) -> tuple[int, str] | None:
    match = _ORDINAL.match(text)
    return (int(match.group(1)), text[match.end():]) if match else None


def _name(text: str, names: tuple[str, ...], widths: tuple[int, ...]) -> tuple[int, str] | None:
    for width in widths:
        for i, name in enumerate(names):
            head = name[:width] if width else name
            if text.lower().startswith(head.lower()):
                return i + 1, text[len(head):]
    return None


def _month(token: str, text: str) -> tuple[int, str] | None:
    n = len(token)
    if token.endswith("o") and n == 2:
        return _ordinal(text)
    if n == 1:
        return _digits(text, r"1[0-2]|0?\d")
    return _digits(text, r"\d{1,2}") if n == 2 else _name(text, MONTHS, _MONTH_WIDTHS.get(n, (0, 3, 1)))


def _quarter(token: str, text: str) -> tuple[int, str] | None:
    n = len(token)
    if n == 4 or token.endswith("o"):
        return _ordinal(re.sub(r"^(\d)(th|st|nd|rd)? quarter", r"\1", text, flags=re.IGNORECASE))
    if n == 3:
        return _digits(re.sub(r"^q(?=[1-4])", "", text, flags=re.IGNORECASE), r"[1-4]")
    return _digits(text, r"\d{1,2}" if n == 2 else r"\d")


def _skip(token: str, text: str) -> str | None:
    """The text after a token whose value does not change the day (a weekday, a time, a zone), or None."""
    letter = token[0]
    if letter == "E":
        found = _name(text, WEEKDAYS, _DAY_WIDTHS.get(len(token), (3, 2, 1)))
        return found[1] if found else None
    pattern = {"H": r"\d{1,2}", "h": r"\d{1,2}", "m": r"\d{1,2}", "s": r"\d{1,2}",
               "a": r"a\.?m\.?|p\.?m\.?|a|p", "x": r"[+-]\d{2}(:?\d{2})?|Z"}.get(letter)
    if pattern is None:
        raise FormatError(f"no date token: {letter}")
    match = re.match(pattern, text, re.IGNORECASE)
    return text[match.end():] if match else None


def _read(token: str, text: str, fields: dict[str, int]) -> str | None:
    """Reads one token off the front of `text` into `fields`; the rest of the text, or None when it does not match."""
    letter, n = token[0], len(token)
    found: tuple[int, str] | None
    if letter == "y":
        fields["two_digit"] = int(token == "yy")
        found = _ordinal(text) if token == "yo" else _digits(text, rf"\d{{1,{4 if n == 1 else n}}}")
        key = "y"
    elif letter in "ML":
        found, key = _month(token, text), "m"
    elif letter == "d":
        found = _ordinal(text) if token == "do" else _digits(text, r"3[01]|[0-2]?\d" if n == 1 else r"\d{1,2}")
        key = "d"
    elif letter in "Qq":
        found, key = _quarter(token, text), "q"
    elif letter in "tT":
        found = _digits(text, r"-?\d+")
        key = "stamp_ms"
        if found:
            found = (found[0] * (1000 if letter == "t" else 1), found[1])
    elif letter.isascii() and letter.isalpha():
        return _skip(token, text)
    else:
        literal = quoted(token) if letter == "'" else token
        return text[len(literal):] if text.startswith(literal) else None
    if found is None:
        return None
    fields[key] = found[0]
    return found[1]


def _assemble(fields: dict[str, int]) -> str | None:
    """The day the read fields name, the missing ones from today, as date-fns fills them (a year: 1 January)."""
    if "stamp_ms" in fields:
        return (datetime(1970, 1, 1).astimezone() + timedelta(milliseconds=fields["stamp_ms"])).astimezone().date().isoformat()
    today = date.today()
    y, m, d = today.year, today.month, today.day
    if "y" in fields:
        if fields.get("two_digit"):  # date-fns' pivot: within 50 years after this one, else the century before
            end = today.year + 50
            y = fields["y"] + end // 100 * 100 - (100 if fields["y"] >= end % 100 else 0)
        elif fields["y"] > 0:
            y = fields["y"]
        else:
            return None
        m, d = 1, 1
    if "q" in fields:
        if not 1 <= fields["q"] <= 4:
            return None
        m, d = (fields["q"] - 1) * 3 + 1, 1
    if "m" in fields:
        m, d = fields["m"], 1
    d = fields.get("d", d)
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def in_format(text: str, fmt: str) -> str | None:
    """The day `text` names in a Dash display_format (date-fns' rules), or None."""
    fields: dict[str, int] = {}
    rest = text
    try:
        for token in tokens(fmt):
            after = _read(token, rest, fields)
            if after is None:
                return None
            rest = after
    except FormatError:
        return None
    return None if rest.strip() else _assemble(fields)


_ISO_DAY = re.compile(r"(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?|-?(\d{3}))?")
_ISO_TIME = re.compile(r"\d{2}(?:[.,]\d+)?(?::?\d{2}(?:[.,]\d+)?(?::?\d{2}(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?",
                       re.IGNORECASE)


def iso_text(text: str) -> str | None:
    """An ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, YYYY-DDD), a time after T or a space, or None."""
    date_part, *times = re.split(r"[T ]", text)
    match = _ISO_DAY.fullmatch(date_part)
    if not match or len(times) > 1 or (times and not _ISO_TIME.fullmatch(times[0])):
        return None
    y = int(match.group(1))
    try:
        if match.group(4):
            return (date(y, 1, 1) + timedelta(days=int(match.group(4)) - 1)).isoformat() if (
                1 <= int(match.group(4)) <= (366 if date(y, 12, 31).timetuple().tm_yday == 366 else 365)) else None
        day = date(y, int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None
    zone = _ISO_TIME.fullmatch(times[0]).group(1) if times else None  # type: ignore[union-attr]
    if not zone:
        return day.isoformat()
    stamp = text.replace(" ", "T").replace("z", "Z")
    return datetime.fromisoformat(stamp).astimezone().date().isoformat()


_MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*,?\s+)?"


def _rolled(y: int, m: int, d: int) -> str | None:
    """The day d of month m, a day past the month's end rolling into the next (the browser's Date does)."""
    if not (1 <= m <= 12 and 1 <= d <= 31 and y >= 1):
        return None
    return (date(y, m, 1) + timedelta(days=d - 1)).isoformat()


def _browser_date(text: str) -> str | None:
    """The day `new Date(text)` names in Chromium, for these forms: Y-M-D, Y/M/D, Y.M.D (a time after it), Y,
    M/D/Y (a two-digit year: 20YY under 50, else 19YY), "May 18, 2024", "Tue May 07 2024", "18 May 2024",
    "May 2024"; None for any other (the browser may read more)."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-01-01"
    match = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", text)
    if match:
        return _rolled(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if match:
        y = int(match.group(3))
        y = y + (2000 if y < 50 else 1900) if len(match.group(3)) == 2 else y
        return _rolled(y, int(match.group(1)), int(match.group(2)))
    low = text.lower()
    for pattern, order in ((_WEEKDAY + _MONTH_NAME + r"\s+(\d{1,2}),?\s+(\d{4})", "mdy"),
                           (_WEEKDAY + r"(\d{1,2})\s+" + _MONTH_NAME + r",?\s+(\d{4})", "dmy"),
                           (_MONTH_NAME + r"\s+(\d{4})", "my")):
        match = re.fullmatch(pattern, low)
        if match:
            groups = match.groups()
            month = next(i + 1 for i, m in enumerate(MONTHS) if m.lower().startswith(
                groups[order.index("m")]))
            day = int(groups[order.index("d")]) if "d" in order else 1
            return _rolled(int(groups[order.index("y")]), month, day)
    return None


def parse(text: str, fmt: Any = None) -> str | None:
    """The 'YYYY-MM-DD' day typed `text` names, read as Dash 4.4.1 reads a picker's field: by `fmt` (its
    display_format) when there is one, else as ISO; failing that, as the browser's Date reads it. None for none."""
    if not text:
        return None
    day = in_format(text, fmt) if isinstance(fmt, str) and fmt else iso_text(text)
    return day if day is not None else _browser_date(text)
