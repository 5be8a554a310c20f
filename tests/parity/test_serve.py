"""The parity servers' start-up and page-GET log: a server always ends up alone on its own port (two servers
handed one port, or a port another process holds, were the dt_missing_some_outputs flake), and every page GET it
answers is recorded with the headers that say who sent it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import httpx
import pytest

from . import page_gets
from .drivers import Page
from .runner import NOT_LOCAL, browser_trace, steps_of
from .serve import AppServer, free_port, listener_of, release_port

APP = "dt_missing_some_outputs"


def test_free_port_never_hands_out_a_port_twice_until_released() -> None:
    # bind(0) alone gives a just-closed port again about once in 18,000 draws: 3,000 draws would repeat some
    ports = [free_port() for _ in range(3000)]
    try:
        assert len(set(ports)) == len(ports)
    finally:
        for port in ports:
            release_port(port)


def test_listener_of_tells_this_process_another_one_and_nobody() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        assert listener_of(port, os.getpid()) is None  # bound, not listening
        s.listen()
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            assert listener_of(port, os.getpid()) is True
            assert listener_of(port, other.pid) is False
        finally:
            other.kill()
            other.wait()


def _alone(server: AppServer) -> None:
    assert listener_of(server.port, server.proc.pid) is True
    with httpx.Client() as client:  # a GET without Sec-Fetch-Mode is a page GET: it is recorded
        assert client.get(server.url + "/").status_code == 200


def test_a_port_another_process_listens_on_is_given_up_for_a_fresh_one() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = AppServer(APP, "propwire", port=port)
        try:
            server.wait_ready()
            assert server.port != port
            assert server.restarts == [f"port {port}: another process listens on it"]
            _alone(server)
        finally:
            server.stop()


def test_a_server_that_cannot_bind_its_port_starts_again_on_a_fresh_one() -> None:
    with socket.socket() as taken:  # bound without SO_REUSEADDR and not listening: the server's bind fails
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        server = AppServer(APP, "dash", port=port)
        try:
            server.wait_ready()
            assert server.port != port
            assert server.restarts == [f"port {port}: the server could not bind it (address already in use)"]
            _alone(server)
        finally:
            server.stop()


def test_two_servers_handed_one_port_each_end_up_on_their_own() -> None:
    port = free_port()
    servers = [AppServer(APP, fw, port=port) for fw in ("dash", "propwire")]
    try:
        for server in servers:
            server.wait_ready()
        assert servers[0].port != servers[1].port
        assert sorted(len(s.restarts) for s in servers) == [0, 1]
        for server in servers:
            _alone(server)
            assert len(server.page_requests()) == 1  # each GET reached the server it was sent to
    finally:
        for server in servers:
            server.stop()


@pytest.mark.parametrize("framework", ["dash", "propwire"])
def test_page_gets_are_recorded_with_their_headers_and_nothing_else_is(framework: str) -> None:
    server = AppServer(APP, framework)
    try:
        server.wait_ready()
        with httpx.Client(base_url=server.url) as client:
            navigate = {"sec-fetch-mode": "navigate", "sec-fetch-dest": "document", "x-parity-page": "dash",
                        "sec-purpose": "prefetch", "sec-ch-ua-mobile": "?0", "user-agent": "not kept"}
            assert client.get("/", headers=navigate).status_code == 200
            client.get("/_favicon.ico" if framework == "dash" else "/favicon.ico",
                       headers={"sec-fetch-mode": "no-cors", "sec-fetch-dest": "image"})
        requests = server.page_requests()
        assert [r["path"] for r in requests] == ["/"]
        assert requests[0]["headers"] == {"sec-fetch-dest": "document", "sec-fetch-mode": "navigate",
                                          "sec-purpose": "prefetch", "x-parity-page": "dash"}
        assert "(sent by the dash page)" in (page_gets.foreign("propwire", requests) or "")
        assert "(speculative: prefetch)" in (page_gets.foreign("dash", requests) or "")
    finally:
        server.stop()


@pytest.mark.browser
def test_a_page_served_by_the_other_frameworks_server_fails_naming_it(parity) -> None:
    """What the flake was: both pages on the propwire server. Each side's failure now says so."""
    server = AppServer(APP, "propwire")

    async def play() -> dict:
        traces, contexts = {}, []
        try:
            for fw in ("dash", "propwire"):
                context = await parity.browser.new_context()
                contexts.append(context)
                await context.route(NOT_LOCAL, lambda route: route.abort())
                page = Page(context, fw, server, timeout=3.0)
                await page.start()
                traces[fw] = await browser_trace(page, steps_of(APP))
        finally:
            for context in contexts:
                await context.close()
        return traces

    try:
        server.wait_ready()
        traces = parity.loop.call(play)
    finally:
        server.stop()
    dash, propwire = traces["dash"][-1], traces["propwire"][-1]
    assert dash.step is None and propwire.step is None  # both fail at the page load
    assert "dash page not quiet after 3.0 s" in (dash.error or "") and '"propwire": true' in (dash.error or "")
    assert "the propwire server answered page GETs its page did not make" in (propwire.error or "")
    assert '"x-parity-page": "dash"' in (propwire.error or "") and "(sent by the dash page)" in (propwire.error or "")
    assert "the propwire page was requested 2 times (the runner loaded it once)" in (propwire.page_gets or "")
