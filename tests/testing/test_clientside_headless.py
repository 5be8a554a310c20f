"""The headless Client runs no JavaScript: any step that would run a clientside callback raises
ClientsideUnsupported naming it (docs/testing.md), at page load as on a user change; other steps work."""

from __future__ import annotations

import pytest

from propwire import ClientsideFunction, Dash, Input, Output, dcc, html
from propwire.testing import Client, ClientsideUnsupported


def _app(prevent: bool) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="a", value="x"), html.Div(id="b"), html.Button("go", id="go"),
                           html.Div(id="server")])
    app.clientside_callback(ClientsideFunction("ui", "shout"), Output("b", "children"), Input("a", "value"),
                            prevent_initial_call=prevent)

    @app.callback(Output("server", "children"), Input("go", "n_clicks"))
    def server(n):
        return f"clicked {n}"

    return app


def test_a_clientside_initial_call_stops_the_page_load():
    with pytest.raises(ClientsideUnsupported, match=r"window\.dash_clientside\.ui\.shout"):
        Client(_app(prevent=False)).open()


def test_a_user_change_that_runs_a_clientside_callback_stops_and_others_work():
    with Client(_app(prevent=True)).open() as client:
        client.click("go")
        assert client.text("server") == "clicked 1"
        with pytest.raises(ClientsideUnsupported, match="clientside callback"):
            client.type("a", "y")
