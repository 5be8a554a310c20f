"""Sync callbacks start on worker threads and move inline onto the event loop once they have proved fast."""

import asyncio
import threading
import time

from propwire import Input, Output, ctx
from propwire.context import set_props
from propwire.threads import PROOF

from .harness import Page, el


def where() -> str:
    return "thread" if threading.current_thread().name.startswith("AnyIO worker") else "inline"


def compute(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def counter_page(body=None, **engine_options) -> tuple[Page, list[str]]:
    page = Page(el("Div", [el("Button", id="btn"), el("Div", id="out"), el("Div", id="side")]))
    seen: list[str] = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        seen.append(where())
        return body(n) if body else f"n={n} by {ctx.triggered_id}"

    for name, value in engine_options.items():
        setattr(page.engine.placement, name, value)
    return page, seen


def test_a_fast_callback_moves_inline_after_proving_itself_and_keeps_ctx():
    page, seen = counter_page()
    for n in range(1, PROOF + 3):
        page.act({"btn.n_clicks": n})
        assert page.get("out.children") == f"n={n} by btn"
    assert seen == ["thread"] * PROOF + ["inline"] * 2


def test_an_inline_call_that_computes_long_sends_the_callback_back_to_threads_for_good():
    slow = {"on": False}

    def body(n):
        if slow["on"]:
            compute(0.008)
        return n

    page, seen = counter_page(body)
    for n in range(1, PROOF + 2):
        page.act({"btn.n_clicks": n})
    slow["on"] = True
    page.act({"btn.n_clicks": 10})
    slow["on"] = False
    for n in range(11, 11 + PROOF + 2):
        page.act({"btn.n_clicks": n})
        assert page.get("out.children") == n
    assert seen == ["thread"] * PROOF + ["inline", "inline"] + ["thread"] * (PROOF + 2)


def test_a_thread_call_that_computes_long_restarts_the_proof():
    calls = {"n": 0}

    def body(n):
        calls["n"] += 1
        if calls["n"] == PROOF:  # the last call of the proof computes for 3 ms: the count starts again
            compute(0.003)
        return n

    page, seen = counter_page(body)
    for n in range(1, 2 * PROOF + 2):
        page.act({"btn.n_clicks": n})
    assert seen == ["thread"] * (2 * PROOF) + ["inline"]


def test_a_callback_that_waits_long_stays_on_threads():
    page, seen = counter_page(lambda n: time.sleep(0.03) or n)  # waits like slow I/O
    for n in range(1, 2 * PROOF):
        page.act({"btn.n_clicks": n})
    assert set(seen) == {"thread"}


def test_inline_calls_that_wait_now_and_then_send_the_callback_back_to_threads():
    waits = iter([True, False, False, True, False, True, False])  # the third wait within 8 calls

    def body(n):
        if n >= 10 and next(waits):
            time.sleep(0.002)  # waits on the loop, like I/O
        return n

    page, seen = counter_page(body)
    for n in range(1, PROOF + 1):
        page.act({"btn.n_clicks": n})
    for n in range(10, 16):
        page.act({"btn.n_clicks": n})
    page.act({"btn.n_clicks": 20})
    assert seen == ["thread"] * PROOF + ["inline"] * 6 + ["thread"]


def test_one_inline_call_that_waited_is_no_evidence():
    waits = iter([True] + [False] * 20)

    def body(n):
        if n >= 10 and next(waits):
            time.sleep(0.002)  # as if the OS had paused the process
        return n

    page, seen = counter_page(body)
    for n in range(1, PROOF + 12):
        page.act({"btn.n_clicks": n + (10 if n > PROOF else 0)})
    assert seen == ["thread"] * PROOF + ["inline"] * 11


def test_switched_off_every_sync_callback_stays_on_threads():
    page, seen = counter_page(enabled=False)
    for n in range(1, PROOF + 4):
        page.act({"btn.n_clicks": n})
    assert set(seen) == {"thread"}


def test_inline_callbacks_may_call_asyncio_run_and_set_props():
    async def double(n):
        return 2 * n

    def body(n):
        set_props("side", {"children": f"side {n}"})
        return asyncio.run(double(n))

    page, seen = counter_page(body)
    for n in range(1, PROOF + 3):
        page.act({"btn.n_clicks": n})
        assert page.get("out.children") == 2 * n
        assert page.get("side.children") == f"side {n}"
    assert seen[-1] == "inline"


def test_an_inline_callback_that_raises_becomes_an_error_line_and_on_error_still_runs():
    page = Page(el("Div", [el("Button", id="btn"), el("Div", id="out"), el("Div", id="other")]))
    handled: list[str] = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def plain(n):
        if n > PROOF:
            raise ValueError("plain broke")
        return n

    @page.callback(Output("other", "children"), Input("btn", "n_clicks"), prevent_initial_call=True,
                   on_error=lambda exc: handled.append(str(exc)) or "recovered")
    def guarded(n):
        if n > PROOF:
            raise ValueError("guarded broke")
        return n

    for n in range(1, PROOF + 1):
        page.act({"btn.n_clicks": n})
    lines = page.act({"btn.n_clicks": PROOF + 1})
    errors = [line["error"] for line in lines if "error" in line]
    assert [e["cb"] for e in errors] == [0] and "plain broke" in errors[0]["message"]
    assert page.get("other.children") == "recovered" and handled == ["guarded broke"]
