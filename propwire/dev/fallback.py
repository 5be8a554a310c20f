"""The page the supervisor serves while no child can start (a syntax error, an exception at import or in
validation): the error as text, and the reload stream, so the page turns into the app once a save fixes it.

Example::

    fallback = Fallback(sock)
    fallback.show("SyntaxError: ...", "error-3")   # serve the error page on the supervisor's socket
    fallback.stop()                                 # a child started: it serves from now on
"""

from __future__ import annotations

import html
import json
import socket
import threading
from typing import Any

from propwire.dev.reload_stream import reload_stream


class Fallback:
    """The error page and reload endpoint, served by the supervisor (in a thread) while no child can start."""

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


def fallback_app(state: Fallback) -> Any:
    """A tiny ASGI app: every page shows the error; the reload endpoint tells the page when to try again."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    from propwire.web.page import script_json

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
