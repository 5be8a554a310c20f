"""Slow and oversized requests against a real server (issue 12 item 7): `app.run()` and the recommended
`uvicorn ... --http propwire.web.serving:Protocol` close a connection that never finishes its headers or body,
and refuse a huge header without holding it in memory. Raw sockets on 127.0.0.1; the deadlines are set to
1 s through the environment so the tests wait little (they assert closed, never how fast)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = textwrap.dedent("""
    import sys
    from propwire import Dash, Input, Output, html
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return f"clicked {n}"

    if __name__ == "__main__":
        app.run(port=int(sys.argv[1]))
""")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /_propwire/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not come up")


@pytest.fixture(scope="module", params=["app.run", "uvicorn"])
def server(request, tmp_path_factory) -> Iterator[tuple[int, int]]:
    """(port, pid) of a server started as app.run() does or as the README's uvicorn line does."""
    folder = tmp_path_factory.mktemp("slow")
    (folder / "slowapp.py").write_text(APP)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{folder}", "PROPWIRE_HEADER_TIMEOUT": "1",
           "PROPWIRE_BODY_TIMEOUT": "1"}
    if request.param == "app.run":
        cmd = [sys.executable, str(folder / "slowapp.py"), str(port)]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "slowapp:app.server", "--host", "127.0.0.1", "--port", str(port),
               "--http", "propwire.web.serving:Protocol", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_up(port, proc)
        yield port, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _closed_by_server(sock: socket.socket, trickle: bytes = b"", limit: float = 20.0) -> bytes:
    """Keep the connection busy (one byte of `trickle` every 0.2 s) until the server closes it; what it
    sent before closing. Fails if it is still open after `limit` seconds (a bound on the loop, not a speed)."""
    sock.settimeout(0.2)
    received = b""
    deadline = time.monotonic() + limit
    i = 0
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
            if not chunk:
                return received
            received += chunk
        except TimeoutError:
            pass
        except ConnectionResetError:
            return received
        if trickle:
            try:
                sock.sendall(trickle[i % len(trickle):i % len(trickle) + 1])
            except (BrokenPipeError, ConnectionResetError):
                return received
            i += 1
    raise AssertionError(f"the server kept the connection open for {limit} s")


def _peak_rss_kb(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM): what holding a huge header would have raised."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def test_slowloris_headers_are_cut_off(server) -> None:
    port, _ = server
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        answer = _closed_by_server(sock, trickle=b"X-Slow: aaaaaaaa\r\n")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_a_connection_that_sends_nothing_is_closed(server) -> None:
    port, _ = server
    with socket.create_connection(("127.0.0.1", port)) as sock:
        answer = _closed_by_server(sock)
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_a_body_that_stops_halfway_is_cut_off(server) -> None:
    port, _ = server
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"POST /_propwire/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000\r\n\r\n{\"seq\": 1, ")
        answer = _closed_by_server(sock)
    assert b"HTTP/1.1 200" not in answer  # nothing ran on half an event


def test_a_64_mb_header_is_refused_without_the_memory_growing_by_it(server) -> None:
    port, pid = server
    before = _peak_rss_kb(pid)
    refused = False
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
        chunk = b"a" * (1 << 20)
        try:
            for _ in range(64):
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            refused = True  # the server closed the connection mid-header
        if not refused:
            answer = _closed_by_server(sock, limit=10)
            assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    grown_mb = (_peak_rss_kb(pid) - before) / 1024
    assert grown_mb < 16, f"the server's memory grew by {grown_mb:.0f} MB"


def test_ordinary_requests_still_work(server) -> None:
    port, _ = server
    cookie = b"c=" + b"v" * 10_000  # a big but normal header
    health = _exchange(port, b"GET /_propwire/health HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
                       b"\r\nConnection: close\r\n\r\n")
    assert health.startswith(b"HTTP/1.1 200") and health.endswith(b"ok")
    body = b'{"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, ' \
           b'"present": {"btn": [], "out": []}}'
    answer = _exchange(port, b"POST /_propwire/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                       b"\r\nConnection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    assert answer.startswith(b"HTTP/1.1 200") and b"clicked 1" in answer


def _exchange(port: int, request: bytes) -> bytes:
    """One request on its own connection, read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_a_duplicate_host_header_on_the_wire_is_a_400(server) -> None:
    port, _ = server
    answer = _exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and b"more than one Host" in answer


def test_slowloris_after_a_first_request_on_a_kept_alive_connection_is_cut_off(server) -> None:
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /_propwire/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        first = b""
        while not first.endswith(b"ok"):
            first += sock.recv(1000)
        assert first.startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET / HTTP/1.1\r\n")
        answer = _closed_by_server(sock, trickle=b"X-Slow: aaaaaaaa\r\n")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
