"""dcc.Geolocation through the headless Client: the position Client.geolocation gives is read at mount and on
update_now (reset to False), a refusal (None) sets position_error, and a bad position is refused."""

from __future__ import annotations

import re
from typing import Any

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.components.base import PropError
from propwire.testing import Client


def geo_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Geolocation(id="geo"), html.Button("Again", id="again"), html.Div(id="pos"),
                           html.Div(id="err"), html.Div(id="now")])

    @app.callback(Output("pos", "children"), Output("err", "children"), Input("geo", "position"),
                  Input("geo", "position_error"))
    def show(pos: Any, err: Any) -> tuple[str, str]:
        where = "none" if pos is None else f"{pos['lat']} {pos['lon']} {pos['accuracy']} {pos['alt']}"
        return where, "none" if err is None else f"{err['code']} {err['message']}"

    @app.callback(Output("geo", "update_now"), Input("again", "n_clicks"), prevent_initial_call=True)
    def again(_n: int) -> bool:
        return True

    @app.callback(Output("now", "children"), Input("geo", "update_now"), Input("geo", "local_date"))
    def now(flag: Any, local: Any) -> str:
        return f"{flag} {local}"

    return app


def test_position_read_at_mount_and_on_update_now() -> None:
    with Client(geo_app()) as client:
        client.geolocation = {"lat": 48.85, "lon": 2.35, "accuracy": 12}
        client.open("/")
        assert client.text("pos") == "48.85 2.35 12 None"
        assert client.text("err") == "none"
        assert isinstance(client.prop("geo", "timestamp"), int)
        assert re.fullmatch(r"None \d+/\d+/\d{4}, \d+:\d\d:\d\d [AP]M", client.text("now"))
        client.geolocation = {"lat": 1.5, "lon": 2.5, "accuracy": 3, "alt": 40}
        client.click("again")
        assert client.text("pos") == "1.5 2.5 3 40"
        assert client.prop("geo", "update_now") is False  # reset, so the next click reads again
        client.geolocation = {"lat": 7, "lon": 8, "accuracy": 1}
        client.click("again")
        assert client.text("pos") == "7 8 1 None"


def test_refusal_sets_position_error() -> None:
    with Client(geo_app()) as client:
        client.open("/")  # geolocation None: the user refused
        assert client.text("err") == "1 User denied Geolocation"
        assert client.text("pos") == "none"
        client.geolocation = {"lat": 1, "lon": 2, "accuracy": 3}
        client.click("again")
        assert (client.text("pos"), client.text("err")) == ("1 2 3 None", "none")


def test_bad_position_and_props_are_errors() -> None:
    with Client(geo_app()) as client:
        client.geolocation = {"latitude": 1, "longitude": 2}
        with pytest.raises(ValueError, match="lat, lon"):
            client.open("/")
    with pytest.raises(PropError, match="position"):
        dcc.Geolocation(id="g", position={"latitude": 1})
