"""Sync callbacks always run on the engine's worker threads; only `inline=True` ones run on the event loop."""

import asyncio
import threading

import pytest

from propwire import Dash, Input, Output, ctx
from propwire.api.context import set_props
from propwire.api.exceptions import ValidationError
from propwire.core.threads import THREAD_PREFIX

from .harness import Page, el


def layout() -> dict:
    return el("Div", [el("Button", id="btn"), el("Div", id="out"), el("Div", id="side"), el("Div", id="loop")])


def test_a_fast_sync_callback_stays_on_a_worker_thread_however_often_it_runs():
    page = Page(layout())
    seen: list[str] = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        seen.append(threading.current_thread().name)
        return f"n={n} by {ctx.triggered_id}"

    for n in range(1, 12):
        page.act({"btn.n_clicks": n})
        assert page.get("out.children") == f"n={n} by btn"
    assert len(seen) == 11 and all(name.startswith(THREAD_PREFIX) for name in seen)


def test_inline_true_runs_on_the_event_loop_thread_as_async_callbacks_do():
    page = Page(layout())
    threads: dict[str, list[int]] = {"inline": [], "async": [], "sync": []}

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, inline=True)
    def on_loop(n):
        threads["inline"].append(threading.get_ident())
        return n

    @page.callback(Output("loop", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    async def async_one(n):
        threads["async"].append(threading.get_ident())
        return n

    @page.callback(Output("side", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def on_thread(n):
        threads["sync"].append(threading.get_ident())
        return n

    for n in (1, 2):
        page.act({"btn.n_clicks": n})
    assert page.get("out.children") == page.get("side.children") == page.get("loop.children") == 2
    assert threads["inline"] == threads["async"] and len(threads["inline"]) == 2
    assert not set(threads["sync"]) & set(threads["inline"])


def test_inline_callbacks_may_call_asyncio_run_and_set_props():
    page = Page(layout())

    async def double(n):
        return 2 * n

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, inline=True)
    def clicked(n):
        set_props("side", {"children": f"side {n}"})
        return asyncio.run(double(n))

    for n in (1, 2):
        page.act({"btn.n_clicks": n})
        assert page.get("out.children") == 2 * n
        assert page.get("side.children") == f"side {n}"


def test_an_inline_callback_that_raises_becomes_an_error_line_and_on_error_still_runs():
    page = Page(layout())
    handled: list[str] = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, inline=True)
    def plain(n):
        raise ValueError("plain broke")

    @page.callback(Output("side", "children"), Input("btn", "n_clicks"), prevent_initial_call=True, inline=True,
                   on_error=lambda exc: handled.append(str(exc)) or "recovered")
    def guarded(n):
        raise ValueError("guarded broke")

    lines = page.act({"btn.n_clicks": 1})
    errors = [line["error"] for line in lines if "error" in line]
    assert [e["cb"] for e in errors] == [0] and "plain broke" in errors[0]["message"]
    assert page.get("side.children") == "recovered" and handled == ["guarded broke"]


@pytest.mark.parametrize("options, words", [
    ({"inline": True, "timeout": 2}, "cannot be timed out"),
    ({"inline": "yes"}, "inline= takes True or False"),
    ({"timeout": 0}, "timeout= takes a number of seconds above 0"),
    ({"timeout": "5"}, "timeout= takes a number of seconds above 0"),
    ({"timeout": True}, "timeout= takes a number of seconds above 0"),
])
def test_inline_and_timeout_options_are_checked_when_declared(options, words):
    app = Dash(__name__)
    with pytest.raises(ValidationError, match=words) as caught:
        @app.callback(Output("out", "children"), Input("btn", "n_clicks"), **options)
        def declared(n):
            return n
    assert "callback 'declared'" in str(caught.value)


def test_inline_is_refused_on_an_async_callback():
    app = Dash(__name__)
    with pytest.raises(ValidationError, match="an async callback runs on the event loop already"):
        @app.callback(Output("out", "children"), Input("btn", "n_clicks"), inline=True)
        async def declared(n):
            return n


def test_the_removed_automatic_promotion_option_says_what_replaced_it():
    for value in (True, False):
        with pytest.raises(TypeError, match=r"inline_fast_callbacks=\.\.\.\) was removed.*inline=True"):
            Dash(__name__, inline_fast_callbacks=value)
