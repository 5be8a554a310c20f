"""Outside debug, what a callback's bad return value sends to the browser names the callback and the fault, never
where the server keeps the app's files (issue 19; docs/debugging.md): over a POST, over the event socket and as
the headless client shows it. With debug, the message and its traceback say where."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from propwire import Dash, Input, Output, html
from propwire.core.results import without_paths
from propwire.testing import Client as PageClient

from .conftest import Client, ndjson
from .test_event_socket import WS, answers


class Unsendable:
    """No JSON form: the engine's serialiser refuses it."""


def bad_app(kind: str, debug: bool = False) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="a"), html.Div(id="b")])
    if kind == "unsendable":
        @app.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
        def unsendable(n):
            return Unsendable()
    else:
        @app.callback(Output("a", "children"), Output("b", "children"), Input("btn", "n_clicks"),
                      prevent_initial_call=True)
        def too_few(n):
            return "only one"
    app.engine.debug = debug
    return app


FAULTS = {"unsendable": "callback 'unsendable': the value for output 'a.children' cannot be sent to the browser",
          "too_few": "callback 'too_few' return value: expected a list or tuple of 2 values, got str"}


def click(kind: str) -> dict:
    """The event of a click, naming the presence of exactly the ids the callback names (the server checks it)."""
    present = {"btn": [], "a": [], **({"b": []} if kind == "too_few" else {})}
    return {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": present}


def errors_of(lines: list[dict]) -> list[dict]:
    return [line["error"] for line in lines if "error" in line]


@pytest.mark.parametrize("kind", FAULTS)
def test_a_posted_event_gets_the_fault_without_the_server_path(kind: str):
    lines = ndjson(Client(bad_app(kind)).event(click(kind)))
    [error] = errors_of(lines)
    assert error["message"].startswith(FAULTS[kind]), error
    assert set(error) == {"cb", "message"}  # no traceback, no inputs
    assert __file__ not in json.dumps(lines) and "Traceback" not in json.dumps(lines)


@pytest.mark.parametrize("kind", FAULTS)
def test_the_event_socket_gets_the_fault_without_the_server_path(kind: str):
    with TestClient(bad_app(kind).server) as client, client.websocket_connect(WS) as ws:
        ws.send_text(json.dumps(click(kind)))
        lines = answers(ws)[1]
    [error] = errors_of(lines)
    assert error["message"].startswith(FAULTS[kind]) and set(error) == {"cb", "message"}, error
    assert __file__ not in json.dumps(lines)


@pytest.mark.parametrize("kind", FAULTS)
def test_the_headless_client_shows_the_fault_without_the_server_path(kind: str):
    with PageClient(bad_app(kind)) as page:
        page.open("/")
        page.click("btn")
        [message] = page.errors()
    assert message.startswith(FAULTS[kind]) and __file__ not in message, message


@pytest.mark.parametrize("kind", FAULTS)
def test_with_debug_the_fault_says_where_the_callback_is(kind: str):
    [error] = errors_of(ndjson(Client(bad_app(kind, debug=True)).event(click(kind))))
    assert f"({__file__}:" in error["message"] and "Traceback" in error["traceback"], error


def test_no_absolute_python_path_survives_whatever_put_it_in_the_message():
    """Another callback's description, a module's repr in a value: the file name stays, its folders go."""
    message = ("callback 'f' (/srv/app/main.py:9) and callback 'g' (C:\\apps\\x.py:3) write it: "
               "<module 'helpers' from '/srv/app/lib/helpers.py'>; a.children stays, as do 1/2 and lib/b.py")
    assert without_paths(message) == ("callback 'f' and callback 'g' write it: <module 'helpers' from 'helpers.py'>; "
                                      "a.children stays, as do 1/2 and lib/b.py")
