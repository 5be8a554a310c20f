"""Issue 11's browser behaviours, in the headless Client and in Chromium alike (the `propwire_driver` fixture
runs each test in both): one call per click when answers come back out of order, None clearing inputs,
stored data and its timestamp across reloads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from propwire import Dash, Input, Output, State, dcc, html

Drive = Callable[..., Any]


def slow_clicks_app(calls: list[int]) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Go", id="btn"), html.Div(id="out")])
    lock = threading.Lock()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        with lock:
            calls.append(n)
        time.sleep({1: 0.6, 2: 0.3}.get(n, 0.0))  # the first click's answer comes back last
        return f"clicked {n}"

    return app


def test_out_of_order_answers_call_the_callback_once_per_click(propwire_driver: Drive) -> None:
    calls: list[int] = []
    page = propwire_driver(slow_clicks_app(calls))
    for _ in range(3):
        page.click("btn", wait=False)
    page.wait()
    time.sleep(0.2)  # a re-run, if one were sent, would be under way by now
    page.wait()
    assert page.text("out") == "clicked 3"
    assert sorted(calls) == [1, 2, 3], "exactly one call per click, none repeated"


# -- dcc.Store: data and modified_timestamp ---------------------------------------------------------

def store_counter_app(calls: list[tuple]) -> Dash:
    """Dash's Store docs example, for one local store: clicks counted in it, shown from modified_timestamp."""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="local", storage_type="local"), html.Button("add", id="btn"),
                           html.Div(0, id="clicks")])

    @app.callback(Output("local", "data"), Input("btn", "n_clicks"), State("local", "data"),
                  prevent_initial_call=True)
    def count(n, data):
        return {"clicks": (data or {}).get("clicks", 0) + 1}

    @app.callback(Output("clicks", "children"), Input("local", "modified_timestamp"), State("local", "data"))
    def show(ts, data):
        calls.append((ts is not None, data))
        return (data or {}).get("clicks", 0) if ts is not None else 0

    return app


def test_a_local_store_brings_back_its_data_and_stamp_after_a_reload(propwire_driver: Drive) -> None:
    calls: list[tuple] = []
    page = propwire_driver(store_counter_app(calls))
    page.click("btn")
    page.click("btn")
    assert page.text("clicks") == "2"
    stamp = page.prop("local", "modified_timestamp")
    calls.clear()
    page.open("/")
    assert page.text("clicks") == "2"
    assert page.prop("local", "modified_timestamp") == stamp, "the stamp comes back with the data"
    assert calls == [(True, {"clicks": 2})], "one initial call, with the stored data and its stamp"


def written_at_load_app(calls: list[tuple]) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="memo"), dcc.Store(id="given", data={"n": 1}), html.Button("same", id="btn"),
                           html.Div(id="out")])

    @app.callback(Output("memo", "data"), Input("btn", "n_clicks"))
    def remember(n):
        return {"same": True}

    @app.callback(Output("out", "children"), Input("memo", "modified_timestamp"), Input("given", "modified_timestamp"))
    def stamped(memo_ts, given_ts):
        calls.append((memo_ts is not None, given_ts is not None))
        return f"{memo_ts is not None} {given_ts is not None}"

    return app


def test_store_stamps_when_written_at_load_and_not_for_equal_data(propwire_driver: Drive) -> None:
    calls: list[tuple] = []
    page = propwire_driver(written_at_load_app(calls))
    # the layout's data is stamped at mount (the initial call sees it); the load's write stamps memo
    assert calls == [(False, True), (True, True)]
    assert page.text("out") == "True True"
    page.click("btn")  # the same data again: no change, no stamp, so no call
    assert calls == [(False, True), (True, True)]


# -- None clears what an input shows ----------------------------------------------------------------

def clearing_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("clear", id="clear"), dcc.Input(id="text", value="typed"),
                           dcc.Input(id="num", type="number", value=4), dcc.Textarea(id="area", value="kept"),
                           dcc.Dropdown(id="drop", options=["a", "b"], value="a")])

    @app.callback(Output("text", "value"), Output("num", "value"), Output("area", "value"), Output("drop", "value"),
                  Input("clear", "n_clicks"), prevent_initial_call=True)
    def clear(n):
        return None, None, None, None

    return app


def test_none_clears_inputs_and_dropdowns_as_in_dash(propwire_driver: Drive) -> None:
    page = propwire_driver(clearing_app())
    page.type("text", "typed more")
    page.click("clear")
    assert page.prop("text", "value") is None
    assert page.field_text("text") == "" and page.field_text("num") == ""
    assert page.field_text("area") == "kept", "Dash 4.4.1's Textarea keeps its text when its value becomes None"
    assert page.text("drop") == ""


# -- late cookies: one protocol for both clients ----------------------------------------------------

def cookie_app() -> Dash:
    import asyncio

    from propwire import callback_context

    app = Dash(__name__)
    app.layout = html.Div([html.Button("login", id="login"), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
    def fast(n):
        callback_context.response.set_cookie("early", "1", max_age=600)
        return "fast"

    @app.callback(Output("b", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
    async def slow(n):
        await asyncio.sleep(0.3)  # finishes after the headers went out: its cookies travel sealed in the stream
        callback_context.response.set_cookie("sid", "secret", httponly=True, samesite="Strict", max_age=600)
        callback_context.response.set_cookie("pref", "dark", path="/")
        return "slow"

    return app


def test_late_cookies_reach_both_clients_alike_httponly_included(propwire_client: Drive,
                                                                  propwire_browser: Drive) -> None:
    jars = []
    for open_page in (propwire_client, propwire_browser):
        page = open_page(cookie_app())
        page.click("login")
        assert page.text("b") == "slow"
        jars.append(page.cookies)
    headless, browser = jars
    assert headless == browser == {"early": "1", "sid": "secret", "pref": "dark"}
