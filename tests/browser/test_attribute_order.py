"""html elements write their attributes in the order Dash's do (id first, style last), so a test that compares
an element's innerHTML with what Dash renders (Dash's own suite does) sees the same text."""

from __future__ import annotations

from typing import Any

from propwire import Dash, Input, Output, dcc, html

from .conftest import wait_idle


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="in", value="dash"), html.Div(html.Div(id="out"), id="box")])

    @app.callback(Output("out", "children"), Output("out", "style"), Output("out", "className"),
                  Input("in", "value"))
    def show(value):
        return value, {"fontFamily": value}, value

    return app


def test_an_element_set_by_a_callback_has_id_first_and_style_last(open_app: Any) -> None:
    page = open_app(_app())
    assert page.inner_html("#box") == '<div id="out" class="dash" style="font-family: dash;">dash</div>'
    page.fill("#in", "dash hi")
    wait_idle(page)
    assert page.inner_html("#box") == ('<div id="out" class="dash hi" style="font-family: &quot;dash hi&quot;;">'
                                       'dash hi</div>')

