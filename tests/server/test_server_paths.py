"""The event route is a raw ASGI route inside Starlette's own stack: the app's middleware and its exception
handlers apply to events as to every other request, under a root path too."""

from __future__ import annotations

import json

import httpx
import pytest
from starlette.responses import JSONResponse

from propwire import Dash, Input, Output, html

from .conftest import EVENT, Client, kinds, ndjson, run

CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}


def click_app() -> tuple[Dash, list]:
    calls: list = []
    app = Dash()
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n):
        calls.append(n)
        return f"clicked {n}"

    return app, calls


def test_middleware_the_app_adds_sees_every_event():
    app, calls = click_app()

    class NeedsToken:  # a plain ASGI middleware, as an app would add for authentication
        def __init__(self, inner):
            self.inner = inner

        async def __call__(self, scope, receive, send):
            if scope["type"] == "http" and (b"x-token", b"secret") not in scope["headers"]:
                await send({"type": "http.response.start", "status": 401, "headers": []})
                await send({"type": "http.response.body", "body": b"no token"})
                return
            await self.inner(scope, receive, send)

    app.server.add_middleware(NeedsToken)
    client = Client(app)
    assert client.event(CLICK).status_code == 401 and calls == []
    ok = client.post(EVENT, content=json.dumps(CLICK), headers={"content-type": "application/json", "x-token": "secret"})
    assert ok.status_code == 200 and calls == [1]


def test_events_are_found_under_a_root_path():
    app, calls = click_app()

    async def go():
        transport = httpx.ASGITransport(app=app.server, root_path="/sub")
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.post("/sub" + EVENT, content=json.dumps(CLICK), headers={"content-type": "application/json"})

    response = run(go)
    assert response.status_code == 200 and kinds(ndjson(response)) == ["plan", "result", "done"]


def test_an_unexpected_server_error_is_a_bare_500_and_reaches_the_log():
    app, calls = click_app()

    def broken(event):
        raise RuntimeError("internal detail that must not reach the browser")

    app.engine.view_for = broken
    sent: list[dict] = []
    body = json.dumps(CLICK).encode()
    scope = {"type": "http", "method": "POST", "path": EVENT, "raw_path": EVENT.encode(), "root_path": "",
             "query_string": b"", "headers": [(b"content-type", b"application/json")], "http_version": "1.1",
             "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000)}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        sent.append(message)

    with pytest.raises(RuntimeError, match="internal detail"):  # uvicorn logs what the app raises
        run(lambda: app.server(scope, receive, send))
    assert sent[0]["status"] == 500 and sent[1]["body"] == b"Internal Server Error" and calls == []


def test_the_app_servers_own_error_handler_answers_an_event_that_fails_unexpectedly():
    app, calls = click_app()

    def broken(event):
        raise RuntimeError("internal detail")

    async def handler(request, exc):  # what an app registers to log or brand its 500s
        return JSONResponse({"error": "our own 500 page", "path": request.url.path}, status_code=500)

    app.engine.view_for = broken
    app.server.add_exception_handler(Exception, handler)

    async def go():
        transport = httpx.ASGITransport(app=app.server, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.post(EVENT, content=json.dumps(CLICK), headers={"content-type": "application/json"})

    response = run(go)
    assert response.status_code == 500 and response.json() == {"error": "our own 500 page", "path": EVENT}
    assert calls == []
