"""An event's `follows` (docs/protocol.md): a malformed one, or one naming a prop that follows nothing or that no
callback of the event reads, is a 400 naming it and reaches no callback; a good one is obeyed."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, dcc, html

from .conftest import Client, ndjson
from .test_event_input import assert_error

GOOD = {"seq": 1, "changed": {"set.n_clicks": 1}, "values": {"set.n_clicks": 1, "kg.value": 3, "kg.drag_value": 3},
        "present": {"set": [], "kg": [], "both": []}, "follows": {"kg.value": ["kg.drag_value"]}}


def make_app() -> tuple[Dash, list]:
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Button("set", id="set"), dcc.Slider(0, 10, 1, value=3, id="kg"),
                           dcc.Input(id="other"), html.Div(id="both")])

    @app.callback(Output("kg", "value"), Input("set", "n_clicks"), prevent_initial_call=True)
    def set_kg(n):
        calls.append(("set_kg", n))
        return n + 4

    @app.callback(Output("both", "children"), Input("kg", "value"), Input("kg", "drag_value"))
    def both(value, drag):
        calls.append(("both", value, drag))
        return f"{value} {drag}"

    return app, calls


def test_a_good_follows_copies_the_value_into_drag_value_before_the_callback_on_both_runs():
    app, calls = make_app()
    lines = ndjson(Client(app).event(GOOD))
    assert calls == [("set_kg", 1), ("both", 5, 5)]
    assert lines[1]["result"]["outputs"] == {"kg.value": 5, "kg.drag_value": 5}


@pytest.mark.parametrize("follows,fragments", [
    (["kg.drag_value"], ["'follows' must be an object"]),
    ({"kg.value": "kg.drag_value"}, ["follows['kg.value']", "list of prop keys"]),
    ({"kg.value": [1]}, ["follows['kg.value']"]),
    ({"kg.value": ["other.drag_value"]}, ["'other.drag_value' does not follow 'kg.value'"]),
    ({"kg.min": ["kg.drag_value"]}, ["'kg.drag_value' does not follow 'kg.min'"]),
    ({"kg.value": ["kg.marks"]}, ["'kg.marks' does not follow 'kg.value'"]),
], ids=["not-an-object", "not-a-list", "not-strings", "other-component", "no-rule", "not-a-follower"])
def test_a_malformed_follows_is_a_400_naming_it(follows, fragments):
    app, calls = make_app()
    assert_error(Client(app).event({**GOOD, "follows": follows}), 400, *fragments)
    assert calls == []


def test_a_follower_no_callback_of_the_event_reads_is_refused():
    app, calls = make_app()
    event = {**GOOD, "follows": {"{\"i\":1}.value": ["{\"i\":1}.drag_value"]}}
    assert_error(Client(app).event(event), 400, "which no callback of this event reads")
    assert calls == []
