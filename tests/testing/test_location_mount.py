"""A dcc.Location's URL props count as set by the component at load (as Dash's Location sets them when it
mounts): a callback upstream that writes the pathname and raises PreventUpdate does not drop their readers'
initial calls (issue 11 item 20 prunes only readers of props nothing wrote)."""

from __future__ import annotations

from propwire import Dash, Input, Output, PreventUpdate, dcc, html


def location_app(calls: list) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="loc"), html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("loc", "pathname"))
    def show(path):
        calls.append(path)
        return f"at {path}"

    @app.callback(Output("loc", "pathname"), Input("btn", "n_clicks"))
    def move(n):
        if not n:
            raise PreventUpdate
        return f"/{n}"

    return app


def test_a_location_reader_runs_at_load_though_the_pathname_writer_prevented(propwire_client) -> None:
    calls: list = []
    page = propwire_client(location_app(calls), "/start")
    assert page.text("out") == "at /start" and calls == ["/start"]
    page.click("btn")
    assert page.text("out") == "at /1" and calls == ["/start", "/1"]
