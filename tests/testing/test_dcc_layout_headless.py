"""The headless Client on dcc.Tabs, ConfirmDialog(+Provider), Loading, Tooltip and dcc.Button: what the
renderer does, mirrored (the parity apps tabs_*, confirm_*, loading_*, tooltip_*, button_* check both agree)."""

from __future__ import annotations

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client


def _tabs_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div(id="page", children=[
        dcc.Tabs(id="tabs", children=[
            dcc.Tab(label="One", id="one", children=html.P("first", id="p1")),
            dcc.Tab(label="Two", id="two", value="second", children=html.P("second", id="p2")),
            dcc.Tab(label="Off", id="off", disabled=True),
        ]),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("tabs", "value"))
    def show(value):
        return f"on {value}"

    return app


def test_a_tab_click_sets_the_tabs_value_and_shows_its_children():
    with Client(_tabs_app()).open() as client:
        assert client.text("out") == "on tab-1"  # the first Tab's value, "tab-1" as it has none
        snap = client.snapshot()
        assert snap["tabs"] == {"text": "One Two Off"} and snap["p1"] == {"text": "first"} and "p2" not in snap
        client.click("two")
        assert client.text("out") == "on second"
        snap = client.snapshot()
        assert "p1" not in snap and snap["p2"] == {"text": "second"}
        client.click("off")  # a disabled tab picks nothing (the div around it still hears the click)
        assert client.prop("tabs", "value") == "second"
        assert client.prop("page", "n_clicks") == 2
        client.click("two")  # the tab already picked: no event
        assert client.calls() == []


def _dialog_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.ConfirmDialogProvider(html.Button("Delete", id="btn"), id="ask", message="Sure?"),
        dcc.ConfirmDialog(id="later", message="Again?"),
        html.Div(id="out"),
    ])

    @app.callback(Output("later", "displayed"), Input("ask", "submit_n_clicks"), prevent_initial_call=True)
    def again(n):
        return True

    @app.callback(Output("out", "children"), Input("later", "submit_n_clicks"), Input("later", "cancel_n_clicks"))
    def show(ok, cancel):
        return f"{ok} {cancel}"

    return app


def test_confirm_dialogs_are_answered_by_accept_dialogs():
    with Client(_dialog_app()).open() as client:
        client.click("btn")  # Cancel by default, as Playwright answers without a handler
        assert client.dialogs == ["Sure?"]
        assert (client.prop("ask", "cancel_n_clicks"), client.prop("ask", "submit_n_clicks")) == (1, None)
        assert client.prop("btn", "n_clicks") is None  # the provider took the button's click over
        client.accept_dialogs = True
        client.click("btn")  # OK: the callback shows the second dialog, answered OK too
        assert client.dialogs == ["Sure?", "Sure?", "Again?"]
        assert client.text("out") == "1 None"
        assert client.prop("later", "displayed") is False
        assert isinstance(client.prop("later", "submit_n_clicks_timestamp"), int)


def test_loading_and_tooltip_snapshots():
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Loading(html.Div("kids", id="kids"), id="spin", display="show", custom_spinner="wait"),
        dcc.Loading(html.Div("shown", id="shown"), id="rest"),
        dcc.Tooltip("tip", id="no-box"),
        dcc.Tooltip("tip", id="boxed", bbox={}),
        dcc.Tooltip("tip", id="off", bbox={}, show=False),
        dcc.Button(["a ", html.B("b", id="bb")], id="btn"),
    ])
    with Client(app).open() as client:
        snap = client.snapshot()
        assert snap["spin"] == {"text": "wait"} and "kids" not in snap
        assert snap["rest"] == {"text": ""} and snap["shown"] == {"text": "shown"}
        assert "no-box" not in snap and snap["boxed"] == {"text": "tip"} and "off" not in snap
        client.click("bb")  # a click inside a dcc.Button counts for the button too
        assert (client.prop("bb", "n_clicks"), client.prop("btn", "n_clicks")) == (1, 1)


def test_one_body_answers_dialogs_and_picks_tabs_on_both_drivers(propwire_driver):
    page = propwire_driver(_dialog_app())
    page.click("btn")
    assert page.prop("ask", "cancel_n_clicks") == 1 and page.dialogs == ["Sure?"]
    page.accept_dialogs = True
    page.click("btn")
    assert page.text("out") == "1 None" and page.dialogs == ["Sure?", "Sure?", "Again?"]
    tabs = propwire_driver(_tabs_app())
    tabs.click("two")
    assert tabs.text("out") == "on second" and tabs.text("p2") == "second"


def test_text_reads_the_element_that_carries_the_id(propwire_driver):
    """A Tabs' id is on its headers, a Loading's on its spinner box; the elements around them hold the rest."""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div(id="around-tabs", children=dcc.Tabs(id="tabs", children=[
            dcc.Tab(label="One", id="one", children="first"), dcc.Tab(label="Two", children="second")])),
        html.Div(id="around-spin", children=dcc.Loading("kids", id="spin")),
        dcc.Button(["go ", html.B("now")], id="btn"),
        html.Div(id="around-tip", children=dcc.Tooltip("tip", id="tip", bbox={"x0": 0, "y0": 0, "x1": 1, "y1": 1})),
    ])
    page = propwire_driver(app)
    assert (page.text("tabs"), page.text("one"), page.text("around-tabs")) == ("OneTwo", "One", "OneTwofirst")
    assert (page.text("spin"), page.text("around-spin")) == ("", "kids")
    assert page.text("btn") == "go now"
    assert (page.text("tip"), page.text("around-tip")) == ("tip", "tip")
