"""Engine tests for the callback forms Dash accepts and propwire once refused or mishandled (issue 11, items 8,
10, 14, 16, 17, 18): callbacks without Outputs or Inputs, MATCH Outputs without a MATCH Input, optional
dependencies, the initial-call ctx.triggered placeholder, ids that differ only by bool vs int, memoize=."""

import time

import pytest

from propwire import MATCH, Input, Output, State, ctx
from propwire.api.context import set_props
from propwire.api.exceptions import InvalidCallbackReturnValue

from .harness import Page, el


def test_a_callback_without_outputs_runs_at_load_and_on_each_click_through_set_props():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="out")]))
    seen = []

    @page.callback(Input("go", "n_clicks"), State("out", "children"))
    def act(n, shown):
        seen.append((n, shown))
        set_props("out", {"children": f"clicked {n}"})

    page.load()
    assert page.get("out.children") == "clicked None"
    page.act({"go.n_clicks": 1})
    assert page.get("out.children") == "clicked 1"
    assert seen == [(None, None), (1, "clicked None")]


def test_a_callback_without_outputs_must_return_none():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="out")]))

    @page.callback(Input("go", "n_clicks"), prevent_initial_call=True)
    def act(n):
        return "a value with nowhere to go"

    page.load()
    lines = page.act({"go.n_clicks": 1})
    errors = [line["error"] for line in lines if "error" in line]
    assert len(errors) == 1, lines
    assert errors[0]["message"].startswith("callback 'act' (")
    assert "has no Outputs, so it must return None; got str 'a value with nowhere to go'" in errors[0]["message"]
    assert InvalidCallbackReturnValue.__name__ in errors[0]["traceback"]


def test_callbacks_without_inputs_run_once_at_load():
    page = Page(el("Div", [el("Input", ns="dcc", id="name", value="start"), el("Div", id="a"), el("Div", id="b")]))
    calls = []

    @page.callback(Output("a", "children"), State("name", "value"))
    def only_state(name):
        calls.append(("only_state", name))
        return f"state was {name}"

    @page.callback(Output("b", "children"))
    def nothing():
        calls.append(("nothing",))
        return "ran"

    page.load()
    assert page.get("a.children") == "state was start" and page.get("b.children") == "ran"
    page.act({"name.value": "changed"})  # a State never triggers
    assert sorted(calls) == [("nothing",), ("only_state", "start")]


def test_a_match_output_without_a_match_input_updates_every_instance():
    cells = [el("Div", id={"cell": i}) for i in range(3)]
    page = Page(el("Div", [el("Button", "go", id="go"), *cells]))

    @page.callback(Output({"cell": MATCH}, "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def fill(n):
        return f"{ctx.outputs_list['id']['cell']}: {n}"

    page.load()
    page.act({"go.n_clicks": 2})
    assert [page.get(f'{{"cell":{i}}}.children') for i in range(3)] == ["0: 2", "1: 2", "2: 2"]
    assert page.ran() == ["fill"] * 3


def test_optional_dependencies_give_none_while_their_component_is_absent():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="out")]), unknown=set())
    seen = []

    @page.callback(Output("out", "children"), Input("go", "n_clicks"), Input("later", "value", allow_optional=True),
                   State("gone", "value", allow_optional=True))
    def show(n, later, gone):
        seen.append((n, later, gone))
        return f"{n} {later} {gone}"

    page.load()
    page.act({"go.n_clicks": 1})
    assert seen == [(None, None, None), (1, None, None)]
    assert page.get("out.children") == "1 None None"


def test_initial_call_triggered_is_a_falsy_one_entry_placeholder():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="out")]))
    seen = []

    @page.callback(Output("out", "children"), Input("go", "n_clicks"))
    def show(n):
        seen.append((bool(ctx.triggered), len(ctx.triggered), [p["prop_id"] for p in ctx.triggered][0],
                     ctx.triggered[0]["value"], ctx.triggered_id))
        return "x"

    page.load()
    page.act({"go.n_clicks": 1})
    assert seen == [(False, 1, ".", None, None), (True, 1, "go.n_clicks", 1, "go")]


def test_ids_that_differ_only_by_true_versus_one_are_two_components():
    page = Page(el("Div", [el("Button", "1", id={"t": "b", "i": 1}), el("Button", "T", id={"t": "b", "i": True}),
                           el("Div", id={"t": "o", "i": 1}), el("Div", id={"t": "o", "i": True})]))

    @page.callback(Output({"t": "o", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"),
                   prevent_initial_call=True)
    def press(n):
        return f"{ctx.triggered_id['i']!r} {n}"

    page.load()
    page.act({'{"i":true,"t":"b"}.n_clicks': 1})
    assert page.get('{"i":true,"t":"o"}.children') == "True 1"
    assert page.get('{"i":1,"t":"o"}.children') is None
    page.act({'{"i":1,"t":"b"}.n_clicks': 5})
    assert page.get('{"i":1,"t":"o"}.children') == "1 5" and page.get('{"i":true,"t":"o"}.children') == "True 1"


def test_match_instances_with_bindings_of_different_types_finishing_together():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id={"k": 1}), el("Div", id={"k": "x"})]))

    @page.callback(Output({"k": MATCH}, "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        time.sleep(0.05)  # both instances are done by the time the engine looks
        return f"{ctx.outputs_list['id']['k']} {n}"

    page.load()
    page.act({"go.n_clicks": 1})
    assert page.get('{"k":1}.children') == "1 1" and page.get('{"k":"x"}.children') == "x 1"


@pytest.mark.parametrize("option", [True, 60, {"ttl": 60}])
def test_memoize_calls_the_function_once_per_distinct_arguments(option):
    page = Page(el("Div", [el("Input", ns="dcc", id="x", value="a"), el("Div", id="out")]))
    calls = []

    @page.callback(Output("out", "children"), Input("x", "value"), memoize=option)
    def upper(x):
        calls.append(x)
        return x.upper()

    page.load()
    page.act({"x.value": "b"})
    page.act({"x.value": "a"})
    assert page.get("out.children") == "A"
    assert calls == ["a", "b"]


def test_using_outputs_grouping_and_using_args_grouping_tell_flat_from_grouped():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="a"), el("Div", id="b"), el("Div", id="c")]))
    seen = {}

    @page.callback({"x": Output("a", "children")}, {"n": Input("go", "n_clicks")})
    def grouped(n):
        seen["grouped"] = (ctx.using_outputs_grouping, ctx.using_args_grouping)
        return {"x": "g"}

    @page.callback([Output("b", "children"), Output("c", "children")], [Input("go", "n_clicks")])
    def flat(n):
        seen["flat"] = (ctx.using_outputs_grouping, ctx.using_args_grouping)
        return "f", "f"

    page.load()
    assert seen == {"grouped": (True, True), "flat": (False, False)}
    assert page.get("a.children") == "g" and page.get("c.children") == "f"


def test_an_absent_state_keeps_the_call_from_happening_unless_it_is_allow_optional():
    page = Page(el("Div", [el("Button", "go", id="go"), el("Div", id="a"), el("Div", id="b")]))
    calls = []

    @page.callback(Output("a", "children"), Input("go", "n_clicks"), State("gone", "value"))
    def strict(n, gone):
        calls.append(("strict", n))
        return "strict ran"

    @page.callback(Output("b", "children"), Input("go", "n_clicks"), State("gone", "value", allow_optional=True))
    def lenient(n, gone):
        calls.append(("lenient", n, gone))
        return "lenient ran"

    page.load()
    lines = page.act({"go.n_clicks": 1})
    assert calls == [("lenient", None, None), ("lenient", 1, None)]
    assert {"skip": {"cb": 0, "reason": "state not in layout"}} in lines
    assert page.get("a.children") is None and page.get("b.children") == "lenient ran"


def test_an_absent_match_state_is_optional_per_instance():
    page = Page(el("Div", [el("Button", "0", id={"b": 0}), el("Button", "1", id={"b": 1}),
                           el("Input", ns="dcc", id={"b": 0, "s": 1}, value="s0"),
                           el("Div", id={"b": 0, "o": 1}), el("Div", id={"b": 1, "o": 1})]))
    seen = []

    @page.callback(Output({"b": MATCH, "o": 1}, "children"), Input({"b": MATCH}, "n_clicks"),
                   State({"b": MATCH, "s": 1}, "value", allow_optional=True), prevent_initial_call=True)
    def f(n, s):
        seen.append((ctx.triggered_id["b"], s))
        return f"{n} {s}"

    page.load()
    page.act({'{"b":1}.n_clicks': 1})
    page.act({'{"b":0}.n_clicks': 1})
    assert seen == [(1, None), (0, "s0")]


def test_an_absent_optional_only_input_prevents_the_call_until_its_component_appears():
    page = Page(el("Div", [el("Button", "add", id="add"), el("Div", id="slot"), el("Div", id="out")]))
    seen = []

    @page.callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
    def add(n):
        return el("Input", ns="dcc", id="later", value=f"later {n}")

    @page.callback(Output("out", "children"), Input("later", "value", allow_optional=True))
    def show(v):
        seen.append(v)
        return f"got {v}"

    page.load()
    assert seen == [] and page.get("out.children") is None  # as Dash: every Input absent, no call
    page.act({"add.n_clicks": 1})
    assert seen == ["later 1"] and page.get("out.children") == "got later 1"
