"""Engine unit tests: one scenario per callback rule S1–S9 of docs/semantics.md."""

import asyncio
import threading
import time

import pytest

from propwire import Input, Output, State, ctx, no_update
from propwire.api.exceptions import CallbackError, MissingCallbackContextException, PreventUpdate

from .harness import Page, el


def test_s1_initial_call_runs_with_none_for_missing_props():
    page = Page(el("Div", [el("Button", "go", id="btn"), el("Div", "not run", id="out")]))
    seen = []

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        seen.append((n, bool(ctx.triggered), ctx.triggered[0]["prop_id"].split(".")))
        return f"n={n}"

    page.load()
    assert page.get("out.children") == "n=None"
    assert seen == [(None, False, ["", ""])]


def test_s1_prevent_initial_call_and_app_default():
    page = Page(el("Div", [el("Button", id="btn"), el("Div", "x", id="a"), el("Div", "y", id="b")]),
                prevent_initial_callbacks=True)

    @page.callback(Output("a", "children"), Input("btn", "n_clicks"))
    def a(n):
        return "a ran"

    @page.callback(Output("b", "children"), Input("btn", "n_clicks"), prevent_initial_call=False)
    def b(n):
        return "b ran"

    page.load()
    assert page.get("a.children") == "x"
    assert page.get("b.children") == "b ran"


def test_s1_absent_inputs_skip_and_their_dependents_skip():
    page = Page(el("Div", [el("Div", "o1", id="o1"), el("Div", "o2", id="o2")]))

    @page.callback(Output("o1", "children"), Input("missing", "value"))
    def first(v):
        return "first"

    @page.callback(Output("o2", "children"), Input("o1", "children"))
    def second(v):
        return "second"

    page.load()
    assert page.ran() == []
    assert page.get("o2.children") == "o2"


def test_s1_prevented_callback_runs_when_initial_upstream_writes_its_input():
    page = Page(el("Div", [el("Div", id="src"), el("Div", id="mid"), el("Div", id="end")]))

    @page.callback(Output("mid", "children"), Input("src", "children"))
    def up(v):
        return "from up"

    @page.callback(Output("end", "children"), Input("mid", "children"), prevent_initial_call=True)
    def down(v):
        return f"down saw {v}; triggered={[t['prop_id'] for t in ctx.triggered]}"

    page.load()
    assert page.get("end.children") == "down saw from up; triggered=['mid.children']"


def test_s2_waits_for_every_pending_upstream_and_runs_once():
    page = Page(el("Div", [el("Button", id="btn"), el("Div", id="a"), el("Div", id="b"), el("Div", id="c")]))
    calls = []

    @page.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def fast(n):
        return f"a{n}"

    @page.callback(Output("b", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        time.sleep(0.2)
        return f"b{n}"

    @page.callback(Output("c", "children"), Input("a", "children"), Input("b", "children"), prevent_initial_call=True)
    def join(a, b):
        calls.append((a, b, sorted(t["prop_id"] for t in ctx.triggered)))
        return f"{a}+{b}"

    page.act({"btn.n_clicks": 1})
    assert calls == [("a1", "b1", ["a.children", "b.children"])]
    assert page.ran() == ["fast", "slow", "join"]


def test_s2_state_neither_triggers_nor_blocks():
    page = Page(el("Div", [el("Input", ns="dcc", id="in", value="x"), el("Button", id="btn"), el("Div", id="out")]))

    @page.callback(Output("out", "children"), Input("btn", "n_clicks"), State("in", "value"), prevent_initial_call=True)
    def show(n, value):
        return f"{n}:{value}"

    assert page.act({"in.value": "typed"}) == [{"plan": {"callbacks": [], "props": []}}]
    page.act({"btn.n_clicks": 1})
    assert page.get("out.children") == "1:typed"


def test_s2_pending_prop_from_earlier_event_defers():
    page = Page(el("Div", [el("Button", id="fast"), el("Div", id="f"), el("Div", id="s"), el("Div", id="t")]))

    @page.callback(Output("f", "children"), Input("fast", "n_clicks"), prevent_initial_call=True)
    def first(n):
        return "fast"

    @page.callback(Output("t", "children"), Input("f", "children"), Input("s", "children"), prevent_initial_call=True)
    def third(f, s):
        return "third"

    page.load()
    lines = page.act({"fast.n_clicks": 1}, pending={"s.children"})
    assert page.ran() == ["first"]
    assert {"deferred": {"cb": 1, "triggered": ["f.children"]}} in lines


def test_s3_one_action_changing_two_inputs_runs_once_with_both_triggers():
    page = Page(el("Div", [el("Input", ns="dcc", id="in", value=""), el("Div", id="out")]))

    @page.callback(Output("out", "children"), Input("in", "value"), Input("in", "n_submit"), prevent_initial_call=True)
    def show(value, n):
        return ",".join(sorted(t["prop_id"] for t in ctx.triggered))

    page.act({"in.value": "x", "in.n_submit": 1})
    assert page.ran() == ["show"]
    assert page.get("out.children") == "in.n_submit,in.value"


def test_s4_equal_value_still_triggers_but_no_update_prevent_and_errors_do_not():
    page = Page(el("Div", [el("Input", ns="dcc", id="in", value=""), el("Div", "same", id="mid"), el("Div", id="end")]))
    downstream = []

    @page.callback(Output("mid", "children"), Input("in", "value"), prevent_initial_call=True)
    def middle(v):
        if v == "skip":
            return no_update
        if v == "prevent":
            raise PreventUpdate
        if v == "boom":
            raise ValueError("boom")
        return "same"

    @page.callback(Output("end", "children"), Input("mid", "children"), prevent_initial_call=True)
    def end(v):
        downstream.append(v)
        return v

    page.act({"in.value": "x"})
    assert downstream == ["same"]
    for value in ("skip", "prevent", "boom"):
        page.act({"in.value": value})
    assert downstream == ["same"]
    assert [k for k in page.kinds()] == ["plan", "error"]
    assert "ValueError: boom" in page.lines[1]["error"]["traceback"]


def test_s5_inserted_components_follow_prevent_initial_call_rules():
    page = Page(el("Div", [el("Location", ns="dcc", id="url", pathname="/"), el("Div", id="layout-div"),
                           el("Div", id="content")]))
    log = []

    @page.callback(Output("content", "children"), Input("url", "pathname"))
    def display_page(pathname):
        return el("Div", [el("Input", ns="dcc", id="input", value="hello world"), el("Div", id="output")])

    @page.callback(Output("output", "children"), Input("input", "value"), prevent_initial_call=True)
    def update_output(value):
        log.append("update_output")
        return value

    @page.callback(Output("layout-div", "children"), Input("input", "value"), prevent_initial_call=True)
    def update_layout_div(value):
        log.append(("update_layout_div", [t["prop_id"] for t in ctx.triggered]))
        return value

    page.load()
    assert log == [("update_layout_div", ["input.value"])]
    assert page.get("layout-div.children") == "hello world"
    assert page.get("output.children") is None
    log.clear()
    page.act({"input.value": "typed"})
    assert sorted(x if isinstance(x, str) else x[0] for x in log) == ["update_layout_div", "update_output"]


def test_s5_callbacks_whose_outputs_left_the_layout_stop():
    page = Page(el("Div", [el("Button", id="clear"), el("Button", id="poke"),
                           el("Div", [el("Div", "inner", id="inner")], id="box")]))

    @page.callback(Output("box", "children"), Input("clear", "n_clicks"), prevent_initial_call=True)
    def clear(n):
        return "emptied"

    @page.callback(Output("inner", "children"), Input("poke", "n_clicks"), prevent_initial_call=True)
    def poke(n):
        return "poked"

    page.load()
    page.act({"clear.n_clicks": 1})
    assert not page.state.has("inner")
    lines = page.act({"poke.n_clicks": 1})
    assert page.ran() == []
    assert {"skip": {"cb": 1, "reason": "output not in layout"}} in lines


def test_s6_same_callback_cycle_runs_once_and_multi_callback_cycle_is_rejected():
    page = Page(el("Div", [el("Slider", ns="dcc", id="s", value=3), el("Input", ns="dcc", id="i", value=3)]))
    calls = []

    @page.callback(Output("i", "value"), Output("s", "value"), Input("i", "value"), Input("s", "value"))
    def sync(i, s):
        trigger = ctx.triggered[0]["prop_id"].split(".")[0]
        calls.append(trigger)
        value = i if trigger == "i" else s
        return value, value

    page.load()
    calls.clear()
    page.act({"s.value": 7})
    assert calls == ["s"]
    assert page.get("i.value") == 7

    bad = Page(el("Div", [el("Div", id="x"), el("Div", id="y")]))
    bad.callback(Output("x", "children"), Input("y", "children"))(lambda v: v)
    bad.callback(Output("y", "children"), Input("x", "children"))(lambda v: v)
    with pytest.raises(CallbackError, match="circular"):
        bad.engine


def test_s7_stale_results_are_marked_by_what_they_read():
    page = Page(el("Div", [el("Input", ns="dcc", id="in", value=""), el("Div", id="out")]))

    @page.callback(Output("out", "children"), Input("in", "value"), prevent_initial_call=True)
    def echo(v):
        return v

    lines = page.act({"in.value": "a"})
    result = lines[1]["result"]
    assert result["reads"] == ["in.value"] and result["triggered"] == ["in.value"]
    graph = page.engine.graph.to_client()
    assert [graph["props"][i] for i in graph["callbacks"][0]["writes"]] == ["out.children"]


def test_s8_errors_hide_internals_without_debug():
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o")]))

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def fails(n):
        raise RuntimeError("secret detail")

    page.engine.debug = False
    lines = page.act({"b.n_clicks": 1})
    assert "secret" not in str(lines)
    assert "fails" in lines[1]["error"]["message"]
    page.act({"b.n_clicks": 2})  # still works
    assert page.kinds() == ["plan", "error"]


def test_s8_wrong_output_count_and_unserializable_value_name_callback_and_output():
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o1"), el("Div", id="o2")]))

    @page.callback(Output("o1", "children"), Output("o2", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def two(n):
        return ["only one"] if n == 1 else (object(), "ok")

    page.engine.debug = False
    msg = page.act({"b.n_clicks": 1})[1]["error"]["message"]
    assert "two" in msg and "expected a list or tuple of 2 values, got 1 values" in msg and "o2.children" in msg
    msg = page.act({"b.n_clicks": 2})[1]["error"]["message"]
    assert "'o1.children'" in msg and "two" in msg


def test_s9_ctx_attributes_and_outside_use():
    page = Page(el("Div", [el("Button", id="b"), el("Input", ns="dcc", id="i", value="v"), el("Div", id="o")]))
    seen = {}

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), State("i", "value"), prevent_initial_call=True)
    def show(n, v):
        seen.update(triggered_id=ctx.triggered_id, prop_ids=ctx.triggered_prop_ids, inputs=ctx.inputs,
                    states=ctx.states, outputs=ctx.outputs_list, inputs_list=ctx.inputs_list,
                    states_list=ctx.states_list, grouping=ctx.args_grouping)
        ctx.response.set_cookie("flavour", "mint")
        ctx.record_timing("work", 0.25, "the work")
        return "ok"

    page.act({"b.n_clicks": 1})
    assert seen["triggered_id"] == "b"
    assert seen["prop_ids"] == {"b.n_clicks": "b"}
    assert seen["inputs"] == {"b.n_clicks": 1} and seen["states"] == {"i.value": "v"}
    assert seen["outputs"] == {"id": "o", "property": "children"}
    assert seen["inputs_list"] == [{"id": "b", "property": "n_clicks", "value": 1}]
    assert seen["states_list"] == [{"id": "i", "property": "value", "value": "v"}]
    assert seen["grouping"][0] == {"id": "b", "str_id": "b", "property": "n_clicks", "value": 1, "triggered": True}
    assert seen["grouping"][1].triggered is False
    with pytest.raises(MissingCallbackContextException):
        ctx.triggered


def test_async_callbacks_run_concurrently_with_sync_ones():
    """Each waits until it sees the other running: neither could finish if the chain ran them one by one."""
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="x"), el("Div", id="y")]))
    async_running, sync_running = threading.Event(), threading.Event()

    @page.callback(Output("x", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    async def one(n):
        async_running.set()
        for _ in range(500):
            if sync_running.is_set():
                return ctx.triggered_id
            await asyncio.sleep(0.01)
        return "the sync callback never ran alongside"

    @page.callback(Output("y", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def two(n):
        sync_running.set()
        return "y" if async_running.wait(5) else "the async callback never ran alongside"

    page.act({"b.n_clicks": 1})
    assert page.get("x.children") == "b" and page.get("y.children") == "y"
