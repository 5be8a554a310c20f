"""One user's slow or stuck callback does not hold up anyone else (issue 12, item 1): a real uvicorn server on
127.0.0.1, real sockets. Order is asserted, never speed: client B's event and a page load complete while
client A's callback is still blocked."""

from __future__ import annotations

import json
import socket
import threading
import time

import httpx
import pytest

from propwire import Dash, Input, Output, html
from propwire.testing.live import LiveServer

OUTPUT_OF = {"stuck": "held", "slow": "took", "go": "out"}


def isolation_app(gate: threading.Event, stuck_timeout: float | None = None, **options) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([html.Button(id="stuck"), html.Button(id="slow"), html.Button(id="go"),
                           html.Div(id="held"), html.Div(id="took"), html.Div(id="out"), html.Div(id="loaded")])

    @app.callback(Output("held", "children"), Input("stuck", "n_clicks"), prevent_initial_call=True,
                  timeout=stuck_timeout)
    def stuck(n):
        gate.wait(30)  # as a lock or a socket that never answers
        return "released"

    @app.callback(Output("took", "children"), Input("slow", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        time.sleep(1.5)  # an ordinary slow computation or I/O
        return "slept"

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def fast(n):
        return f"fast {n}"

    @app.callback(Output("loaded", "children"), Input("loaded", "id"))
    def on_load(_):
        return "page callback ran"  # an initial call: every page load runs it

    return app


def event(button: str, n: int = 1) -> bytes:
    return json.dumps({"seq": n, "changed": {f"{button}.n_clicks": n}, "values": {f"{button}.n_clicks": n},
                       "present": {button: [], OUTPUT_OF[button]: []}}).encode()


def open_event(port: int, body: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"POST /_propwire/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    return sock


def read_until(sock: socket.socket, marker: bytes, data: bytes = b"") -> bytes:
    while marker not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the stream ended before {marker!r}: {data!r}"
        data += chunk
    return data


def pending(sock: socket.socket) -> bytes:
    """What the server has sent on this socket so far, without waiting for more."""
    sock.setblocking(False)
    try:
        return sock.recv(65536)
    except BlockingIOError:
        return b""
    finally:
        sock.setblocking(True)


def lines(body: bytes) -> list[dict]:
    return [json.loads(line) for line in body.split(b"\r\n\r\n", 1)[-1].splitlines() if line.startswith(b"{")]


def client_b(url: str) -> tuple[str, str]:
    """Client B: one event and one page load, each to completion."""
    with httpx.Client(base_url=url, timeout=10) as client:
        answer = client.post("/_propwire/event", content=event("go", 7), headers={"content-type": "application/json"})
        page = client.get("/")
    assert answer.status_code == 200 and page.status_code == 200
    [result] = [line["result"] for line in map(json.loads, answer.text.splitlines()) if "result" in line]
    return result["outputs"]["out.children"], page.text


@pytest.fixture
def gate():
    event = threading.Event()
    yield event
    event.set()


def test_a_stuck_callback_does_not_stop_another_clients_event_or_a_page_load(gate):
    with LiveServer(isolation_app(gate).server) as server:
        a = open_event(server.port, event("stuck"))
        seen = read_until(a, b'"plan"')  # A's callback is running (its plan went out after the hold)
        fast, page = client_b(server.url)
        assert fast == "fast 7" and "page callback ran" in page
        assert b'"done"' not in seen + pending(a), "A's callback is still blocked"
        gate.set()
        assert b'"held.children":"released"' in read_until(a, b'"done"', seen)
        a.close()


def test_a_slow_callback_does_not_stop_another_clients_event_or_a_page_load():
    with LiveServer(isolation_app(threading.Event()).server) as server:
        a = open_event(server.port, event("slow"))
        seen = read_until(a, b'"plan"')
        fast, page = client_b(server.url)
        assert fast == "fast 7" and "page callback ran" in page
        assert b'"done"' not in seen + pending(a), "B finished while A's callback still sleeps"
        assert b'"took.children":"slept"' in read_until(a, b'"done"', seen)
        a.close()


def test_a_timeout_reaches_the_client_as_an_error_line_naming_the_callback(gate):
    with LiveServer(isolation_app(gate, stuck_timeout=0.2).server) as server:
        a = open_event(server.port, event("stuck"))
        [error] = [line["error"] for line in lines(read_until(a, b'"done"')) if "error" in line]
        a.close()
    assert error == {"cb": 0, "message": "callback 'stuck' did not return within its timeout of 0.2 s"}


def test_stuck_calls_past_their_share_fail_fast_while_other_callbacks_still_run(gate):
    app = isolation_app(gate, stuck_timeout=0.2, callback_threads=2, threads_per_callback=1)
    with LiveServer(app.server) as server:
        first = open_event(server.port, event("stuck", 1))
        assert b"did not return within" in read_until(first, b'"done"')  # stuck now: its thread still blocked
        second = open_event(server.port, event("stuck", 2))
        [error] = [line["error"] for line in lines(read_until(second, b'"done"')) if "error" in line]
        assert error["message"].startswith("callback 'stuck' could not run: no worker thread is free")
        fast, page = client_b(server.url)
        assert fast == "fast 7" and "page callback ran" in page
        assert app.engine.pool.busy() == (1, 1)  # the first call's thread, accounted for until it returns
        first.close()
        second.close()


def test_a_layout_function_runs_off_the_event_loop(gate):
    app = isolation_app(gate)
    fixed = app.layout
    loop_threads: list[str] = []

    def layout():
        loop_threads.append(threading.current_thread().name)
        return fixed

    app.layout = layout
    with LiveServer(app.server) as server:
        assert "page callback ran" in client_b(server.url)[1]
    assert loop_threads and all(name.startswith("propwire-callback") for name in loop_threads[1:])
