"""Chain.wait (propwire/core/engine.py): woken by the call that finishes, or by the web layer's interrupt."""

from __future__ import annotations

import asyncio
import threading

import pytest

from propwire import Input, Output
from propwire.core.engine import Event
from propwire.core.layout import LayoutView
from propwire.core.outcomes import Result

from .harness import Page, el, run_async


def blocking_page() -> tuple[Page, threading.Event]:
    page = Page(el("Div", [el("Input", id="a", value=1), el("Div", id="out")]))
    release = threading.Event()

    @page.callback(Output("out", "children"), Input("a", "value"), prevent_initial_call=True)
    def slow(value):
        assert release.wait(10), "the test never released the callback"
        return value

    return page, release


def test_an_interrupt_ends_the_wait_while_the_call_still_runs_and_a_later_wait_gets_its_result():
    page, release = blocking_page()
    chain = page.engine.event(Event(changed={"a.value": 7}, values={"a.value": 7}, present={"a": [], "out": []}))

    async def scenario():
        first = chain.advance()
        assert not first.last
        gone = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(gone.set_result, None)  # the client goes away at once
        interrupted = await chain.wait(interrupt=gone)
        still_running = bool(chain.running)
        release.set()
        finished = await chain.wait()
        return interrupted, still_running, finished, chain.advance()

    try:
        interrupted, still_running, finished, last = run_async(scenario())
    finally:
        release.set()
    assert (interrupted, still_running, finished) == (False, True, True)
    assert last.last and [i.outputs for i in last.items if isinstance(i, Result)] == [{"out.children": 7}]


def test_waiting_with_nothing_running_is_refused():
    page, _ = blocking_page()
    chain = page.engine.event(Event(changed={}), LayoutView.from_layout(page.layout))

    async def scenario():
        assert chain.advance().last
        with pytest.raises(RuntimeError, match="no callback is running"):
            await chain.wait()

    run_async(scenario())


def test_a_wake_with_no_call_finished_does_not_end_the_wait():
    """Only a finished call or the interrupt ends a wait: a stray wake (a done callback arriving late) is checked,
    else the endpoint would take the event for abandoned and leave its response unfinished."""
    page, release = blocking_page()
    chain = page.engine.event(Event(changed={"a.value": 3}, values={"a.value": 3}, present={"a": [], "out": []}))

    async def scenario():
        chain.advance()
        loop = asyncio.get_running_loop()
        loop.call_soon(chain._wake)  # nothing has finished yet
        loop.call_later(0.05, release.set)
        return await chain.wait(interrupt=loop.create_future()), chain.advance()

    try:
        finished, last = run_async(scenario())
    finally:
        release.set()
    assert finished is True
    assert [i.outputs for i in last.items if isinstance(i, Result)] == [{"out.children": 3}]
