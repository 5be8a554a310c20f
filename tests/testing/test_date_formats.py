"""The headless client's display_format (propwire/testing/dates.py, date_parse.py) against what Dash 4.4.1 showed
and read in Chromium (a probe app, 2026-12-03, UTC): the same table as renderer/test/dates.test.ts."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from propwire.testing.date_parse import parse
from propwire.testing.dates import FormatError, format_day, shown

SEEN = [("YYYY-MM-DD", "2024-05-07"), ("YY/M/D", "24/5/7"), ("MMM Do, YYYY", "May 7th, 2024"),
        ("MMMM D YYYY", "May 7 2024"), ("ddd DD.MM.YYYY", "Tu7 07.05.2024"),
        ("dddd, MMMM Do YYYY", "Tuesday, May 7th 2024"), ("dd D", "Tu 7"), ("Q YYYY", "2 2024"),
        ("DD/MM/YYYY", "07/05/2024"), ("D MMM YY", "7 May 24"), ("YYYY 'at' MM", "2024 at 05")]


@pytest.mark.parametrize(("fmt", "text"), SEEN)
def test_written_as_dash_shows_it(fmt: str, text: str) -> None:
    assert format_day(date(2024, 5, 7), fmt) == text


def test_unix_seconds_offset_and_errors() -> None:
    midnight = datetime(2024, 5, 7).astimezone()
    assert shown("2024-05-07", "X") == str(int(midnight.timestamp()))
    offset = midnight.utcoffset().total_seconds() // 60  # type: ignore[union-attr]
    assert shown("2024-05-07", "x").startswith("-" if offset < 0 else "+")
    assert shown("2024-05-07T23:30:00", None) == "2024-05-07"
    assert format_day(date(2024, 11, 22), "Do Qo") == "22nd 4th"
    with pytest.raises(FormatError, match="letter W"):
        format_day(date(2024, 5, 7), "[Week] YYYY")


@pytest.mark.parametrize(("text", "fmt", "day"), [
    ("09/02/2025", "DD/MM/YYYY", "2025-02-09"),
    ("9/2/25", "DD/MM/YYYY", "0025-02-09"),      # YYYY takes "25" as the year 25 (Dash: 09/02/0025)
    ("12/02/25", "DD/MM/YYYY", "0025-02-12"),
    ("2025-02-10", "DD/MM/YYYY", "2025-02-10"),  # not the format: the browser's Date reads it
    ("Feb 11 2025", "DD/MM/YYYY", "2025-02-11"),
    ("garbage", "DD/MM/YYYY", None),
    ("May 18, 2024", None, "2024-05-18"),
    ("2024/05/19", None, "2024-05-19"),
    ("20240520", None, "2024-05-20"),
    ("2024-05", None, "2024-05-01"),
    ("19 June 2024", None, "2024-06-19"),
    ("6/21/2024", None, "2024-06-21"),
    ("2024-06-22T10:00", None, "2024-06-22"),
    ("2024-02-30", None, "2024-03-01"),          # the browser's Date rolls the day over
    ("may 7th, 2024", "MMM Do, YYYY", "2024-05-07"),
    ("Tu7 07.05.2024", "ddd DD.MM.YYYY", "2024-05-07"),
    ("7 May 99", "D MMM YY", "1999-05-07"),      # two-digit years: within 50 years ahead, else the century before
    ("", None, None),
])
def test_typed_text_read_as_dash_reads_it(text: str, fmt: str | None, day: str | None) -> None:
    assert parse(text, fmt) == day
