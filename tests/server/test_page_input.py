"""The page GET with odd query strings and paths: never a 5xx (issue 12 item 5). Raw bytes that are not UTF-8
in a query string (a browser percent-encodes them, other clients need not) reach dcc.Location percent-encoded."""

from __future__ import annotations

import asyncio
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from propwire import Dash, Input, Output, dcc, html

from .conftest import LoopThread, page_pushes, run


def make_app() -> Dash:
    app = Dash()
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("url", "pathname"), Input("url", "search"))
    def show(path, search):
        return f"{path}|{search}"

    return app


APP = make_app()
LOOP = LoopThread()


async def get(path: str, query: bytes) -> tuple[int, bytes]:
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "path": path,
             "raw_path": path.encode("utf-8"), "query_string": query, "root_path": "",
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "headers": [(b"host", b"127.0.0.1")]}
    sent: list[dict] = []
    given_body = False

    async def receive() -> dict:
        nonlocal given_body
        if given_body:
            await asyncio.Event().wait()
        given_body = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await APP.server(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_a_query_string_that_is_not_utf8_reaches_the_location_percent_encoded():
    status, body = run(lambda: get("/report", b"q=\xff\xfe&x=%41"))
    assert status == 200
    outputs = [p["result"]["outputs"] for p in page_pushes(body.decode()) if "result" in p]
    assert {"out.children": "/report|?q=%FF%FE&x=%41"} in outputs, outputs


PATHS = st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                          max_size=30).map(lambda t: "/" + t),
                  st.sampled_from(["/", "//", "/..", "/a/../b", "/%00", "/%ff", "/_propwire", "/_propwire/x",
                                   "/_propwire/event", "/" + "a/" * 2000]))


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=PATHS, query=st.one_of(st.binary(max_size=60), st.sampled_from([b"%", b"%zz", b"a=%ff", b"=" * 5000])))
def test_odd_paths_and_query_strings_never_get_a_5xx(path, query):
    status, body = LOOP.run(get(path, query))
    assert status < 500, (status, body[:300])
    if status == 200 and re.search(rb"<html", body[:200], re.I):
        assert b"propwire.push" in body or b"_pw-config" in body
