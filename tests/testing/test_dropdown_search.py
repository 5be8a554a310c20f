"""A Dropdown's search field as an Input (`search_value`): the headless Client's `search` and BrowserDriver's
(typing into react-select's field) give the same callbacks; picking an option unsets search_value again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from propwire import Dash, Input, Output, State, dcc, html
from propwire.exceptions import PreventUpdate
from propwire.testing import Client
from propwire.testing.components import WrongComponent

Drive = Callable[..., Any]
CITIES = [{"label": n, "value": n[:3].lower()} for n in ["Montreal", "Madrid", "Paris", "Moscow"]]


def search_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Dropdown(id="dd"), dcc.Dropdown(["x"], id="fixed", searchable=False),
                           html.Div(id="seen"), html.Div(id="out")])

    @app.callback(Output("dd", "options"), Output("seen", "children"), Input("dd", "search_value"),
                  State("dd", "value"))
    def load(search: str | None, value: str | None) -> tuple[list, str]:
        if search is None and value is None:
            raise PreventUpdate
        shown = [o for o in CITIES if (search or "") in o["label"] or o["value"] == value]
        return shown, f"search={search!r} options={[o['value'] for o in shown]}"

    @app.callback(Output("out", "children"), Input("dd", "value"))
    def show(value: str | None) -> str:
        return f"value={value}"

    return app


def test_search_loads_options_and_a_pick_unsets_it(propwire_driver: Drive) -> None:
    page = propwire_driver(search_app())
    page.search("dd", "Mo")
    assert page.text("seen") == "search='Mo' options=['mon', 'mos']"
    page.select("dd", "mos")
    assert page.text("out") == "value=mos"
    assert page.text("seen") == "search=None options=['mon', 'mad', 'par', 'mos']"
    assert page.prop("dd", "search_value") is None
    page.search("dd", "Pa")
    assert page.text("seen") == "search='Pa' options=['par', 'mos']"  # the chosen one kept by the callback
    assert page.errors() == []


def test_search_refuses_other_components_and_unsearchable_dropdowns() -> None:
    with Client(search_app()) as client:
        client.open()
        with pytest.raises(WrongComponent, match="not a dcc.Dropdown"):
            client.search("out", "x")
        with pytest.raises(WrongComponent, match="not searchable"):
            client.search("fixed", "x")
