"""`app.run()` says where it serves, and a port already taken is one sentence naming it (issue 19 item 1).

Real processes on 127.0.0.1, each stopped by its PID."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from propwire.web.listen import PortInUse, listen, url_of

ROOT = Path(__file__).resolve().parents[2]
APP = textwrap.dedent("""
    import sys
    from propwire import Dash, html
    app = Dash(__name__, url_base_pathname="/tool/")
    app.layout = html.Div("served", id="here")
    if __name__ == "__main__":
        app.run(port=int(sys.argv[1]), debug=sys.argv[2] == "debug")
""")


def _start(folder: Path, port: int, mode: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(folder / "runapp.py"), str(port), mode], cwd=folder, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen) -> str:
    """Stop the process by its PID; what it wrote to stderr."""
    if proc.poll() is None:
        proc.terminate()
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


def _first_line(proc: subprocess.Popen, limit: float = 30.0) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if line.startswith("propwire: serving on"):
            return line.strip()
        assert line or proc.poll() is None, f"the app exited ({proc.returncode}) before saying where it serves"
    raise AssertionError("the app said nothing of where it serves")


@pytest.mark.parametrize("mode", ["plain", "debug"])
def test_run_prints_the_address_it_serves_and_the_page_is_there(tmp_path: Path, mode: str) -> None:
    (tmp_path / "runapp.py").write_text(APP)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = _start(tmp_path, port, mode)
    try:
        line = _first_line(proc)
        assert line.startswith(f"propwire: serving on http://127.0.0.1:{port}/tool/ ("), line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/tool/", timeout=5) as page:
                    assert page.status == 200 and b"served" in page.read()
                break
            except OSError:
                assert time.monotonic() < deadline, "the page did not come up"
                time.sleep(0.1)
    finally:
        _stop(proc)


@pytest.mark.parametrize("mode", ["plain", "debug"])
def test_a_busy_port_is_named_with_how_to_pick_another(tmp_path: Path, mode: str) -> None:
    (tmp_path / "runapp.py").write_text(APP)
    taken = listen("127.0.0.1", 0)
    port = taken.getsockname()[1]
    try:
        proc = _start(tmp_path, port, mode)
        try:
            proc.wait(timeout=30)
        finally:
            err = _stop(proc)
    finally:
        taken.close()
    assert proc.returncode != 0
    assert f"PortInUse: port {port} on 127.0.0.1 is in use" in err, err
    assert f"app.run(port={port + 1})" in err and f"PORT={port + 1}" in err


def test_listen_names_the_port_and_url_of_brackets_ipv6() -> None:
    sock = listen("127.0.0.1", 0)
    try:
        with pytest.raises(PortInUse, match=f"port {sock.getsockname()[1]} on 127.0.0.1 is in use"):
            listen("127.0.0.1", sock.getsockname()[1])
        assert url_of(sock).endswith("/") and url_of(sock).startswith("http://127.0.0.1:")
    finally:
        sock.close()
