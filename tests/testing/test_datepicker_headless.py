"""dcc.DatePickerSingle without a browser: the props it checks, and the headless client's pick_date / type_date /
clear_date sending what the renderer's picker sends (a day the calendar greys out cannot be picked), the field's
text in the snapshot, and a persisted pick kept over a reload."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.components.base import PropError
from propwire.components.dcc_dates import iso_day
from propwire.testing import Client
from propwire.testing.components import WrongComponent
from propwire.testing.date_parse import parse
from propwire.testing.dates import shown


def test_date_props_take_iso_strings_and_date_objects_only() -> None:
    picker = dcc.DatePickerSingle(date=datetime.date(2024, 5, 17), min_date_allowed="2024-05-01T00:00:00",
                                  disabled_days=[datetime.datetime(2024, 5, 20, 9)], id="d")
    assert picker.date == datetime.date(2024, 5, 17)  # kept as given; sent as its ISO text
    for wrong in ("17/05/2024", "2024-02-30", 20240517, "2024-05-17x"):
        with pytest.raises(PropError, match="prop 'date' must be a date"):
            dcc.DatePickerSingle(date=wrong)
    with pytest.raises(PropError, match="first_day_of_week"):
        dcc.DatePickerSingle(first_day_of_week=7)
    with pytest.raises(PropError, match="has no prop 'start_date'"):
        dcc.DatePickerSingle(start_date="2024-05-17")
    assert iso_day(None) is None


def test_display_format_both_ways() -> None:
    assert shown("2024-05-07", "MMMM D, YY") == "May 7, 24"
    assert shown(None, "DD/MM/YYYY") == ""
    assert parse("07/05/2024", "DD/MM/YYYY") == "2024-05-07"
    assert parse("2024-05-07", "DD/MM/YYYY") == "2024-05-07"  # an ISO day is read whatever the format
    assert parse("sep 3 2024", "MMM D YYYY") == "2024-09-03"
    assert parse("31/02/2024", "DD/MM/YYYY") is None
    assert parse("nonsense") is None


def _app(**picker: Any) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.DatePickerSingle(id="day", **picker), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("day", "date"))
    def show(date: Any) -> str:
        return f"date={date}"

    return app


def test_pick_type_and_clear() -> None:
    app = _app(date=datetime.datetime(2024, 5, 17, 10, 30), min_date_allowed="2024-05-03",
               max_date_allowed="2024-06-20", disabled_days=["2024-05-25"], clearable=True, display_format="DD.MM.YYYY")
    with Client(app).open("/") as client:
        assert client.text("out") == "date=2024-05-17T10:30:00"  # as Dash: the datetime's ISO text
        assert client.snapshot()["day"] == {"text": "", "value": "17.05.2024"}
        client.pick_date("day", datetime.date(2024, 5, 20))
        assert client.text("out") == "date=2024-05-20"
        for greyed in ("2024-05-25", "2024-05-02", "2024-06-21"):
            with pytest.raises(WrongComponent, match=f"cannot pick {greyed}"):
                client.pick_date("day", greyed)
        with pytest.raises(ValueError, match="not a 'YYYY-MM-DD' day"):
            client.pick_date("day", "20.05.2024")
        client.type_date("day", "04.06.2024")
        assert client.text("out") == "date=2024-06-04"
        assert len(client.calls()) == 1
        client.type_date("day", "25.05.2024")  # a disabled day typed: dropped, no callback
        assert client.calls() == [] and client.snapshot()["day"]["value"] == "04.06.2024"
        client.type_date("day", "04.06.2024")  # the date it already has: no change either
        assert client.calls() == []
        client.clear_date("day")
        assert client.text("out") == "date=None"
        with pytest.raises(WrongComponent, match="shows no clear button"):
            client.clear_date("day")
        with pytest.raises(WrongComponent, match="not a dcc.DatePickerSingle"):
            client.pick_date("out", "2024-05-20")


def test_disabled_picker_takes_no_verbs_and_persisted_pick_survives_reload() -> None:
    with Client(_app(disabled=True)).open("/") as client, pytest.raises(WrongComponent, match="disabled"):
        client.type_date("day", "2024-05-20")
    with Client(_app(date="2024-05-17", persistence=True)).open("/") as client:
        client.pick_date("day", "2024-05-30")
        client.open("/")
        assert client.text("out") == "date=2024-05-30"


SEEN: list[tuple[Any, Any]] = []  # what the Range's callback was called with, in order


def _range_app(**picker: Any) -> Dash:
    app = Dash(__name__)
    SEEN.clear()
    app.layout = html.Div([dcc.DatePickerRange(id="stay", **picker), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("stay", "start_date"), Input("stay", "end_date"))
    def show(start: Any, end: Any) -> str:
        SEEN.append((start, end))
        return f"{start} to {end}"

    return app


def test_range_pick_dates_singledate_sends_each_pick() -> None:
    app = _range_app(start_date="2024-05-02", end_date="2024-05-06", minimum_nights=2, clearable=True,
                     min_date_allowed="2024-05-01")
    with Client(app).open("/") as client:
        SEEN.clear()
        client.pick_dates("stay", "2024-05-05", "2024-05-08")  # the new start is within 2 nights of the end
        assert SEEN == [("2024-05-05", None), ("2024-05-05", "2024-05-08")]
        assert client.text("out") == "2024-05-05 to 2024-05-08"
        with pytest.raises(WrongComponent, match="minimum_nights=2"):
            client.pick_dates("stay", "2024-05-10", "2024-05-11")
        with pytest.raises(WrongComponent, match="cannot pick 2024-04-30"):
            client.pick_dates("stay", "2024-04-30", "2024-05-11")
        client.type_date("stay", "2024-05-20", end=True)  # typed: order and minimum_nights not checked
        client.type_date("stay", "2024-05-25")
        assert client.text("out") == "2024-05-25 to 2024-05-20"
        assert client.snapshot()["stay"] == {"text": "", "value": "2024-05-25"}
        client.clear_date("stay")
        assert client.text("out") == "None to None"
        with pytest.raises(WrongComponent, match="not a dcc.DatePickerSingle"):
            client.pick_date("stay", "2024-05-05")


def test_range_bothdates_holds_a_lone_date_back() -> None:
    with Client(_range_app(updatemode="bothdates", display_format="DD/MM/YYYY")).open("/") as client:
        SEEN.clear()
        client.type_date("stay", "03/02/2025")
        assert SEEN == [] and client.text("out") == "None to None"
        assert client.snapshot()["stay"]["value"] == "03/02/2025"  # the field shows it meanwhile
        client.type_date("stay", "09/02/2025", end=True)
        assert SEEN == [("2025-02-03", "2025-02-09")]  # one event, both dates
        client.pick_dates("stay", "2025-03-01", "2025-03-04")
        assert SEEN[1:] == [("2025-03-01", "2025-03-04")]


def test_range_with_its_own_field_ids_has_no_element_of_its_id() -> None:
    with Client(_range_app(start_date="2024-05-02", start_date_id="from")).open("/") as client:
        assert "stay" not in client.snapshot() and "out" in client.snapshot()
    with Client(_range_app(start_date="2024-05-02")).open("/") as client:
        assert client.snapshot()["stay"] == {"text": "", "value": "2024-05-02"}


def test_range_placeholder_warns_it_does_nothing() -> None:
    with pytest.warns(UserWarning, match="'placeholder' has no effect"):
        dcc.DatePickerRange(placeholder="When?")
