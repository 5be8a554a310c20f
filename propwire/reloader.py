"""`app.run(debug=True)`: hot reload.

The process that calls `app.run(debug=True)` becomes a *supervisor*: it binds the port once, then starts a *child*
process that runs the same script (or module) and serves the app on the inherited listening socket. It polls the
modification times of the app's Python files (the script and the modules it imported from its folder) every
0.3 s and restarts the child when one changes. The socket stays open in the supervisor throughout, so a request made
while the child restarts waits in the socket's backlog instead of being refused.

When the child cannot start (a syntax error, any exception while importing the script or validating the app), the
supervisor serves a small fallback app on the same socket: a page showing the error, and the reload endpoint, until
a change brings a child that starts; then the page reloads itself into the app.

The page learns about restarts from `GET /_propwire/reload` (server-sent events, debug only): the first message
carries the server's boot id, and a page whose boot id differs reloads. The same stream carries asset changes:
a changed `.css` asset is swapped in place (no reload); any other asset change reloads the page.

Everything here is for development on one machine: 127.0.0.1 by default, never used without `debug=True`.
"""

from __future__ import annotations

import asyncio
import html
import importlib.util
import json
import os
import queue
import runpy
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Iterable

if TYPE_CHECKING:
    from .app import Dash

CHILD_ENV = "PROPWIRE_RELOAD_CHILD"  # JSON: {"fd", "status", "boot", "parent"}; set only in the child's environment
POLL_SECONDS = 0.3
RETRY_MS = 300  # how soon a page's EventSource reconnects after the stream ends (a restart)
_PACKAGE_DIR = Path(__file__).resolve().parent
_BOOT = uuid.uuid4().hex[:12]  # a server without a supervisor: one id per process


# -- the boot id and the reload stream (used by server.py and by the fallback app) ----------------------------------


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


def boot_id() -> str:
    """This server's boot id: set by the supervisor for each child, else one per process."""
    env = _child_env()
    return str(env["boot"]) if env else _BOOT


def _snapshot(folder: Path | None) -> dict[str, tuple[int, int]]:
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, tuple[int, int]] = {}
    try:
        for path in folder.rglob("*"):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                st = path.stat()
                found[path.relative_to(folder).as_posix()] = (st.st_mtime_ns, st.st_size)
    except OSError:  # a file removed while listing: the next poll sees it gone
        pass
    return found


def _sse(data: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


def _asset_event(changed: list[str], added_or_removed: bool, prefix: str) -> dict[str, Any] | None:
    """Changed stylesheets only: swap them in place; anything else: reload the page."""
    if not changed and not added_or_removed:
        return None
    if not added_or_removed and all(p.endswith(".css") for p in changed):
        return {"css": [f"{prefix}/assets/{p}" for p in sorted(changed)]}
    return {"reload": "assets"}


async def reload_stream(boot: Callable[[], str], stopping: Callable[[], bool], assets: Path | None,
                        prefix: str = "", since: int | None = None) -> AsyncIterator[bytes]:
    """Server-sent events for the debug page: the boot id now and whenever it changes, and asset changes.

    `since` (ns) is when the page was made: assets changed after it, before the stream began, count as changed.
    The stream ends when the server shuts down (`stopping()`), so a restart is not held up by open pages; the
    page's EventSource then reconnects after RETRY_MS and meets the next server.
    """
    current = boot()
    yield f"retry: {RETRY_MS}\n".encode() + _sse({"boot": current})
    before = await asyncio.to_thread(_snapshot, assets)
    if since is not None:
        event = _asset_event([p for p, (mtime, _) in before.items() if mtime > since], False, prefix)
        if event is not None:
            yield _sse(event)
    idle = 0.0
    while not stopping():
        await asyncio.sleep(POLL_SECONDS)
        idle += POLL_SECONDS
        now = boot()
        if now != current:
            current = now
            idle = 0.0
            yield _sse({"boot": now})
        after = await asyncio.to_thread(_snapshot, assets)
        if after != before:
            changed = [p for p in after if p in before and after[p] != before[p]]
            event = _asset_event(changed, bool(set(after) ^ set(before)), prefix)
            before = after
            idle = 0.0
            if event is not None:
                yield _sse(event)
        if idle >= 15:
            idle = 0.0
            yield b": keep-alive\n\n"


# -- the supervisor ---------------------------------------------------------------------------------------------------


def _main_target() -> tuple[str, str, Path] | None:
    """How this process was started: ("path", script) or ("module", name), and the app's folder; None if unknown."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    file = getattr(main, "__file__", None)
    if file is None:
        return None  # an interactive session, python -c, a notebook: nothing to run again
    path = Path(file).resolve()
    if spec is not None and getattr(spec, "name", None):
        name = spec.name
        if name.endswith(".__main__"):
            name = name[: -len(".__main__")]
        cwd = Path.cwd().resolve()
        root = cwd if cwd in path.parents else path.parent
        return "module", name, root
    return "path", str(path), path.parent


def _watched(root: Path, extra: Iterable[str] = ()) -> set[str]:
    """The Python files of the loaded modules that live under the app's folder (not in an installed package)."""
    files: set[str] = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file:
            files.add(file)
    files.update(extra)
    return _under(root, files)


def _under(root: Path, files: Iterable[str]) -> set[str]:
    keep: set[str] = set()
    for file in files:
        if not file or not file.endswith(".py"):
            continue
        path = Path(file).resolve()
        if root in path.parents and not {"site-packages", "dist-packages", "__pycache__"} & set(path.parts):
            keep.add(str(path))
    return keep


def _stat(file: str) -> tuple[int, int] | None:
    try:
        st = os.stat(file)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class _Child:
    """One run of the app in a child process, with its status pipe (ready / error messages)."""

    def __init__(self, target: tuple[str, str, Path], sock: socket.socket, boot: str):
        kind, name, _ = target
        read_fd, write_fd = os.pipe()
        env = dict(os.environ)
        env[CHILD_ENV] = json.dumps({"fd": sock.fileno(), "status": write_fd, "boot": boot, "parent": os.getpid(),
                                     "root": str(target[2])})
        env.setdefault("PYTHONUNBUFFERED", "1")
        code = "from propwire.reloader import child_main; child_main()"
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

    def poll_messages(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while True:
            try:
                out.append(self.messages.get_nowait())
            except queue.Empty:
                return out

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


class _Fallback:
    """The error page and reload endpoint, served by the supervisor while no child can start."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.text = ""
        self.boot = ""
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def active(self) -> bool:
        return self._server is not None

    def show(self, text: str, boot: str) -> None:
        self.text, self.boot = text, boot  # a page already showing an older error reloads (new boot id)
        if self._server is not None:
            return
        import uvicorn

        config = uvicorn.Config(fallback_app(self), log_level="warning", lifespan="off", access_log=False)
        server = uvicorn.Server(config)
        dup = self.sock.dup()  # uvicorn closes the sockets it served on; ours stays open for the next child
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [dup]}, daemon=True)
        self._server = server
        self._thread.start()

    def stopping(self) -> bool:
        return self._server is None or self._server.should_exit

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None


def fallback_app(state: _Fallback) -> Any:
    """A tiny ASGI app: every page shows the error; the reload endpoint tells the page when to try again."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    from .page import script_json

    async def reload(request: Request) -> Response:
        prefix = request.scope.get("root_path", "").rstrip("/")
        stream = reload_stream(lambda: state.boot, state.stopping, None, prefix)
        return StreamingResponse(stream, media_type="text/event-stream", headers={"cache-control": "no-store"})

    async def event(request: Request) -> Response:
        return JSONResponse({"error": "the app failed to start; reload the page to see why"}, status_code=503)

    async def page(request: Request) -> Response:
        prefix = request.scope.get("root_path", "").rstrip("/")
        boot = script_json(json.dumps(state.boot).encode()).decode()
        url = script_json(json.dumps(f"{prefix}/_propwire/reload").encode()).decode()
        body = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>propwire: the app failed to start</title>'
            "</head><body style=\"margin:0;font:14px/1.45 system-ui,sans-serif;background:#fff5f5;color:#842029\">"
            '<div id="_pw-start-error" style="padding:16px 24px">'
            '<h1 style="font-size:18px;margin:0 0 8px">The app failed to start</h1>'
            '<pre style="white-space:pre-wrap;font:12px/1.4 ui-monospace,monospace;background:#fff;'
            f'border:1px solid #f5c2c7;border-radius:6px;padding:12px">{html.escape(state.text)}</pre>'
            "<p>Fix it and save the file: this page reloads by itself.</p></div>"
            f"<script>(function(){{var boot={boot};var es=new EventSource({url});"
            "es.onmessage=function(m){var d;try{d=JSON.parse(m.data)}catch(e){return}"
            "if(d.boot&&d.boot!==boot){es.close();location.reload()}};})()</script></body></html>"
        )
        return HTMLResponse(body, status_code=500, headers={"cache-control": "no-store"})

    return Starlette(routes=[
        Route("/_propwire/reload", reload, methods=["GET"]),
        Route("/_propwire/event", event, methods=["POST"]),
        Route("/{path:path}", page, methods=["GET"]),
    ])


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def supported() -> bool:
    """Whether this process can supervise: POSIX (inherited sockets) and a script or module to run again."""
    return os.name == "posix" and _main_target() is not None


def is_child() -> bool:
    return _child_env() is not None


def supervise(host: str, port: int) -> None:
    """Run the app in a child process, restarting it when its files change, until interrupted."""
    target = _main_target()
    assert target is not None
    root = target[2]
    sock = _bind(host, port)
    print(f"propwire: serving on http://{host}:{sock.getsockname()[1]}/ (debug: hot reload on; Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    files = _watched(root, [target[1]] if target[0] == "path" else [])
    mtimes = {f: _stat(f) for f in files}
    fallback = _Fallback(sock)
    runs = 0
    child: _Child | None = None

    def start() -> _Child:
        nonlocal runs
        runs += 1
        return _Child(target, sock, f"{os.getpid()}-{runs}")

    previous = signal.getsignal(signal.SIGTERM) if threading.current_thread() is threading.main_thread() else None
    if previous is not None:
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        child = start()
        while True:
            time.sleep(POLL_SECONDS)
            if child is not None:
                exited = child.proc.poll() is not None
                if exited:
                    child._reader.join(timeout=1)  # the pipe closed with the process: its last words are in
                for message in child.poll_messages():
                    if "ready" in message:
                        child.ready = True
                        fallback.stop()
                        files |= _under(root, message["ready"].get("files", []))
                    elif "error" in message:
                        child.error = message["error"]
                        files |= _under(root, message["error"].get("files", []))
                mtimes.update({f: _stat(f) for f in files if f not in mtimes})
                if exited and not child.stopping:
                    code = child.proc.returncode
                    if child.error is not None:
                        text = child.error["text"]
                    elif child.ready:
                        text = f"The app's process exited (code {code}); see the terminal for why."
                    else:
                        text = "The script ended without calling app.run()."
                    print("propwire: the app failed to start; waiting for a change to try again",
                          file=sys.stderr, flush=True)
                    fallback.show(text, f"error-{child.boot}")
                    child = None
            changed = [f for f in files if _stat(f) != mtimes.get(f)]
            if changed:
                time.sleep(0.05)  # an editor may write in several steps: let it finish
                for file in files:
                    mtimes[file] = _stat(file)
                for file in changed:
                    _drop_bytecode(file)
                print(f"propwire: {', '.join(Path(f).name for f in changed)} changed; restarting",
                      file=sys.stderr, flush=True)
                if child is not None:
                    child.stop()
                child = start()
    except KeyboardInterrupt:
        pass
    finally:
        if child is not None:
            child.stop()
        fallback.stop()
        sock.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _drop_bytecode(file: str) -> None:
    """An edit within the same second and of the same size would not invalidate the cached bytecode."""
    try:
        os.unlink(importlib.util.cache_from_source(file))
    except (OSError, ValueError, NotImplementedError):
        pass


# -- the child --------------------------------------------------------------------------------------------------------


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
        raise SystemExit("propwire.reloader.child_main runs only in a child started by app.run(debug=True)")
    _status = _Status(int(env["status"]))
    threading.Thread(target=_exit_with_parent, args=(env["parent"],), daemon=True).start()
    kind, name, *args = sys.argv[1:]
    try:
        if kind == "path":
            sys.argv = [name, *args]
            sys.path[0] = str(Path(name).parent)
            runpy.run_path(name, run_name="__main__")
        else:
            sys.argv = [name, *args]
            sys.path[0] = os.getcwd()
            runpy.run_module(name, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            _status.send({"error": {"text": f"The app exited with {exc.code!r}.", "files": []}})
        raise
    except BaseException as exc:  # noqa: BLE001 - whatever stops the script is what the page shows
        described = _describe(exc)
        _status.send({"error": described})
        print(described["text"], file=sys.stderr, end="", flush=True)
        raise SystemExit(1) from None


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _describe(exc: BaseException) -> dict[str, Any]:
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


def serve_child(app: "Dash", log_level: str) -> None:
    """In the child: validate the app, tell the supervisor it is ready, and serve on the inherited socket."""
    import uvicorn

    env = _child_env()
    assert env is not None
    app.engine  # validates the app (ValidationError), before anything is served
    sock = socket.socket(fileno=int(env["fd"]))
    config = uvicorn.Config(app.server, log_level=log_level, lifespan="on", timeout_graceful_shutdown=2,
                            http="propwire.serving:Protocol")  # the limits app.run serves with
    server = uvicorn.Server(config)
    app._dev_stopping = lambda: server.should_exit
    if _status is not None:
        _status.send({"ready": {"files": sorted(_watched(Path(env["root"])))}})
    server.run(sockets=[sock])
