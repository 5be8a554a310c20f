"""The click app of bench/bench_app.py, served as is, behind a middleware the app adds, or mounted in a host.

    BENCH_WRAP=plain|middleware|mounted uvicorn throughput_app:server      (from bench/)

- `plain`: `app.server`, what `uvicorn module:app.server` serves;
- `middleware`: the same after `app.server.add_middleware(...)` of a pure ASGI middleware that adds a header;
- `mounted`: `Starlette(routes=[Mount("/dash", app=app.server)])` with that middleware on the host.
bench/server_throughput.py starts one server per mode (and per propwire checkout) and loads its event route.
"""

from __future__ import annotations

import os

from bench_app import app
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount

WRAP = os.environ.get("BENCH_WRAP", "plain")


class Tagged:
    """A pure ASGI middleware that adds one response header: the least a real one costs."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.inner(scope, receive, send)

        async def tagged(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"x-bench", b"1")]}
            await send(message)

        await self.inner(scope, receive, tagged)


if WRAP == "plain":
    server = app.server
elif WRAP == "middleware":
    app.server.add_middleware(Tagged)
    server = app.server
elif WRAP == "mounted":
    server = Starlette(routes=[Mount("/dash", app=app.server)], middleware=[Middleware(Tagged)])
else:
    raise SystemExit(f"BENCH_WRAP={WRAP!r}: plain, middleware or mounted")
