"""The headless client with the callback forms of issue 11 (items 14, 15, 16, 18, 22, 23): callbacks without
Outputs or Inputs, ids absent until a callback inserts them, allow_optional, positional forms, running= with
pattern-matching Outputs."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from propwire import MATCH, Dash, Input, Output, State, dcc, html, set_props
from propwire.testing import Client

Drive = Callable[..., Client]


def test_a_callback_without_outputs_acts_through_set_props(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Go", "go"), html.Div(id="out")])

    @app.callback(Input("go", "n_clicks"), State("out", "children"))
    def act(n, shown):
        set_props("out", {"children": f"clicked {n} after {shown}"})

    page = propwire_client(app)
    assert page.text("out") == "clicked None after None"
    page.click("go")
    assert page.text("out") == "clicked 1 after clicked None after None"


def test_callbacks_without_inputs_run_on_load(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="name", value="start"), html.Div(id="a"), html.Div(id="b")])
    app.callback(Output("a", "children"), State("name", "value"))(lambda name: f"state {name}")
    app.callback(Output("b", "children"))(lambda: "nothing")
    page = propwire_client(app)
    assert (page.text("a"), page.text("b")) == ("state start", "nothing")


def test_an_absent_id_callback_starts_working_when_its_component_is_inserted(propwire_client: Drive) -> None:
    app = Dash(__name__)  # no suppress_callback_exceptions: the app must start all the same
    app.layout = html.Div([html.Button("Show", id="show"), html.Div(id="holder")])

    @app.callback(Output("holder", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
    def show(n):
        return html.Div([dcc.Input(id="late", value="first"), html.Div(id="late-out")])

    @app.callback(Output("late-out", "children"), Input("late", "value"))
    def echo(value):
        return f"late says {value}"

    with pytest.warns(UserWarning, match="names id 'late', which is not in the initial layout"):
        page = propwire_client(app)
    assert not page.exists("late")
    page.click("show")
    assert page.text("late-out") == "late says first"
    page.type("late", "second")
    assert page.text("late-out") == "late says second"
    assert page.errors() == []


def test_allow_optional_gives_none_for_an_absent_component(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), State("gone", "value", allow_optional=True))
    def show(n, gone):
        return f"{n} / {gone}"

    page = propwire_client(app)
    page.click("go")
    assert page.text("out") == "1 / None"


def test_running_with_pattern_outputs_sets_the_instances_own_prop(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Div([html.Button(f"Run {i}", id={"t": "run", "i": i}), html.Div(id={"t": "res", "i": i})])
                           for i in range(2)])
    release = threading.Event()

    @app.callback(Output({"t": "res", "i": MATCH}, "children"), Input({"t": "run", "i": MATCH}, "n_clicks"),
                  running=[(Output({"t": "run", "i": MATCH}, "disabled"), True, False)], prevent_initial_call=True)
    def work(n):
        release.wait(5)
        return f"ran {n}"

    page = propwire_client(app)
    release.set()
    page.click({"t": "run", "i": 1})
    assert page.text({"t": "res", "i": 1}) == "ran 1"
    # The instance's own button went through True and back to False (the in-process transport hands the client the
    # stream whole, so the True in between is seen by the engine test and the browser, not here); the other
    # instance's button was never touched.
    assert page.prop({"t": "run", "i": 1}, "disabled") is False
    assert page.prop({"t": "run", "i": 0}, "disabled") is None
