"""Slow and huge requests against uvicorn with its default protocol and with propwire.serving.Protocol.

For each: the server's RSS growth (after, and at its peak) from one 64 MB request header, and whether (and after how long) a
slowloris connection (one header byte every 0.2 s) is closed, bounded at 20 s. 127.0.0.1 only.

    PYTHONPATH=$PWD /tmp/venv/bin/python bench/header_limits.py
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from servers import free_port

ROOT = Path(__file__).resolve().parents[1]
APP = "from propwire import Dash, html\napp = Dash(__name__)\napp.layout = html.Div('x', id='x')\n"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory now (VmRSS) or at its peak so far (VmHWM)."""
    line = next(l for l in Path(f"/proc/{pid}/status").read_text().splitlines() if l.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def start(folder: Path, http: str | None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    cmd = [sys.executable, "-m", "uvicorn", "hlapp:app.server", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "error"] + (["--http", http] if http else [])
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{folder}"}
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def huge_header(port: int) -> str:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
        try:
            for i in range(64):  # noqa: B007 (the except clause reports i)
                sock.sendall(b"a" * (1 << 20))
            sock.sendall(b"\r\n\r\n")
            sock.settimeout(30)
            return sock.recv(100).split(b"\r\n")[0].decode() or "closed"
        except OSError:
            return f"closed after ~{i} MB"


def slowloris(port: int, limit: float = 20.0) -> str:
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sock.settimeout(0.2)
        while time.monotonic() - began < limit:
            try:
                if not sock.recv(1000):
                    return f"closed after {time.monotonic() - began:.1f} s"
            except TimeoutError:
                pass
            except OSError:
                return f"reset after {time.monotonic() - began:.1f} s"
            try:
                sock.sendall(b"a")
            except OSError:
                return f"closed after {time.monotonic() - began:.1f} s"
    return f"still open after {limit:.0f} s"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "hlapp.py").write_text(APP)
        for label, http in (("uvicorn default (httptools)", None), ("propwire.serving:Protocol",
                                                                   "propwire.serving:Protocol")):
            proc, port = start(folder, http)
            try:
                before, peak = rss_mb(proc.pid), rss_mb(proc.pid, "VmHWM")
                answer = huge_header(port)
                time.sleep(0.5)
                grown, peaked = rss_mb(proc.pid) - before, rss_mb(proc.pid, "VmHWM") - peak
                print(f"{label}: 64 MB header -> {answer}; RSS after +{grown:.1f} MB, peak +{peaked:.1f} MB; "
                      f"slowloris: {slowloris(port)}")
            finally:
                proc.terminate()
                proc.wait(timeout=10)


if __name__ == "__main__":
    main()
