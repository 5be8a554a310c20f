"""Start a parity app's server in a subprocess (Dash or propwire), wait until it listens, stop it by its PID.

Readiness is "this very process listens on the port", never a page GET: a propwire page GET runs the initial
callbacks server-side, which would count as a page load in the call log. A TCP connect alone is not enough:
a port picked with bind(0) is free only until someone binds it, and two servers starting at once can be handed
the same one (bind(0) gives a just-released port again about once in 18,000 draws). The one that binds second
exits with "address already in use" while the first one answers for both, so the Dash page talks to the
propwire server (or the reverse): the Dash page is never idle, the propwire server runs its page load twice.
So ports are never handed out twice in a session (`free_port`), the listening socket must be the child's own
(`listener_of`, from /proc), and a server that lost its port is started again on a fresh one.

Each server also writes the page GETs it answered to its own requests file (serve_app.py), with the headers
that say who asked and why (Sec-Fetch-*, Sec-Purpose, the runner's X-Parity-Page): the runner checks them and
prints them with any failure.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .celery_services import AppCelery, is_celery_app

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ATTEMPTS = 3  # starts of one server on fresh ports before its port trouble is an error
_handed: set[int] = set()  # ports given to servers of this process that may not have bound them yet
_handed_lock = threading.Lock()


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on now (the OS picks it), never one handed out before and not
    released: the server it is for binds it only once it has started, a second or more later."""
    with _handed_lock:
        while True:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            if port not in _handed:
                _handed.add(port)
                return port


def release_port(port: int) -> None:
    """The server on `port` has ended: the port may be handed out again."""
    with _handed_lock:
        _handed.discard(port)


def listener_of(port: int, pid: int) -> bool | None:
    """Whether process `pid` holds the socket listening on 127.0.0.1:`port`: True, False (another process does),
    None (nothing listens). Read from /proc (Linux); elsewhere, a TCP connect that succeeds counts as True."""
    table = Path("/proc/net/tcp")
    if not table.exists():
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            return None
    wanted = {f"0100007F:{port:04X}", f"00000000:{port:04X}"}  # 127.0.0.1 or 0.0.0.0, state 0A = LISTEN
    inodes = {fields[9] for fields in (line.split() for line in table.read_text().splitlines()[1:])
              if fields[1] in wanted and fields[3] == "0A"}
    if not inodes:
        return None
    sockets = {f"socket:[{inode}]" for inode in inodes}
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:  # the process has just ended: wait_ready's next poll() says so
        return None
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") in sockets:
                return True
        except OSError:
            continue
    return False


class AppServer:
    """One app on one framework, in its own process, with its own call log file and page requests file.

    `port` is the port to try first (tests use it to provoke a clash); by default a fresh one from free_port()."""

    def __init__(self, app: str, framework: str, port: int | None = None):
        self.app = app
        self.framework = framework
        self.restarts: list[str] = []  # why each earlier start was given up (shown in failures)
        fd, self.log_path = tempfile.mkstemp(prefix=f"parity-{framework}-{app}-", suffix=".log")
        os.close(fd)
        fd, self.requests_path = tempfile.mkstemp(prefix=f"parity-{framework}-{app}-", suffix=".requests")
        os.close(fd)
        self._out = tempfile.TemporaryFile()
        # a Celery app's own Redis and worker (celery_services.py), started with the server
        self.celery = AppCelery(app, framework, self.log_path) if is_celery_app(app) else None
        self._spawn(port if port is not None else free_port())

    def _spawn(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self._out.seek(0)
        self._out.truncate()
        env = dict(os.environ, PARITY_FRAMEWORK=self.framework, PARITY_LOG=self.log_path,
                   PARITY_REQUESTS=self.requests_path,
                   PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
                   PYTHONUNBUFFERED="1",
                   # Dash styles nothing, and steps act at places on the page: propwire's default stylesheet
                   # (a centred column, margins) would move them on one side only (docs/app.md).
                   PROPWIRE_DEFAULT_STYLESHEET="0", **(self.celery.env if self.celery else {}))
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.parity.serve_app", self.app, str(port)], env=env,
                                     cwd=str(HERE / "apps"), stdin=subprocess.DEVNULL, stdout=self._out,
                                     stderr=subprocess.STDOUT)

    def _respawn(self, why: str) -> None:
        """Give up this start (its port is someone else's) and start again on a fresh port."""
        self.restarts.append(f"port {self.port}: {why}")
        self._end()
        release_port(self.port)
        self._spawn(free_port())

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Until this server's own process listens on its port; a port taken by another process is given up
        for a fresh one (ATTEMPTS starts in all); fail with the server's output if it died or took too long.

        The deadline is only for a server that never comes up: importing Dash took over 20 s on a machine with a
        load average of 17 on 2 cores, and such a start is slow, not broken."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                if "address already in use" in self.output().lower() and len(self.restarts) + 1 < ATTEMPTS:
                    self._respawn("the server could not bind it (address already in use)")
                    continue
                raise RuntimeError(f"{self.framework} server of {self.app} exited ({self.proc.returncode}) "
                                   f"{self._history()}:\n{self.output()}")
            owner = listener_of(self.port, self.proc.pid)
            if owner:
                if self.celery is not None:
                    self.celery.wait_ready()
                return
            if owner is False and len(self.restarts) + 1 < ATTEMPTS:
                self._respawn("another process listens on it")
                continue
            if time.monotonic() > deadline or owner is False:
                what = "another process listens on its port" if owner is False else f"not listening after {timeout} s"
                output = self.output() or "(no output yet: the app was still being imported)"
                raise RuntimeError(f"{self.framework} server of {self.app}: {what} {self._history()}:\n"
                                   f"{output}") from None
            time.sleep(0.02)

    def _history(self) -> str:
        return f"(port {self.port}; earlier starts: {'; '.join(self.restarts)})" if self.restarts else f"(port {self.port})"

    def output(self, limit: int = 4000) -> str:
        """The server's stdout+stderr so far (the tail), for failure messages."""
        self._out.seek(0)
        return self._out.read().decode(errors="replace")[-limit:]

    def log_lines(self) -> list[str]:
        """The call log's complete lines so far."""
        return _lines(self.log_path)

    def page_requests(self) -> list[dict]:
        """The page GETs this server answered so far, in order: {"path": ..., "headers": {...}} (serve_app.py)."""
        return [json.loads(line) for line in _lines(self.requests_path)]

    def terminate(self) -> None:
        """Ask the process to end (SIGTERM to its PID); stop() then waits for it."""
        if self.proc.poll() is None:
            self.proc.terminate()

    def _end(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=3)

    def stop(self) -> None:
        """Terminate the process by its PID, kill it if it lingers, release its port, and remove its files."""
        try:
            self._end()
            if self.celery is not None:
                self.celery.stop()
        finally:
            release_port(self.port)
            self._out.close()
            for path in (self.log_path, self.requests_path):
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    pass


def _lines(path: str) -> list[str]:
    """A file's complete lines so far (a line being written has no newline yet)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return []
    return [line for line in text.split("\n")[:-1] if line]
