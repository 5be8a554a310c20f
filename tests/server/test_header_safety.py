"""Issue 12 item 10: texts a callback puts in response headers cannot break the response, and a non-debug
error line does not show where on the server the callback lives."""

from __future__ import annotations

import asyncio

import h11
import orjson
import pytest

from propwire import Dash, Input, Output, ctx, html

from .conftest import EVENT, Client, ndjson, run

EVENT_BODY = orjson.dumps({"changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
                           "present": {"btn": [], "out": []}})


def app_with(body) -> Dash:
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])
    app.callback(Output("out", "children"), Input("btn", "n_clicks"))(body)
    return app


def sent_headers(app: Dash) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The status, the header list exactly as the endpoint handed it to the server, and the body."""

    messages: list[dict] = []

    async def go():
        given = False
        scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": EVENT,
                 "raw_path": EVENT.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
                 "client": ("127.0.0.1", 1), "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json")]}

        async def receive():
            nonlocal given
            if given:
                await asyncio.Event().wait()
            given = True
            return {"type": "http.request", "body": EVENT_BODY, "more_body": False}

        async def send(message):
            messages.append(message)

        await app.server(scope, receive, send)

    run(go)
    return (messages[0]["status"], list(messages[0]["headers"]),
            b"".join(m.get("body", b"") for m in messages[1:]))


@pytest.mark.parametrize("desc", ["one\r\ntwo", "nul\x00here", "tab\tand\x7fdel", 'quote " and \\ back'])
def test_a_timing_description_with_control_characters_does_not_break_the_response(desc):
    def timed(n):
        ctx.record_timing("db", 0.002, desc)
        return "ok"

    status, headers, body = sent_headers(app_with(timed))
    assert status == 200 and b'"ok"' in body
    h11.Response(status_code=status, headers=headers)  # what uvicorn's h11 server checks: raises if invalid
    timing = dict(headers)[b"server-timing"]
    assert timing.startswith(b"db;dur=2.0;desc=\"") and b"\r" not in timing and b"\n" not in timing
    assert b"\x00" not in timing


def test_quotes_in_a_description_are_escaped_inside_its_quoted_string():
    def timed(n):
        ctx.record_timing("db", 0.001, 'say "hi" \\o/')
        return "ok"

    timing = dict(sent_headers(app_with(timed))[1])[b"server-timing"].decode()
    assert 'desc="say \\"hi\\" \\\\o/"' in timing


@pytest.mark.parametrize("name", ["a\r\nb", "nul\x00", "tab\t", "back\\slash"])
def test_a_timing_name_with_control_characters_is_a_clear_error(name):
    def timed(n):
        ctx.record_timing(name, 0.001)
        return "ok"

    lines = ndjson(Client(app_with(timed)).post(EVENT, content=EVENT_BODY, headers={"content-type": "application/json"}))
    errors = [line["error"] for line in lines if "error" in line]
    assert errors and errors[0]["cb"] == 0


def test_headers_a_callback_sets_are_made_safe_and_bad_names_left_out(caplog):
    def headers(n):
        ctx.response.headers["x-note"] = "line one\r\nSet-Cookie: evil=1"
        ctx.response.headers["bad name\r\n"] = "v"
        ctx.response.headers["x-fine"] = "fine"
        return "ok"

    status, sent, body = sent_headers(app_with(headers))
    assert status == 200 and b'"ok"' in body
    h11.Response(status_code=status, headers=sent)
    got = dict(sent)
    assert got[b"x-note"] == b"line one  Set-Cookie: evil=1" and got[b"x-fine"] == b"fine"
    assert not [name for name, _ in sent if name.startswith(b"bad")]
    assert not [value for name, value in sent if name == b"set-cookie"]
    assert "not a valid token" in caplog.text


def unsendable(n):
    return object()  # cannot be sent: the engine's own error message names the callback


def test_a_non_debug_error_message_does_not_show_the_server_path():
    app = app_with(unsendable)
    lines = ndjson(Client(app).post(EVENT, content=EVENT_BODY, headers={"content-type": "application/json"}))
    message = next(line["error"]["message"] for line in lines if "error" in line)
    assert "callback 'unsendable'" in message and "cannot be sent" in message
    assert __file__ not in message and "/" not in message.split("cannot be sent")[0], message


def test_in_debug_the_error_message_says_where_the_callback_is():
    app = app_with(unsendable)
    app.engine.debug = True
    lines = ndjson(Client(app).post(EVENT, content=EVENT_BODY, headers={"content-type": "application/json"}))
    message = next(line["error"]["message"] for line in lines if "error" in line)
    assert __file__ in message
