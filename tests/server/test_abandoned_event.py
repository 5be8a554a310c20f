"""An abandoned event (the tab closed or navigated away mid-chain) stops its chain on the server: callbacks
still running are cancelled and those not started never start. A real uvicorn server and a real socket."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path

from propwire import Dash, Input, Output, html
from propwire.testing.live import LiveServer


def chain_app(log: Path) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="a"), html.Div(id="b"), html.Div(id="c")])

    def note(text: str) -> None:
        with log.open("a") as f:
            f.write(text + "\n")

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    async def first(n):
        await asyncio.sleep(0.2)
        note("first done")
        return "a"

    @app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
    async def second(a):
        note("second started")
        await asyncio.sleep(0.6)
        note("second done")
        return "b"

    @app.callback(Output("c", "children"), Input("b", "children"), prevent_initial_call=True)
    def third(b):
        note("third ran")
        return "c"

    return app


EVENT = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
         "present": {"btn": [], "a": [], "b": [], "c": []}}


def post(port: int) -> socket.socket:
    body = json.dumps(EVENT).encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"POST /_propwire/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    return sock


def read_until(sock: socket.socket, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the stream ended before {marker!r}: {data!r}"
        data += chunk
    return data


def test_dropping_the_connection_after_the_first_result_stops_the_chain(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    with LiveServer(chain_app(log).server) as server:
        sock = post(server.port)
        read_until(sock, b'"a.children":"a"')  # the first callback's result has arrived
        sock.close()  # the tab goes away mid-chain
        time.sleep(1.2)  # longer than the rest of the chain would take
    calls = log.read_text().splitlines()
    assert calls == ["first done", "second started"], calls  # cancelled while it ran; the third never started


def test_a_connection_kept_open_runs_the_whole_chain(tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    with LiveServer(chain_app(log).server) as server:
        sock = post(server.port)
        data = read_until(sock, b'"done"')
        sock.close()
    assert b'"c.children":"c"' in data
    assert log.read_text().splitlines() == ["first done", "second started", "second done", "third ran"]
