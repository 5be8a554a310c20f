"""Starting and stopping the servers a bench script measures: a free 127.0.0.1 port, a server process started
on it and waited for until it listens, stopped by its PID afterwards.

    from servers import free_port, serve, stop
    proc, url = serve([sys.executable, "app.py", str(port)], port, "dash bar page")
    ...
    stop(proc)
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(framework: str) -> dict[str, str]:
    """The environment of a bench app process: which framework the shim gives it, bench/ on its path."""
    return {**os.environ, "BENCH_FRAMEWORK": framework, "PYTHONPATH": f"{HERE}:{os.environ.get('PYTHONPATH', '')}"}


def serve(argv: Sequence[str], port: int, what: str, env: dict[str, str] | None = None,
          timeout: float = 60.0) -> tuple[subprocess.Popen, str]:
    """Start `argv` and wait until it listens on `port`: (the process, its root URL). A process that exits
    first raises with the end of its stderr; `what` names it in errors."""
    proc = subprocess.Popen(list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} server exited: {proc.stderr.read().decode()[-2000:]}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}/"
        time.sleep(0.1)
    stop(proc)
    raise RuntimeError(f"{what} server did not listen on port {port}")


def stop(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Stop a server process by its PID: terminate, then kill if it does not exit in `timeout` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
