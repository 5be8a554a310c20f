"""The page's events over the event socket (renderer/src/socket.ts, propwire/web/event_socket.py), in Chromium:
by default a tab opens one WebSocket and sends every event over it; without it (the app turns it off, or the
socket cannot open) the events go as POSTs; a socket the server closed is opened again at the next event."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from propwire import Dash, Input, Output, ctx, dcc, html
from propwire.testing.live import LiveServer
from propwire.web import event_socket

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser
EVENT = "/_propwire/event"


def echo_app(**options) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([dcc.Input(id="name", value=""), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("name", "value"))
    def upper(value):
        return (value or "").upper()

    @app.callback(Output("b", "children"), Input("a", "children"))
    def framed(a):
        return f"[{a}]"

    return app


@pytest.fixture
def watched(browser) -> Iterator:
    """watched(app, refuse_socket=False) -> a page on the app, opened with its sockets (page.sockets), the frames
    it sent over them (page.frames_sent) and the POSTs it made to the event route (page.posts) recorded from
    the start; `refuse_socket`: every WebSocket it opens is closed at once, as by a proxy that blocks them."""
    servers, contexts = [], []

    def open_(app: Dash, refuse_socket: bool = False):
        server = LiveServer(app.server)
        servers.append(server)
        page = local_page(browser, contexts)
        if refuse_socket:
            page.context.route_web_socket("**/_propwire/ws", lambda ws: ws.close())
        page.frames_sent = []
        page.on("websocket", lambda ws: ws.on("framesent", lambda payload: page.frames_sent.append(payload)))
        page.goto(server.url)
        wait_idle(page)
        return page

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def type_and_wait(page, text: str) -> None:
    page.fill("#name", text)
    page.wait_for_function("t => document.getElementById('b').textContent === t", arg=f"[{text.upper()}]")
    wait_idle(page)


def posts(page) -> int:
    return sum(url.endswith(EVENT) for url in page.requested)


def test_events_go_over_one_socket_per_tab(watched):
    page = watched(echo_app())
    for text in ("ab", "abc", "x"):
        type_and_wait(page, text)
    assert posts(page) == 0, "no event went as a POST"
    assert len(page.sockets) == 1
    sent = [frame.replace(" ", "") for frame in page.frames_sent]
    assert len(sent) == 3 and '"name.value":"abc"' in sent[1], "each event is one message, the POST body"
    assert page.console_errors == []


def test_without_the_socket_events_go_as_posts(watched):
    page = watched(echo_app(websocket_callbacks=False))
    type_and_wait(page, "ab")
    type_and_wait(page, "abc")
    assert posts(page) == 2 and page.sockets == []


def test_a_socket_that_cannot_open_leaves_events_to_posts(watched):
    page = watched(echo_app(), refuse_socket=True)
    type_and_wait(page, "ab")
    type_and_wait(page, "abc")
    assert posts(page) == 2, "both events went as POSTs"
    assert page.frames_sent == []
    assert page.console_errors == []


def test_a_socket_the_server_closed_is_opened_again(watched, monkeypatch):
    monkeypatch.setattr(event_socket, "IDLE_SECONDS", 0.5)
    page = watched(echo_app())
    type_and_wait(page, "ab")
    page.wait_for_timeout(1500)  # idle: the server closes the socket
    type_and_wait(page, "abc")
    assert len(page.sockets) == 2, "a new socket for the event after the close"
    assert posts(page) == 0 and len(page.frames_sent) == 2


def test_a_cookie_a_callback_set_is_seen_by_the_next_event_over_the_socket(watched):
    """The socket's handshake carried the cookies of before: the page opens a new one once they change."""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="name", value=""), html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("a", "children"), Input("name", "value"), prevent_initial_call=True)
    def remember(value):
        seen = ctx.cookies.get("last", "-")
        ctx.response.set_cookie("last", value)
        return seen

    @app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
    def shown(a):
        return f"[{a}]"

    page = watched(app)
    page.fill("#name", "one")
    page.wait_for_function("() => document.getElementById('b').textContent === '[-]'")
    wait_idle(page)
    page.fill("#name", "two")
    page.wait_for_function("() => document.getElementById('b').textContent === '[ONE]'.toLowerCase() ")
    wait_idle(page)
    assert posts(page) == 0 and len(page.sockets) == 2
