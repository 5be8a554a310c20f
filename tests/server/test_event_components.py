"""Component JSON the browser sends in node props (children in `changed` or `values`) is checked like a layout
component before any callback runs: an unknown type or an undeclared prop is a 400 naming the prop."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, dcc, html

from .conftest import Client, kinds, ndjson
from .test_event_input import assert_error, make_app

BAD = {
    "unknown-type": {"type": "Svg", "namespace": "html", "props": {}},
    "unknown-namespace": {"type": "Img", "namespace": "dash_html_components", "props": {}},
    "handler": {"type": "Img", "namespace": "html", "props": {"src": "x", "onError": "alert(1)"}},
    "nested-handler": [{"type": "Div", "namespace": "html",
                        "props": {"children": [{"type": "Img", "namespace": "html", "props": {"onerror": "x"}}]}}],
    "wrong-type": {"type": "Div", "namespace": "html", "props": {"n_clicks": "many"}},
}


@pytest.mark.parametrize("name", list(BAD))
@pytest.mark.parametrize("where", ["changed", "values"])
def test_invalid_component_json_in_children_is_a_400(name, where):
    app, calls = make_app()
    value = BAD[name]
    body = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1, "inp.value": "x"},
            "present": {"btn": [], "inp": [], "out": [], "b": []}}
    body[where] = {**body[where], "out.children": value}
    assert_error(Client(app).event(body), 400, "out.children", "component")
    assert calls == []


def test_valid_component_json_in_children_is_accepted():
    app, calls = make_app()
    child = {"type": "Img", "namespace": "html", "props": {"src": "/a.png", "id": "pic"}}
    body = {"seq": 1, "changed": {"out.children": [child]}, "values": {}, "present": {"out": [], "b": []}}
    response = Client(app).event(body)
    assert response.status_code == 200
    assert "result" in kinds(ndjson(response))
    assert calls and calls[0][0] == "second"


def test_component_shaped_data_in_a_data_prop_is_not_checked():
    app = Dash()
    app.layout = html.Div([dcc.Store(id="s"), html.Div(id="out")])
    seen = []

    @app.callback(Output("out", "children"), Input("s", "data"), prevent_initial_call=True)
    def show(data):
        seen.append(data)
        return [data]

    body = {"seq": 1, "changed": {"s.data": BAD["handler"]}, "values": {}, "present": {"s": [], "out": []}}
    response = Client(app).event(body)
    assert response.status_code == 200, response.text
    assert seen == [BAD["handler"]]
    [result] = [line["result"] for line in ndjson(response) if "result" in line]
    assert isinstance(result["outputs"]["out.children"][0], str)  # sent back as text, not as an Img
