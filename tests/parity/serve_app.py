"""Serve one parity app: `python -m tests.parity.serve_app NAME PORT`, run by serve.py in a fresh process per app and framework.

The framework comes from PARITY_FRAMEWORK (read by `_shim`), the call log's file from PARITY_LOG. Each app runs in
its own process because apps register global `@callback`s and module state, which must not leak between apps or
between Dash and propwire.

Every page GET the server answers (a browser navigation, or a GET from anything that is not a browser's fetch) is
written to PARITY_REQUESTS, one JSON line with its path and the headers that say who asked and why: a propwire
page GET runs the initial callbacks, so a second one (a prefetch, a reload, another page's request) shows in the
call log, and the runner must be able to say where it came from.
"""

import importlib
import json
import os
import sys
import threading
import time

APPS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "apps")
KEPT = ("sec-purpose", "purpose", "x-parity-page", "cache-control", "referer")  # and every sec-fetch-* header
_write_lock = threading.Lock()


def is_page_get(method: str, headers: dict) -> bool:
    """A GET that loads a page: a navigation (Sec-Fetch-Mode: navigate), or one without Sec-Fetch-Mode (not a
    browser's subresource fetch: a probe, curl). Scripts, styles, callbacks and favicons are not."""
    return method == "GET" and headers.get("sec-fetch-mode", "navigate") == "navigate"


def record(path: str, headers: dict) -> None:
    """Append one page GET to the requests file (complete lines only: the runner reads it while it grows)."""
    kept = {k: v for k, v in sorted(headers.items()) if k.startswith("sec-fetch-") or k in KEPT}
    line = json.dumps({"path": path, "time": round(time.time(), 3), "headers": kept}) + "\n"
    with _write_lock, open(os.environ["PARITY_REQUESTS"], "a", encoding="utf-8") as f:
        f.write(line)


def log_wsgi(app):
    """Dash (Flask): a WSGI wrapper that records page GETs, then serves as before."""
    def logged(environ, start_response):
        headers = {k[5:].lower().replace("_", "-"): v for k, v in environ.items() if k.startswith("HTTP_")}
        if is_page_get(environ.get("REQUEST_METHOD", ""), headers):
            record(environ.get("PATH_INFO", ""), headers)
        return app(environ, start_response)
    return logged


def log_asgi(app):
    """propwire (Starlette): an ASGI wrapper that records page GETs, then serves as before."""
    async def logged(scope, receive, send):
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
            if is_page_get(scope["method"], headers):
                record(scope["path"], headers)
        await app(scope, receive, send)
    return logged


def main() -> None:
    name, port = sys.argv[1], int(sys.argv[2])
    os.chdir(APPS)
    module = importlib.import_module(f"tests.parity.apps.{name}")
    app = module.app
    if os.environ.get("PARITY_FRAMEWORK") == "dash":
        app.server.wsgi_app = log_wsgi(app.server.wsgi_app)  # Flask's own way to wrap what it serves
    else:
        import uvicorn  # propwire's app.run serves app.server with uvicorn.run: serve the wrapped app instead

        serve = uvicorn.run
        uvicorn.run = lambda served, *args, **kwargs: serve(log_asgi(served), *args, **kwargs)
    # As a user starts it: app.run, debug off (no reloader, no dev tools), only on 127.0.0.1.
    app.run(host="127.0.0.1", port=port, debug=False)


if __name__ == "__main__":
    main()
