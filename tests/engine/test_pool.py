"""The engine's worker pool (propwire/threads.py): timeouts, stuck threads still accounted for, the pool's bound
and the per-callback share, failing fast when only stuck threads are left, queueing otherwise."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from propwire import Input, Output
from propwire.api.exceptions import CallbackTimeout
from propwire.core.threads import Pool

from .harness import Page, el, run_async


def wait_until(predicate, what: str, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.01)


def errors(lines: list[dict]) -> dict[int, str]:
    return {line["error"]["cb"]: line["error"]["message"] for line in lines if "error" in line}


def results(lines: list[dict]) -> dict[int, dict]:
    return {line["result"]["cb"]: line["result"]["outputs"] for line in lines if "result" in line}


def page_with(*names: str, **engine_options) -> Page:
    return Page(el("Div", [el("Button", id="btn"), el("Button", id="other"),
                           *[el("Div", id=name) for name in names]]), **engine_options)


@pytest.fixture
def gate():
    """An Event the stuck callbacks wait on; set at the end so their threads return."""
    event = threading.Event()
    yield event
    event.set()


def test_a_sync_call_past_its_timeout_is_an_error_naming_it_and_its_thread_stays_accounted_busy(gate):
    page = page_with("stuck", "fine")
    returned = threading.Event()

    @page.callback(Output("stuck", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1)
    def hangs(n):
        gate.wait(30)
        returned.set()
        return "late"

    @page.callback(Output("fine", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def sibling(n):
        return f"fine {n}"

    lines = page.act({"btn.n_clicks": 1})
    assert errors(lines) == {0: "callback 'hangs' did not return within its timeout of 0.1 s"}
    assert results(lines) == {1: {"fine.children": "fine 1"}}  # the chain went on without it
    assert page.get("stuck.children") is None
    assert page.engine.pool.busy() == (1, 1) and not returned.is_set()  # still running, counted, and stuck
    gate.set()
    wait_until(lambda: page.engine.pool.busy() == (0, 0), "the stuck thread is given back once it returns")
    assert returned.is_set() and page.get("stuck.children") is None  # its late value is dropped


def test_the_app_wide_timeout_applies_unless_the_callback_sets_its_own(gate):
    page = page_with("a", "b", callback_timeout=0.1)

    @page.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def default_limit(n):
        gate.wait(30)
        return "a"

    @page.callback(Output("b", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=None)
    def no_limit(n):
        time.sleep(0.3)  # longer than the app's limit: it has none of its own
        return "b"

    lines = page.act({"btn.n_clicks": 1})
    assert errors(lines) == {0: "callback 'default_limit' did not return within its timeout of 0.1 s"}
    assert page.get("b.children") == "b"


def test_an_async_callback_past_its_timeout_is_cancelled():
    page = page_with("out")
    seen: list[str] = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1)
    async def waits(n):
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise
        return "never"

    lines = page.act({"btn.n_clicks": 1})
    assert errors(lines) == {0: "callback 'waits' did not return within its timeout of 0.1 s"}
    assert seen == ["cancelled"]


def test_on_error_gets_the_timeout_and_its_value_stands_in(gate):
    page = page_with("out")

    def handle(exc):
        return f"handled {type(exc).__name__}: {exc.callback}"

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1,
                   on_error=handle)
    def hangs(n):
        gate.wait(30)

    lines = page.act({"btn.n_clicks": 1})
    assert not errors(lines) and page.get("out.children") == "handled CallbackTimeout: hangs"


def test_outside_debug_mode_the_timeout_message_is_still_shown_and_holds_no_server_path(gate):
    page = page_with("out")

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1)
    def hangs(n):
        gate.wait(30)

    page.engine.debug = False
    [line] = [line["error"] for line in page.act({"btn.n_clicks": 1}) if "error" in line]
    assert line == {"cb": 0, "message": "callback 'hangs' did not return within its timeout of 0.1 s"}


def test_one_callback_may_not_hold_more_than_its_share_and_fails_fast_when_its_share_is_stuck(gate):
    page = page_with("stuck", "fine", callback_threads=4)  # a callback's share: 4 // 2 = 2 threads

    @page.callback(Output("stuck", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1)
    def hangs(n):
        gate.wait(30)

    @page.callback(Output("fine", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def sibling(n):
        return n

    for n in (1, 2):
        assert "did not return within" in errors(page.act({"btn.n_clicks": n}))[0]
    assert page.engine.pool.busy() == (2, 2)
    lines = page.act({"btn.n_clicks": 3})
    assert errors(lines) == {0: "callback 'hangs' could not run: no worker thread is free (its 2 calls still "
                                "running are all past their timeout, and one callback may hold at most 2 of the "
                                "4 callback threads)"}
    assert results(lines) == {1: {"fine.children": 3}}  # other callbacks still get threads
    gate.set()
    wait_until(lambda: page.engine.pool.busy() == (0, 0), "the stuck threads return")
    gate.clear()
    assert "did not return within" in errors(page.act({"btn.n_clicks": 4}))[0]  # its share is back


def test_stuck_threads_are_replaced_up_to_a_bound_then_new_calls_fail_fast(gate):
    # 2 threads for live calls, and up to 2 more standing in for stuck ones: 4 threads at most.
    page = page_with("a", "b", "c", callback_threads=2, threads_per_callback=2)
    for name in ("a", "b"):
        @page.callback(Output(name, "children"), Input("btn", "n_clicks"), prevent_initial_call=True, timeout=0.1)
        def hangs(n):
            gate.wait(30)

    @page.callback(Output("c", "children"), Input("other", "n_clicks"), prevent_initial_call=True)
    def fast(n):
        return f"c {n}"

    assert len(errors(page.act({"btn.n_clicks": 1}))) == 2
    page.act({"other.n_clicks": 1})
    assert page.get("c.children") == "c 1"  # 2 stuck threads: 2 fresh ones serve the rest
    assert len(errors(page.act({"btn.n_clicks": 2}))) == 2
    assert page.engine.pool.busy() == (4, 4)
    lines = page.act({"other.n_clicks": 2})
    assert errors(lines) == {2: "callback 'fast' could not run: no worker thread is free (all 4 callback threads "
                                "are held by calls past their timeout)"}
    gate.set()
    wait_until(lambda: page.engine.pool.busy() == (0, 0), "the stuck threads return")
    page.act({"other.n_clicks": 3})
    assert page.get("c.children") == "c 3"


def test_a_call_waits_for_a_thread_held_by_a_live_call_and_runs_once_it_is_free():
    pool = Pool(threads=1)
    gate, order = threading.Event(), []

    def first():
        gate.wait(10)
        order.append("first")

    async def main():
        one = asyncio.ensure_future(pool.run(0, "first", None, first))
        await asyncio.to_thread(wait_until, lambda: pool.busy() == (1, 0), "the first call runs")
        two = asyncio.ensure_future(pool.run(1, "second", None, lambda: order.append("second")))
        await asyncio.sleep(0.1)
        assert not two.done() and order == []  # queued behind a live call, not failed
        gate.set()
        await asyncio.gather(one, two)

    run_async(main())
    assert order == ["first", "second"]


def test_a_call_that_waits_past_its_timeout_for_a_thread_never_runs():
    pool = Pool(threads=1)
    gate, order = threading.Event(), []

    async def main():
        one = asyncio.ensure_future(pool.run(0, "first", None, lambda: gate.wait(10) and order.append("first")))
        await asyncio.to_thread(wait_until, lambda: pool.busy() == (1, 0), "the first call runs")
        with pytest.raises(CallbackTimeout, match="'second' found no free worker thread within its timeout of 0.1 s"):
            await pool.run(1, "second", 0.1, lambda: order.append("second"))
        gate.set()
        await one

    run_async(main())
    assert order == ["first"]


def test_errors_and_results_reach_the_caller_of_a_pool_call():
    pool = Pool(threads=2)

    def broken():
        raise KeyError("inside")

    async def main():
        assert await pool.run(0, "sum", 5, sum, ([1, 2, 3],)) == 6
        with pytest.raises(KeyError, match="inside"):
            await pool.run(0, "broken", 5, broken)

    run_async(main())


@pytest.mark.parametrize("options, words", [
    ({"callback_threads": 0}, "callback_threads takes a whole number of at least 1"),
    ({"callback_threads": 2.5}, "callback_threads takes a whole number of at least 1"),
    ({"threads_per_callback": 0}, "threads_per_callback takes a whole number"),
    ({"callback_timeout": -1}, "callback_timeout takes a number of seconds above 0"),
    ({"callback_timeout": "30"}, "callback_timeout takes a number of seconds above 0"),
])
def test_the_app_options_are_checked_when_the_app_is_made(options, words):
    from propwire import Dash

    with pytest.raises(ValueError, match=words):
        Dash(__name__, **options)


def test_a_pool_call_sees_the_callers_context_variables():
    import contextvars

    current = contextvars.ContextVar("current", default="none")
    pool = Pool(threads=1)

    async def main():
        current.set("the caller's")
        return await pool.run(0, "read", 5, current.get)

    assert run_async(main()) == "the caller's"
