"""`Client(app, transport="socket")`: the headless client sends its events over the event socket, as the page
does by default, and an app behaves the same over either transport (propwire/testing/transport.py)."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, ctx, dcc, html
from propwire.testing import Client


def counted(app: Dash) -> tuple[Dash, dict[str, int]]:
    """The app, with its server wrapped to count event POSTs and socket handshakes."""
    counts = {"posts": 0, "sockets": 0}
    inner = app.server

    async def server(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/_propwire/event":
            counts["posts"] += 1
        elif scope["type"] == "websocket":
            counts["sockets"] += 1
        await inner(scope, receive, send)

    app._server = server  # what app.server hands out from now on
    return app, counts


def cookie_app(**options) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([dcc.Input(id="name", value=""), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("name", "value"), prevent_initial_call=True)
    def remember(value):
        seen = ctx.cookies.get("last", "-")
        ctx.response.set_cookie("last", value)
        return seen

    @app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
    def shown(a):
        return f"[{a}]"

    return app


def play(client: Client) -> list[str]:
    client.open()
    shown = []
    for text in ("one", "two", "three"):
        client.type("name", text)
        shown.append(client.text("b"))
    return shown


def test_events_go_over_the_socket_and_show_what_posts_show():
    app, counts = counted(cookie_app())
    with Client(app, transport="socket") as client:
        over_socket = play(client)
    assert counts["posts"] == 0
    # a callback's cookie changed the page's cookies: each next event went over a new socket (its handshake
    # carries them), as the page does
    assert counts["sockets"] == 3
    with Client(cookie_app()) as client:
        assert play(client) == over_socket == ["[-]", "[one]", "[two]"]


def test_a_page_without_a_socket_gets_posts():
    app, counts = counted(cookie_app(websocket_callbacks=False))
    with Client(app, transport="socket") as client:
        assert play(client) == ["[-]", "[one]", "[two]"]
    assert counts == {"posts": 3, "sockets": 0}


def test_an_unknown_transport_is_refused():
    with pytest.raises(ValueError, match="transport='carrier pigeon'"):
        Client(cookie_app(), transport="carrier pigeon")
