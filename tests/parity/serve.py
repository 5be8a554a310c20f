"""Start a parity app's server in a subprocess (Dash or propwire), wait until it listens, stop it by its PID.

Readiness is a TCP connect, never a page GET: a propwire page GET runs the initial callbacks server-side, which
would count as a page load in the call log.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """One app on one framework, in its own process, with its own call log file."""

    def __init__(self, app: str, framework: str):
        self.app = app
        self.framework = framework
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        fd, self.log_path = tempfile.mkstemp(prefix=f"parity-{framework}-{app}-", suffix=".log")
        os.close(fd)
        self._out = tempfile.TemporaryFile()
        env = dict(os.environ, PARITY_FRAMEWORK=framework, PARITY_LOG=self.log_path,
                   PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
                   PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, str(HERE / "serve_app.py"), app, str(self.port)], env=env,
                                     cwd=str(HERE / "apps"), stdin=subprocess.DEVNULL, stdout=self._out,
                                     stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 20.0) -> None:
        """Until the port accepts a TCP connection; fail with the server's output if it died or took too long."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.framework} server of {self.app} exited ({self.proc.returncode}):\n"
                                   f"{self.output()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{self.framework} server of {self.app} not listening after {timeout} s:\n"
                                       f"{self.output()}") from None
                time.sleep(0.02)

    def output(self, limit: int = 4000) -> str:
        """The server's stdout+stderr so far (the tail), for failure messages."""
        self._out.seek(0)
        return self._out.read().decode(errors="replace")[-limit:]

    def log_lines(self) -> list[str]:
        """The call log's complete lines so far."""
        try:
            with open(self.log_path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            return []
        return [line for line in text.split("\n")[:-1] if line]

    def stop(self) -> None:
        """Terminate the process by its PID, kill it if it lingers, and remove the log."""
        try:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=3)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=3)
        finally:
            self._out.close()
            try:
                os.unlink(self.log_path)
            except FileNotFoundError:
                pass
