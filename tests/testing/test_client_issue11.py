"""Issue 11's browser behaviours, in the headless Client and in Chromium alike (the `propwire_driver` fixture
runs each test in both): one call per click when answers come back out of order, None clearing inputs,
stored data and its timestamp across reloads."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

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
