"""bench/ws_load.c, the benchmark's WebSocket load tool, against a real propwire server on 127.0.0.1: it counts
an answer as good only when the server ran the callback and answered that message, and counts refusals and
answers without the expected text as errors."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

import pytest

from propwire import Dash, Input, Output, html
from propwire.testing.live import LiveServer

SOURCE = Path(__file__).resolve().parents[2] / "bench" / "ws_load.c"


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    binary = tmp_path_factory.mktemp("ws_load") / "ws_load"
    subprocess.run(["gcc", "-O2", "-Wall", "-Werror", "-o", str(binary), str(SOURCE)], check=True)
    return binary


def counted_app() -> tuple[Dash, list[int]]:
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])
    calls, lock = [0], threading.Lock()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        with lock:
            calls[0] += 1
        return f"clicked {n}"

    return app, calls


def run_tool(tool: Path, port: int, message: str, tmp_path: Path, expect: str, n: int, route: str = "/_propwire/ws",
             seconds: float = 20) -> dict:
    path = tmp_path / "message.json"
    path.write_text(message)
    done = subprocess.run([str(tool), "--url", f"ws://127.0.0.1:{port}{route}", "--ws-kind", "propwire",
                           "--message-file", str(path), "--clients", "4", "--seconds", str(seconds),
                           "--max-requests", str(n), "--expect", expect], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


EVENT = '{"seq":@@N@@,"changed":{"btn.n_clicks":3},"values":{"btn.n_clicks":3},"present":{"btn":[],"out":[]}}'


def test_good_answers_match_the_callbacks_calls(tool: Path, tmp_path: Path) -> None:
    app, calls = counted_app()
    with LiveServer(app.server) as server:
        got = run_tool(tool, server.port, EVENT, tmp_path, "clicked 3", 200)
    assert (got["good"], got["errors"], got["requests"]) == (200, 0, 200)
    assert calls[0] == 200
    assert 0 < got["p50_ms"] <= got["p99_ms"]


def test_an_answer_without_the_expected_text_is_an_error(tool: Path, tmp_path: Path) -> None:
    app, calls = counted_app()
    with LiveServer(app.server) as server:
        got = run_tool(tool, server.port, EVENT, tmp_path, "clicked 4", 50)
    assert (got["good"], got["errors"]) == (0, 50)
    assert got["error_sample"] == ["propwire: answer without --expect"]
    assert calls[0] == 50


def test_a_refused_event_is_an_error_and_runs_no_callback(tool: Path, tmp_path: Path) -> None:
    app, calls = counted_app()
    bad = EVENT.replace('"btn.n_clicks":3}', '"nope.n_clicks":3}', 1)  # an unknown prop: the server refuses it
    with LiveServer(app.server) as server:
        got = run_tool(tool, server.port, bad, tmp_path, "clicked", 30)
    assert (got["good"], got["errors"]) == (0, 30)
    assert got["error_sample"] == ["propwire: refusal (text frame)"]
    assert calls[0] == 0



def test_a_handshake_without_101_counts_nothing_good(tool: Path, tmp_path: Path) -> None:
    app, calls = counted_app()
    with LiveServer(app.server) as server:  # GET /_propwire/event is no WebSocket route: no 101
        got = run_tool(tool, server.port, EVENT, tmp_path, "clicked", 10, route="/_propwire/event", seconds=0.5)
    assert got["good"] == 0 and got["errors"] > 0
    assert got["error_sample"] == ["handshake refused (no 101)"]
    assert calls[0] == 0
