"""The invoker seam (propwire/core/invoker.py): another invoker plugs into the engine with Engine(invoker=...).

Here a task-queue-like invoker runs every call on a worker thread of its own (not the engine's pool), and one
answers at once; the chain plans, applies and reports exactly as with the default invoker."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from propwire import Input, Output, ctx, set_props
from propwire.api.exceptions import PreventUpdate
from propwire.core import threads
from propwire.core.engine import Event
from propwire.core.invoker import Call, CallOutcome, LocalInvoker
from propwire.core.layout import LayoutView
from propwire.core.outcomes import Result

from .harness import Page, el, run_async


def _outcome(call: Call) -> CallOutcome:
    began = time.perf_counter()
    try:
        value = threads.call_bound(call.info, call.cb.func, call.args, call.kwargs)
    except Exception as exc:  # noqa: BLE001 - the chain turns it into an error or a skip
        return CallOutcome(call.info, error=exc)
    return CallOutcome(call.info, value=value, seconds=time.perf_counter() - began)


class QueueInvoker:
    """Each call queued for one worker thread of its own, as a background task queue would take it."""

    def __init__(self) -> None:
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="queue-worker")
        self.names: list[str] = []

    def start(self, call: Call) -> asyncio.Future[CallOutcome]:
        self.names.append(call.cb.name)
        return asyncio.get_running_loop().run_in_executor(self.worker, _outcome, call)


def chained_page(invoker) -> tuple[Page, list[str]]:
    page = Page(el("Div", [el("Input", id="a", value=1), el("Div", id="b"), el("Div", id="c"), el("Div", id="d")]),
                invoker=invoker)
    threads_seen: list[str] = []

    @page.callback(Output("b", "children"), Input("a", "value"))
    def double(value):
        threads_seen.append(threading.current_thread().name)
        ctx.response.set_cookie("seen", "yes")
        set_props("d", {"title": "side"})
        return value * 2

    @page.callback(Output("c", "children"), Input("b", "children"))
    def plus_one(value):
        threads_seen.append(threading.current_thread().name)
        if value > 10:
            raise PreventUpdate
        return value + 1

    return page, threads_seen


def test_a_queue_invoker_runs_every_call_and_the_chain_behaves_as_with_the_pool():
    invoker = QueueInvoker()
    page, seen = chained_page(invoker)
    page.load()
    assert (page.get("b.children"), page.get("c.children"), page.get("d.title")) == (2, 3, "side")
    lines = page.act({"a.value": 4})
    assert [next(iter(line)) for line in lines] == ["plan", "result", "result"]
    assert page.get("c.children") == 9
    assert page.act({"a.value": 6})[-1] == {"skip": {"cb": 1, "reason": "PreventUpdate"}}
    assert invoker.names == ["double", "plus_one"] * 3
    assert seen and all(name.startswith("queue-worker") for name in seen)  # never the engine's pool
    assert page.engine.pool.busy() == (0, 0)
    invoker.worker.shutdown()


def test_the_effects_of_a_call_made_elsewhere_travel_with_its_result():
    page, _ = chained_page(QueueInvoker())
    page.load()
    chain = page.engine.event(Event(changed={"a.value": 5}), LayoutView.from_layout(page.layout))

    async def items():
        return [item async for batch in chain for item in batch.items]

    first = next(i for i in run_async(items()) if isinstance(i, Result))
    assert first.effects.cookies and first.effects.cookies[0].startswith("seen=yes")
    assert first.effects.set_props == ["d.title"]
    page.engine.invoker.worker.shutdown()


class AtOnce(LocalInvoker):
    """Every call made right where it starts, as inline ones are: the chain finishes in its first batch."""

    def start(self, call: Call) -> CallOutcome:
        return _outcome(call)


def test_an_invoker_that_answers_at_once_finishes_the_chain_in_one_batch():
    page, seen = chained_page(None)
    page.engine.invoker = AtOnce(page.engine)
    chain = page.engine.event(Event(changed={"a.value": 1}), LayoutView.from_layout(page.layout))

    loop_thread: list[str] = []

    async def first_batch():
        loop_thread.append(threading.current_thread().name)
        batch = chain.advance()
        chain.cancel()
        return batch

    batch = run_async(first_batch())
    assert batch.last and [type(i).__name__ for i in batch.items] == ["Plan", "Result", "Result"]
    # both calls ran right there, on the loop's thread (the main one, or run_async's own when Playwright holds it)
    assert seen == loop_thread * 2
