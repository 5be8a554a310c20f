"""Real services the tests start themselves: Debian's redis-server on a free 127.0.0.1 port, and a Celery worker
process (issue 17).

Nothing is mocked: a test gets a live server, in a temp dir, with no persistence (no RDB, no AOF), and it is
stopped by its PID afterwards. `restart()` stops and starts it on the same port (the fault tests: a Redis
restart while the app runs). The `redis_server` fixture in tests/conftest.py hands one out per test.

    def test_shared(redis_server):
        client = redis.Redis.from_url(redis_server.url)
        redis_server.restart()

`CeleryWorker` runs `python -m celery -A <module:app> worker --pool=prefork` against such a server; the
session fixture `celery` (tests/conftest.py) starts one for the CeleryManager tests.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

REDIS_SERVER = "/usr/bin/redis-server"
START_TIMEOUT_S = 10.0


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1 (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ping(port: int) -> bool:
    """Whether a Redis answers PING on 127.0.0.1:port (raw RESP: no client library needed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def terminate(process: subprocess.Popen, grace: float, kill: Callable[[], None]) -> None:
    """SIGTERM to the process by its PID; `kill()` (SIGKILL to it, or to its group) when it lingers past `grace`
    seconds; waits until it is gone."""
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        kill()
        process.wait(timeout=5)


class RedisServer:
    """One redis-server process on 127.0.0.1:port, its files in `workdir`, persistence off unless appendonly."""

    def __init__(self, workdir: Path, port: int | None = None, appendonly: bool = False):
        if not os.access(REDIS_SERVER, os.X_OK):
            raise RuntimeError(f"{REDIS_SERVER} is missing: install Debian's redis-server "
                               "(apt-get install redis-server; scripts/test does it when it is absent)")
        self.workdir = workdir
        self.port = port or free_port()
        self.appendonly = appendonly  # on: every write is in an fsync'ed AOF, so a restart keeps the data
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server and wait until it answers PING (fails, with its log, if it does not in time)."""
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.workdir),
                "--save", "", "--appendonly", "yes" if self.appendonly else "no", "--appendfsync", "always", "--protected-mode", "yes", "--daemonize", "no",
                "--logfile", str(self.workdir / "redis.log")]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _ping(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                log = self.workdir / "redis.log"
                raise RuntimeError(f"redis-server on port {self.port} did not answer PING: "
                                   f"{log.read_text() if log.exists() else 'no log'}")
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop the server by its PID (SIGTERM, then SIGKILL if it lingers) and wait until its port is free."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        terminate(process, grace=5, kill=lambda: os.kill(process.pid, signal.SIGKILL))
        if process.stderr is not None:
            process.stderr.close()

    def restart(self, down_for: float = 0.0) -> None:
        """Stop it, stay down `down_for` seconds, and start it again on the same port: its data is gone (as a
        restart of a cache-only Redis), unless it was made with appendonly=True."""
        self.stop()
        time.sleep(down_for)
        self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


class CeleryWorker:
    """One Celery worker (`python -m celery -A <app> worker --pool=prefork`), in a session of its own, its log in
    `workdir`. `ready_check` is asked until it answers truthy (a control ping through the app, say); `stop()`
    stops it by its PID, `kill()` kills it and its children with SIGKILL (a machine going away)."""

    def __init__(self, app: str, workdir: Path, env: dict[str, str], ready_check: Any, concurrency: int = 2):
        self.app, self.workdir, self.env, self.ready_check = app, workdir, env, ready_check
        self.concurrency = concurrency
        self.name = f"propwire-test-{free_port()}@127.0.0.1"  # a unique node name: control pings find this one
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the worker and wait until it answers `ready_check`."""
        self.spawn()
        self.wait_ready()

    def spawn(self) -> None:
        """Start the worker's process (wait_ready() then waits for it: the parity harness starts several at once)."""
        args = [sys.executable, "-m", "celery", "-A", self.app, "worker", "--pool=prefork",
                f"--concurrency={self.concurrency}", "-l", "warning", "-n", self.name, "--without-gossip",
                "--without-mingle", "--prefetch-multiplier=1"]
        log = (self.workdir / "celery.log").open("ab")
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                        env={**os.environ, **self.env}, start_new_session=True)
        log.close()

    def wait_ready(self) -> None:
        """Until the worker answers `ready_check`; fails, with its log, if it exits or takes too long."""
        assert self.process is not None, "spawn() first"
        deadline = time.monotonic() + 4 * START_TIMEOUT_S
        try:
            while not self.ready_check(self.name):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the Celery worker did not start: {self.log}")
                time.sleep(0.1)
        except BaseException:  # a check that raised, too: the worker must not outlive the test (it once did)
            self.stop()
            raise

    def children(self) -> list[int]:
        """The worker's pool processes (prefork children), by PID."""
        if self.process is None:
            return []
        return [p.pid for p in psutil.Process(self.process.pid).children()]

    def stop(self) -> None:
        """SIGTERM to the worker (a warm shutdown), SIGKILL to its process group if it lingers."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        terminate(process, grace=10, kill=lambda: os.killpg(process.pid, signal.SIGKILL))

    def kill(self) -> None:
        """The whole worker killed at once, main process and pool children: as its machine going away."""
        process, self.process = self.process, None
        if process is None:
            return
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)

    @property
    def log(self) -> str:
        path = self.workdir / "celery.log"
        return path.read_text() if path.exists() else ""
