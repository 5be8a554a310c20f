"""Headless clicks on a component library's tabs pick the tab (propwire/testing/tab_clicks.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import dash_mantine_components as dmc
import pytest

from propwire import Dash, Input, Output, html
from propwire.testing import Client
from propwire.testing.components import WrongComponent


def _dbc_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dbc.Tabs([dbc.Tab(label="One", id="one"), dbc.Tab(label="Two", id="two"),
                  dbc.Tab(label="Off", id="off", disabled=True), dbc.Tab(label="Named", tab_id="named", id="nm")],
                 id="tabs"),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("tabs", "active_tab"))
    def show(active):
        return f"active {active}"

    return app


def test_a_dbc_tab_click_sets_active_tab_to_its_tab_id_or_its_place():
    with Client(_dbc_app()).open() as client:
        client.click("two")
        assert client.text("out") == "active tab-1"
        client.click("nm")
        assert client.text("out") == "active named"
        with pytest.raises(WrongComponent, match="disabled"):  # as for a disabled button
            client.click("off")
        assert [c.name for c in client.calls()] == ["show"]
        client.click("nm")  # the tab already picked: no event
        assert client.calls() == []


def test_a_mantine_tab_click_sets_the_tabs_value():
    app = Dash(__name__)
    app.layout = dmc.MantineProvider(html.Div([
        dmc.Tabs([dmc.TabsList([dmc.TabsTab("A", value="a", id="ta"), dmc.TabsTab("B", value="b", id="tb")])],
                 id="tabs", value="a"),
        html.Div(id="out"),
    ]))

    @app.callback(Output("out", "children"), Input("tabs", "value"))
    def show(value):
        return f"value {value}"

    with Client(app).open() as client:
        assert client.text("out") == "value a"
        client.click("tb")
        assert client.text("out") == "value b"


def test_other_library_components_without_n_clicks_still_refuse_a_click():
    app = Dash(__name__)
    app.layout = html.Div([dbc.Progress(value=3, id="badge")])
    with Client(app).open() as client, pytest.raises(WrongComponent, match="cannot click 'badge'"):
        client.click("badge")
