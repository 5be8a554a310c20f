"""ctx.cookies, headers, path, remote and origin: the request a callback answers, as in Dash's callback_context,
at the page load and in an event."""

from __future__ import annotations

import json

import pytest

from propwire import Dash, Input, Output, ctx, html

from .conftest import Client, ndjson, page_pushes


def request_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return json.dumps({"theme": ctx.cookies.get("theme"), "probe": ctx.headers.get("X-Probe"),
                           "has": "x-probe" in ctx.headers, "path": ctx.path, "remote": ctx.remote,
                           "origin": ctx.origin})

    return app


CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}


def test_an_event_callback_reads_the_request_it_answers() -> None:
    response = Client(request_app()).post(
        "/_propwire/event?v=2", content=json.dumps(CLICK).encode(),
        headers={"content-type": "application/json", "cookie": "theme=dark; other=1", "x-probe": "yes",
                 "origin": "http://127.0.0.1"})
    result = next(line["result"] for line in ndjson(response) if "result" in line)
    seen = json.loads(result["outputs"]["out.children"])
    assert seen == {"theme": "dark", "probe": "yes", "has": True, "path": "/_propwire/event?v=2",
                    "remote": "127.0.0.1", "origin": "http://127.0.0.1"}


def test_an_initial_call_reads_the_page_request() -> None:
    page = Client(request_app()).get("/report?q=1", headers={"cookie": "theme=light"})
    result = next(line["result"] for line in page_pushes(page.text) if "result" in line)
    seen = json.loads(result["outputs"]["out.children"])
    assert (seen["theme"], seen["probe"], seen["has"], seen["path"], seen["origin"]) == (
        "light", None, False, "/report?q=1", None)


def test_outside_a_callback_the_request_fails_clearly() -> None:
    with pytest.raises(Exception, match="callback"):
        ctx.cookies
