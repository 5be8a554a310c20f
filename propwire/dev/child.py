"""The app's process under the hot-reload supervisor: it runs the user's script again as `__main__`, serves on the
listening socket the supervisor holds, and tells the supervisor over a pipe when it is ready (and which files it
loaded) or why it failed (the traceback cut to the user's frames, shown on the fallback page).

Example (what `app.run(debug=True)` does in the child, after validating the app)::

    if is_child():
        serve_child(app.server, "info")
"""

from __future__ import annotations

import json
import os
import runpy
import socket
import sys
import threading
import time
import traceback
import uuid
from pathlib import Path
from typing import Any

from propwire.dev.files import watched

CHILD_ENV = "PROPWIRE_RELOAD_CHILD"  # JSON: {"fd", "status", "boot", "parent", "root"}; set only in the child
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_BOOT = uuid.uuid4().hex[:12]  # a server without a supervisor: one id per process
_server: Any = None  # the child's uvicorn server, once serving


def _child_env() -> dict[str, Any] | None:
    raw = os.environ.get(CHILD_ENV)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    # A grandchild (a subprocess the app starts) inherits the variable: it is not ours.
    return data if data.get("parent") == os.getppid() else None


def is_child() -> bool:
    """Whether this process is the app's process under a supervisor."""
    return _child_env() is not None


def boot_id() -> str:
    """This server's boot id: set by the supervisor for each child, else one per process. A page whose boot id
    differs from the server's reloads."""
    env = _child_env()
    return str(env["boot"]) if env else _BOOT


def stopping() -> bool:
    """Whether this child's server is shutting down (its reload streams end, so a restart is not held up)."""
    return _server is not None and bool(_server.should_exit)


class _Status:
    def __init__(self, fd: int):
        self.out = os.fdopen(fd, "w", encoding="utf-8", buffering=1)

    def send(self, message: dict[str, Any]) -> None:
        try:
            self.out.write(json.dumps(message) + "\n")
            self.out.flush()
        except (OSError, ValueError):
            pass


_status: _Status | None = None


def child_main() -> None:
    """Entry of the child process: run the user's script as `__main__`; report why it failed, if it does."""
    global _status
    env = _child_env()
    if env is None:
        raise SystemExit("propwire.dev.child.child_main runs only in a child started by app.run(debug=True)")
    _status = _Status(int(env["status"]))
    threading.Thread(target=_exit_with_parent, args=(env["parent"],), daemon=True).start()
    kind, name, *args = sys.argv[1:]
    try:
        sys.argv = [name, *args]
        if kind == "path":
            sys.path[0] = str(Path(name).parent)
            runpy.run_path(name, run_name="__main__")
        else:
            sys.path[0] = os.getcwd()
            runpy.run_module(name, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            _status.send({"error": {"text": f"The app exited with {exc.code!r}.", "files": []}})
        raise
    except BaseException as exc:  # noqa: BLE001 - whatever stops the script is what the page shows
        described = describe(exc)
        _status.send({"error": described})
        print(described["text"], file=sys.stderr, end="", flush=True)
        raise SystemExit(1) from None


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def describe(exc: BaseException) -> dict[str, Any]:
    """The error as the page shows it: the traceback without the frames of propwire and runpy, and its files."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(str(_PACKAGE_DIR)) and Path(f.filename).name != "runpy.py"
              and not f.filename.startswith("<frozen")]
    parts: list[str] = []
    if frames:
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(frames))
    parts.extend(traceback.format_exception_only(type(exc), exc))
    files = [f.filename for f in frames]
    if isinstance(exc, SyntaxError) and exc.filename:
        files.append(exc.filename)
    return {"text": "".join(parts), "files": files}


def serve_child(asgi_app: Any, log_level: str) -> None:
    """In the child: tell the supervisor it is ready, and serve the ASGI app on the inherited socket. The caller
    validates the app first (`app.run` builds the engine), so a broken app reports its error, never "ready"."""
    import uvicorn

    global _server
    env = _child_env()
    assert env is not None
    sock = socket.socket(fileno=int(env["fd"]))
    config = uvicorn.Config(asgi_app, log_level=log_level, lifespan="on", timeout_graceful_shutdown=2,
                            http="propwire.web.serving:Protocol")  # the limits app.run serves with
    _server = uvicorn.Server(config)
    if _status is not None:
        _status.send({"ready": {"files": sorted(watched(Path(env["root"])))}})
    _server.run(sockets=[sock])
