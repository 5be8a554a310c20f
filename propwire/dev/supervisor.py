"""`app.run(debug=True)`: the supervisor that restarts the app when its files change.

The process that calls `app.run(debug=True)` binds the port once, then starts a child process (child.py) that
runs the same script (or module) and serves the app on the inherited listening socket. watchfiles (inotify on
Linux) watches the app's Python files (the script and the modules it imported from its folder); a save restarts
the child. The socket stays open in the supervisor throughout, so a request made while the child restarts waits
in the socket's backlog instead of being refused. When the child cannot start, the supervisor serves the error
page (fallback.py) on the same socket until a save brings a child that starts.

Everything here is for development on one machine: 127.0.0.1 by default, never used without `debug=True`.

Example::

    if supported():
        supervise("127.0.0.1", 8050)   # returns on Ctrl+C or SIGTERM
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import watchfiles

from propwire.dev.child import CHILD_ENV
from propwire.dev.fallback import Fallback
from propwire.dev.files import under as _under
from propwire.dev.files import watched
from propwire.web.listen import listen, url_of

TICK_MS = 300  # how often the supervisor reads its child's status messages when no file changes


def _main_target() -> tuple[str, str, Path] | None:
    """How this process was started: ("path", script) or ("module", name), and the app's folder; None if unknown."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    file = getattr(main, "__file__", None)
    if file is None:
        return None  # an interactive session, python -c, a notebook: nothing to run again
    path = Path(file).resolve()
    if spec is not None and getattr(spec, "name", None):
        name = spec.name.removesuffix(".__main__")
        cwd = Path.cwd().resolve()
        return "module", name, cwd if cwd in path.parents else path.parent
    return "path", str(path), path.parent


class _Watch:
    """The app's Python files through watchfiles: their folders are watched (not recursively, so a large
    project tree costs nothing), and only changes of these files count. The set grows as the child reports
    the modules it imported; a new folder restarts the watch."""

    def __init__(self, files: set[str]):
        self.files = files
        self._dirs: frozenset[str] = frozenset()
        self._changes: Iterator[set[tuple[watchfiles.Change, str]]] | None = None
        self._stamps = {f: _stamp(f) for f in files}  # between two watches, edits are found by these

    def next_changes(self) -> list[str]:
        """The watched files changed since the last call, waiting up to TICK_MS."""
        dirs = frozenset(str(Path(f).parent) for f in self.files)
        fresh = dirs != self._dirs or self._changes is None
        if fresh:
            self.close()
            self._dirs = dirs
            self._changes = watchfiles.watch(*dirs, recursive=False, rust_timeout=TICK_MS, yield_on_timeout=True,
                                             debounce=300, step=50, watch_filter=lambda _c, p: p in self.files)
        assert self._changes is not None
        changed = {path for _, path in next(self._changes)}
        if fresh:  # the new watch runs now (it starts on the first next()): what changed before it, by the stamps
            changed |= {f for f in self.files if f in self._stamps and self._stamps[f] != _stamp(f)}
        for file in changed | (self.files - set(self._stamps)):
            self._stamps[file] = _stamp(file)
        return sorted(changed)

    def close(self) -> None:
        if self._changes is not None:
            self._changes.close()  # type: ignore[attr-defined]
            self._changes = None


class _Child:
    """One run of the app in a child process, with its status pipe (ready / error messages)."""

    def __init__(self, target: tuple[str, str, Path], sock: socket.socket, boot: str):
        kind, name, root = target
        read_fd, write_fd = os.pipe()
        env = dict(os.environ)
        env[CHILD_ENV] = json.dumps({"fd": sock.fileno(), "status": write_fd, "boot": boot, "parent": os.getpid(),
                                     "root": str(root)})
        env.setdefault("PYTHONUNBUFFERED", "1")
        code = "from propwire.dev.child import child_main; child_main()"
        cmd = [sys.executable, "-c", code, kind, name, *sys.argv[1:]]
        self.boot = boot
        self.proc = subprocess.Popen(cmd, env=env, pass_fds=(sock.fileno(), write_fd))
        os.close(write_fd)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.ready = False
        self.error: dict[str, Any] | None = None
        self.stopping = False
        self._reader = threading.Thread(target=self._read, args=(read_fd,), daemon=True)
        self._reader.start()

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "r", encoding="utf-8", errors="replace") as pipe:
            for line in pipe:
                try:
                    self.messages.put(json.loads(line))
                except ValueError:
                    continue

    def take_messages(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while not self.messages.empty():
            out.append(self.messages.get_nowait())
        return out

    def exit_text(self) -> str:
        """Why the child ended, for the error page."""
        if self.error is not None:
            return str(self.error["text"])
        if self.ready:
            return f"The app's process exited (code {self.proc.returncode}); see the terminal for why."
        return "The script ended without calling app.run()."

    def stop(self) -> None:
        self.stopping = True
        if self.proc.poll() is None:
            self.proc.terminate()  # uvicorn shuts down gracefully; the reload streams end at once
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(timeout=1)


def _stamp(file: str) -> tuple[int, int] | None:
    try:
        st = os.stat(file)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def supported() -> bool:
    """Whether this process can supervise: POSIX (inherited sockets) and a script or module to run again."""
    return os.name == "posix" and _main_target() is not None


class _Supervisor:
    """The supervisor's state: the socket, the current child (or none), the fallback page, the watched files."""

    def __init__(self, target: tuple[str, str, Path], sock: socket.socket):
        self.target, self.sock, self.root = target, sock, target[2]
        self.watch = _Watch(watched(self.root, [target[1]] if target[0] == "path" else []))
        self.fallback = Fallback(sock)
        self.runs = 0
        self.child: _Child | None = self._start()

    def _start(self) -> _Child:
        self.runs += 1
        return _Child(self.target, self.sock, f"{os.getpid()}-{self.runs}")

    def tick(self) -> None:
        """Read the child's messages; show the error page if it ended; restart it if a file changed."""
        child = self.child
        if child is not None:
            exited = child.proc.poll() is not None
            if exited:
                child._reader.join(timeout=1)  # the pipe closed with the process: its last words are in
            for message in child.take_messages():
                if "ready" in message:
                    child.ready = True
                    self.fallback.stop()
                child.error = message.get("error", child.error)
                self.watch.files |= _under(self.root, (message.get("ready") or message.get("error") or {})
                                           .get("files", []))
            if exited and not child.stopping:
                print("propwire: the app failed to start; waiting for a change to try again",
                      file=sys.stderr, flush=True)
                self.fallback.show(child.exit_text(), f"error-{child.boot}")
                self.child = None
        changed = self.watch.next_changes()
        if changed:
            for file in changed:
                _drop_bytecode(file)
            print(f"propwire: {', '.join(Path(f).name for f in changed)} changed; restarting",
                  file=sys.stderr, flush=True)
            if self.child is not None:
                self.child.stop()
            self.child = self._start()

    def close(self) -> None:
        if self.child is not None:
            self.child.stop()
        self.watch.close()
        self.fallback.stop()
        self.sock.close()


def supervise(host: str, port: int, prefix: str = "/") -> None:
    """Run the app in a child process, restarting it when its files change, until interrupted."""
    target = _main_target()
    assert target is not None
    sock = listen(host, port, inheritable=True)
    print(f"propwire: serving on {url_of(sock, prefix)} (debug: hot reload on; Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    supervisor = None
    try:
        supervisor = _Supervisor(target, sock)
        while True:
            supervisor.tick()
    except KeyboardInterrupt:
        pass
    finally:
        if supervisor is not None:
            supervisor.close()
        else:
            sock.close()
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _drop_bytecode(file: str) -> None:
    """An edit within the same second and of the same size would not invalidate the cached bytecode."""
    try:
        os.unlink(importlib.util.cache_from_source(file))
    except (OSError, ValueError, NotImplementedError):
        pass
