"""propwire mounted in a host app (docs/deploy.md): Starlette's `Mount` and FastAPI's `app.mount` keep the host's
middleware and exception handlers, and the page, events, assets, static files and cookies all work under the
prefix. Middleware added to `app.server` itself sees every request, events included."""

from __future__ import annotations

import json
from typing import Any

import fastapi
import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route

from propwire import Dash, Input, Output, ctx, html
from propwire.web.cookie_token import seal

from .conftest import kinds, ndjson, page_config, page_pushes, run

CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
NAVIGATE = {"sec-fetch-dest": "document", "sec-fetch-mode": "navigate"}
JSON = {"content-type": "application/json"}


class HostBroke(Exception):
    """Raised by a host route; the host's own exception handler answers it."""


def make_app(tmp_path) -> Dash:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body { color: teal }")
    app = Dash(assets_folder=str(tmp_path / "assets"))
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n):
        if n:
            ctx.response.set_cookie("flavour", "mint")
        return f"clicked {n}"

    return app


class Seen:
    """A pure ASGI middleware, as a host adds one: notes each request's path and tags each response."""

    def __init__(self, inner: Any, paths: list[str], tag: bytes = b"host"):
        self.inner, self.paths, self.tag = inner, paths, tag

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.inner(scope, receive, send)
        self.paths.append(scope["path"])

        async def tagged(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"x-seen-by", self.tag)]}
            await send(message)

        await self.inner(scope, receive, tagged)


def requests(host: Any, prefix: str) -> dict[str, httpx.Response]:
    """Every kind of request propwire answers, made under the prefix, plus one to the host's own failing route."""

    async def go() -> dict[str, httpx.Response]:
        transport = httpx.ASGITransport(app=host)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            token = seal(["late=1; Path=/"], 4)
            return {
                "page": await client.get(f"{prefix}/", headers=NAVIGATE),
                "event": await client.post(f"{prefix}/_propwire/event", content=json.dumps(CLICK), headers=JSON),
                "event_get": await client.get(f"{prefix}/_propwire/event", headers=NAVIGATE),
                "asset": await client.get(f"{prefix}/assets/site.css"),
                "static": await client.get(f"{prefix}/_propwire/static/propwire.js"),
                "cookies": await client.post(f"{prefix}/_propwire/cookies", headers=JSON,
                                             content=json.dumps({"seq": 4, "token": token})),
                "host_route": await client.get("/boom"),
            }

    return run(go)


def check_served_under(prefix: str, got: dict[str, httpx.Response]) -> None:
    page = got["page"]
    assert page.status_code == 200, page.text[:300]
    config = page_config(page.text)
    assert config["eventUrl"] == f"{prefix}/_propwire/event" and config["cookiesUrl"] == f"{prefix}/_propwire/cookies"
    assert f'src="{prefix}/_propwire/static/propwire.js"' in page.text
    assert f'href="{prefix}/assets/site.css"' in page.text
    results = [p["result"]["outputs"] for p in page_pushes(page.text) if "result" in p]
    assert results == [{"out.children": "clicked None"}]  # the initial call ran server-side, under the prefix
    event = got["event"]
    assert event.status_code == 200 and kinds(ndjson(event)) == ["plan", "result", "done"]
    assert ndjson(event)[1]["result"]["outputs"] == {"out.children": "clicked 1"}
    assert event.headers.get_list("set-cookie") == ["flavour=mint; Path=/; SameSite=lax"]
    assert got["event_get"].status_code == 405 and got["event_get"].json() == {"error": "events must be POSTed"}
    assert got["asset"].status_code == 200 and got["asset"].text == "body { color: teal }"
    assert got["static"].status_code == 200 and "javascript" in got["static"].headers["content-type"]
    assert got["cookies"].status_code == 204 and got["cookies"].headers.get_list("set-cookie") == ["late=1; Path=/"]


def check_host_saw_everything(prefix: str, got: dict[str, httpx.Response], paths: list[str]) -> None:
    assert all(r.headers.get("x-seen-by") == "host" for r in got.values()), {k: r.headers for k, r in got.items()}
    assert paths == [f"{prefix}/", f"{prefix}/_propwire/event", f"{prefix}/_propwire/event", f"{prefix}/assets/site.css",
                     f"{prefix}/_propwire/static/propwire.js", f"{prefix}/_propwire/cookies", "/boom"]
    assert got["host_route"].status_code == 418 and got["host_route"].json() == {"handled_by": "host"}


async def boom(request: Request) -> PlainTextResponse:
    raise HostBroke("a host route failed")


async def host_handler(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"handled_by": "host"}, status_code=418)


def test_mounted_in_a_starlette_host_with_its_middleware_and_exception_handler(tmp_path):
    app, paths = make_app(tmp_path), []
    host = Starlette(routes=[Route("/boom", boom), Mount("/dash", app=app.server)],
                     middleware=[Middleware(Seen, paths=paths)], exception_handlers={HostBroke: host_handler})
    got = requests(host, "/dash")
    check_served_under("/dash", got)
    check_host_saw_everything("/dash", got, paths)


def test_mounted_in_a_fastapi_host_with_its_middleware_and_exception_handler(tmp_path):
    app, paths = make_app(tmp_path), []
    host = fastapi.FastAPI()
    host.add_middleware(Seen, paths=paths)
    host.add_exception_handler(HostBroke, host_handler)
    host.add_api_route("/boom", boom)
    host.mount("/apps/sales", app.server)
    got = requests(host, "/apps/sales")
    check_served_under("/apps/sales", got)
    check_host_saw_everything("/apps/sales", got, paths)


def test_middleware_added_to_the_app_server_sees_every_kind_of_request(tmp_path):
    app, paths = make_app(tmp_path), []
    app.server.add_middleware(Seen, paths=paths, tag=b"app")
    host = Starlette(routes=[Route("/boom", boom)], exception_handlers={HostBroke: host_handler})
    host.router.routes.append(Mount("", app=app.server))
    got = requests(host, "")
    check_served_under("", got)
    assert all(r.headers.get("x-seen-by") == "app" for k, r in got.items() if k != "host_route")
    assert paths == ["/", "/_propwire/event", "/_propwire/event", "/assets/site.css", "/_propwire/static/propwire.js",
                     "/_propwire/cookies"]
