"""Debug-mode tests: apps served with debug=True, in process or as a real `python app.py` with hot reload."""

from __future__ import annotations

import os
import runpy
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import LiveServer, local_page, wait_idle

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed"


def free_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def load_app(path: Path, debug: bool = True) -> Any:
    """The app a file defines, in this process, with debug on before its engine is built."""
    app = runpy.run_path(str(path))["app"]
    app.debug = debug
    app.engine
    return app


class DebugProcess:
    """`python app.py` calling app.run(debug=True) on a free port of 127.0.0.1: the supervisor and its child."""

    def __init__(self, script: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = script.parent / "server.log"
        env = dict(os.environ, PORT=str(self.port), PYTHONPATH=str(REPO))
        with open(self.log, "wb") as out:
            # A session of its own: stopping it stops the child too, whatever state it is in.
            self.proc = subprocess.Popen([sys.executable, str(script)], cwd=script.parent, env=env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout: float = 20) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as res:
                    if res.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the app did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            except ProcessLookupError:
                pass
        # The child, should it have outlived the supervisor.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


@pytest.fixture
def new_page(browser: Browser, serve: Any) -> Iterator[Callable[[], Page]]:
    """new_page() -> a page in a fresh context that reaches 127.0.0.1 only; its errors land in page.errors.

    It depends on `serve` so that its pages close first: an open page holds a reload stream, which an in-process
    server waits for when it stops.
    """
    contexts: list[Any] = []

    yield lambda: local_page(browser, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Any], str]]:
    """serve(app) -> the URL of the app served in this process (uvicorn in a thread)."""
    servers: list[LiveServer] = []

    def start(app: Any) -> str:
        server = LiveServer(app.server)
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def debug_process() -> Iterator[Callable[[Path], DebugProcess]]:
    procs: list[DebugProcess] = []

    def start(script: Path) -> DebugProcess:
        proc = DebugProcess(script)
        procs.append(proc)
        proc.wait_ready()
        return proc

    try:
        yield start
    finally:
        for proc in procs:
            proc.stop()


__all__ = ["wait_idle", "load_app", "SEED"]
