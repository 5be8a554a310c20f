"""Every parity app behaves the same whichever way its events travel: the headless client plays its steps with
events as POSTs and over the event socket (docs/protocol.md), and the two traces must agree frame by frame.
(The browser half of test_parity.py runs over the socket, the page's default.) Apps whose steps run
JavaScript (known.HEADLESS) fail headless on both transports alike, and are left out."""

from __future__ import annotations

import pytest

from .headless import headless_trace
from .known import CALLS_AT_END, HEADLESS
from .runner import app_names, compare


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in app_names() if n not in HEADLESS])
def test_posts_and_the_socket_give_the_same_trace(name: str) -> None:
    posts, socket = headless_trace(name, "http"), headless_trace(name, "socket")
    problem = compare(name, "events as POSTs", posts, "events over the socket", socket, name in CALLS_AT_END)
    assert problem is None, problem
