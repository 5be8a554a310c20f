"""The headless Client's runtime follows the renderer's (renderer/src/*.ts, docs/protocol.md): document order of
pattern matches, `running` props, narrowed MATCH read sets, unknown stream lines, lenient Patch `remove`."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable
from typing import Any

import orjson
import pytest

from propwire import ALL, MATCH, Dash, Input, Output, Patch, State, dcc, html
from propwire.testing.graph import ClientGraph
from propwire.testing.patching import apply_ops
from propwire.testing.patterns import parse_pattern
from propwire.testing.runtime import Runtime
from propwire.testing.store import UNSET, Store

Drive = Callable[..., Any]


def item(index: int, value: str) -> dict:
    return {"type": "Input", "namespace": "dcc", "props": {"id": {"type": "item", "index": index}, "value": value}}


def div(id_: str, children: list) -> dict:
    return {"type": "Div", "namespace": "html", "props": {"id": id_, "children": children}}


def ident(index: int, kind: str = "item") -> str:
    """The id string of {"type": kind, "index": index}."""
    return orjson.dumps({"index": index, "type": kind}, option=orjson.OPT_SORT_KEYS).decode()


def key(index: int, prop: str = "value", kind: str = "item") -> str:
    return f"{ident(index, kind)}.{prop}"


# -- 1. document order ------------------------------------------------------------------------------

def test_pattern_matches_follow_document_order_not_insertion_order() -> None:
    store = Store(div("root", [div("top", []), div("bottom", [item(1, "b")])]))
    store.set_prop("top", "children", [item(7, "t"), item(3, "u")])  # inserted later, but earlier in the page
    store.set_prop("bottom", "children", [item(1, "b"), item(0, "c")])
    pattern = parse_pattern('{"index":["ALL"],"type":"item"}')
    assert pattern is not None
    order = [orjson.loads(i)["index"] for i in store.matching(pattern)]
    assert order == [7, 3, 1, 0]
    assert store.sort_ids([ident(0), "nowhere", ident(3)]) == [ident(3), ident(0), "nowhere"]


def ordered_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("add", id="add"),
        html.Div(id="top", children=[]),
        html.Div(id="bottom", children=[dcc.Input(id={"type": "item", "index": 0}, value="first")]),
        html.Div(id="joined"),
    ])

    @app.callback(Output("top", "children"), Input("add", "n_clicks"), State("top", "children"),
                  prevent_initial_call=True)
    def add(n, children):
        return children + [dcc.Input(id={"type": "item", "index": n}, value=f"new{n}")]

    @app.callback(Output("joined", "children"), Input({"type": "item", "index": ALL}, "value"))
    def join(values):
        return ",".join(values)

    return app


def test_all_values_reach_the_server_in_document_order(propwire_driver: Drive) -> None:
    page = propwire_driver(ordered_app())
    assert page.text("joined") == "first"
    page.click("add")
    page.click("add")
    page.type({"type": "item", "index": 0}, "old")  # the event lists the items in page order
    assert page.text("joined") == "new1,new2,old"


def test_present_lists_dict_ids_in_document_order(propwire_client: Drive) -> None:
    page = propwire_client(ordered_app())
    page.click("add")
    page.type({"type": "item", "index": 1}, "x")
    body = page._rt.log[-1].body
    assert [k for k in body["present"] if k.startswith("{")] == [ident(1), ident(0)]
    assert list(body["values"]) == [key(1), key(0)]


# -- 2. running props -------------------------------------------------------------------------------

RUNNING_GRAPH = {"props": ["go.n_clicks", "out.children"], "triggers": {"go.n_clicks": [0]},
                 "callbacks": [{"values": [0], "ids": ["go", "out"], "writes": [1],
                                "running": [["go.disabled", True, False]]}]}


def page_runtime(graph: dict, layout: Any, answer: list[dict] | None = None) -> tuple[Runtime, list[dict]]:
    """A Runtime on a page; events are answered with `answer` lines (their bodies are kept)."""
    sent: list[dict] = []

    async def post(body: bytes) -> tuple[int, bytes]:
        sent.append(orjson.loads(body))
        return 200, b"\n".join(orjson.dumps(line) for line in answer or [])

    return Runtime(Store(layout), ClientGraph(graph), post), sent


def run(coro_fn: Callable[[], Any]) -> Any:
    """asyncio.run, in a thread of its own when a loop already runs here (Playwright's sync API leaves one)."""
    async def main() -> Any:
        return await coro_fn()
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main()).result()


def button() -> dict:
    """A fresh layout (the store changes the component dicts it holds)."""
    return div("page", [{"type": "Button", "namespace": "html", "props": {"id": "go"}}, div("out", [])])


def test_running_props_are_set_back_when_the_stream_ends_without_a_result() -> None:
    async def go() -> list:
        rt, _ = page_runtime(RUNNING_GRAPH, button())
        rt.page_lines([{"plan": {"callbacks": [0], "props": ["out.children"]}}, {"start": {"cb": 0}}])
        seen = [rt.store.value("go.disabled")]
        rt.page_ended()  # no result, skip or error for cb 0, and no done line
        seen.append(rt.store.value("go.disabled"))
        return seen + [rt.reports]

    on, off, reports = run(go)
    assert (on, off) == (True, False)
    assert reports and "ended early" in reports[0]


def test_running_props_of_an_event_stream_that_breaks_off_are_set_back() -> None:
    async def go() -> tuple:
        rt, sent = page_runtime(RUNNING_GRAPH, button(), [{"plan": {"callbacks": [0], "props": []}},
                                                        {"start": {"cb": 0}}])  # then the stream ends
        rt.page_lines([{"plan": {"callbacks": [], "props": []}}, {"done": {"seq": 0}}])
        rt.user_change([("go", {"n_clicks": 1})])
        await rt.wait_idle(5)
        return rt.store.value("go.disabled"), [line for e in rt.log for line in e.lines], len(sent)

    disabled, lines, events = run(go)
    assert events == 1 and {"start": {"cb": 0}} in lines
    assert disabled is False


def test_running_props_wait_for_the_last_instance() -> None:
    async def go() -> list:
        rt, _ = page_runtime(RUNNING_GRAPH, button())
        seen: list = []
        for line in [{"plan": {"callbacks": [0], "props": ["out.children"]}}, {"start": {"cb": 0}},
                     {"start": {"cb": 0}}, {"result": {"cb": 0, "outputs": {}, "reads": []}},
                     {"skip": {"cb": 0, "reason": "PreventUpdate"}}, {"done": {"seq": 0}}]:
            rt.page_lines([line])
            seen.append(rt.store.value("go.disabled"))
        return seen

    assert run(go) == [UNSET, True, True, True, False, False]


def test_running_props_with_instances_left_are_set_back_at_the_end() -> None:
    async def go() -> Any:
        rt, _ = page_runtime(RUNNING_GRAPH, button())
        rt.page_lines([{"plan": {"callbacks": [0], "props": []}}, {"start": {"cb": 0}}, {"start": {"cb": 0}},
                       {"error": {"cb": 0, "message": "boom"}}])
        still = rt.store.value("go.disabled")
        rt.page_lines([{"done": {"seq": 0}}])
        return still, rt.store.value("go.disabled")

    assert run(go) == (True, False)


# -- 3. narrowed MATCH read sets ----------------------------------------------------------------------

def narrow_app(n: int) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Div([dcc.Input(id={"type": "item", "index": i}, value=f"v{i}"),
                                     html.Div(id={"type": "echo", "index": i})]) for i in range(n)])

    @app.callback(Output({"type": "echo", "index": MATCH}, "children"),
                  Input({"type": "item", "index": MATCH}, "value"))
    def echo(value):
        return value.upper()

    return app


def test_a_match_callback_reads_only_the_triggered_instance(propwire_client: Drive) -> None:
    page = propwire_client(narrow_app(5))
    assert page.text({"type": "echo", "index": 4}) == "V4"
    page.type({"type": "item", "index": 2}, "hey")
    assert page.text({"type": "echo", "index": 2}) == "HEY"
    assert page.text({"type": "echo", "index": 3}) == "V3"
    body = page._rt.log[-1].body
    assert body["values"] == {key(2): "hey"}
    assert sorted(body["present"]) == sorted([ident(2), ident(2, "echo")])
    assert page.errors() == []


NARROW_GRAPH = {
    "props": ['{"index":["MATCH"],"type":"item"}.value', '{"index":["ALL"],"type":"item"}.value',
              '{"index":["MATCH"],"type":"echo"}.children'],
    "triggers": {'{"index":["MATCH"],"type":"item"}.value': [0]},
    "callbacks": [{"values": [0, 1], "ids": ['{"index":["MATCH"],"type":"item"}', '{"index":["MATCH"],"type":"echo"}'],
                   "writes": [2], "narrow": [0], "narrowIds": ['{"index":["MATCH"],"type":"item"}']}],
}


def test_narrow_expands_only_the_listed_patterns_to_the_triggered_instance() -> None:
    layout = div("root", [item(i, f"v{i}") for i in range(3)]
                 + [{"type": "Div", "namespace": "html", "props": {"id": {"type": "echo", "index": i}}}
                    for i in range(3)])
    graph, store = ClientGraph(NARROW_GRAPH), Store(layout)
    body = graph.build_event(store, 1, {key(1): "v1"}, [], [])
    # the MATCH read is narrowed; the ALL read of the same prop is not, nor the echo ids (not in narrowIds)
    assert list(body["values"]) == [key(1), key(0), key(2)]
    assert list(body["present"]) == [ident(1)] + [ident(i, "echo") for i in range(3)]
    # a follow-up runs the instances its triggers name; with none named, all of them
    named = graph.build_event(store, 2, {}, [{"cb": 0, "triggered": [key(2)]}], [])
    assert [k for k in named["present"] if '"item"' in k] == [ident(2)]
    every = graph.build_event(store, 3, {}, [{"cb": 0, "triggered": []}], [])
    assert [k for k in every["present"] if '"item"' in k] == [ident(i) for i in range(3)]


# -- 4. unknown stream lines ------------------------------------------------------------------------

def test_unknown_stream_lines_are_skipped_with_one_warning() -> None:
    async def go() -> Any:
        rt, _ = page_runtime(RUNNING_GRAPH, button())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rt.page_lines([{"plan": {"callbacks": [], "props": []}}, {"heartbeat": {"cb": 0, "pct": 10}},
                           {"heartbeat": {"cb": 0, "pct": 90}}, {"hint": 1},
                           {"note": {"cb": 0, "reason": "prevent_initial_call"}}, {"done": {"seq": 0}}])
        return [str(w.message) for w in caught], rt.reports, rt.busy

    messages, reports, busy = run(go)
    assert messages == ["propwire: skipping unknown stream line 'heartbeat'",
                        "propwire: skipping unknown stream line 'hint'"]
    assert reports == [] and not busy


def test_malformed_known_lines_are_reported_not_raised() -> None:
    async def go() -> list[str]:
        rt, _ = page_runtime(RUNNING_GRAPH, button())
        rt.page_lines([{"result": {"outputs": {}}}, {"plan": "x"}, [], {}, {"done": {"seq": 0}}])
        return rt.reports

    reports = run(go)
    assert len(reports) == 4 and all("bad stream line" in r for r in reports)


# -- 5. Patch remove of a missing item --------------------------------------------------------------

def test_patch_remove_of_a_missing_item_leaves_the_list_as_it_is() -> None:
    assert apply_ops([1, 2, 3], [["remove", [], 9]]) == [1, 2, 3]
    assert apply_ops([1, True, 1], [["remove", [], True]]) == [1, 1]  # True is not 1, as in JavaScript
    assert apply_ops({"a": [{"x": 1, "y": 2}]}, [["remove", ["a"], {"y": 2, "x": 1}]]) == {"a": []}
    assert apply_ops(None, [["remove", [], 1]]) == []
    assert apply_ops({"l": [1, 2]}, [["remove", ["l"], 5], ["append", ["l"], 3], ["remove", ["l"], 1]]) == {
        "l": [2, 3]}
    with pytest.raises(ValueError, match="needs a list"):
        apply_ops("abc", [["remove", [], "a"]])


def test_a_patch_removing_a_missing_item_is_no_error(propwire_driver: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"), dcc.Dropdown(id="dd", options=["a", "b", "c"], multi=True,
                                                                    value=["a", "b"])])

    @app.callback(Output("dd", "options"), Input("go", "n_clicks"), prevent_initial_call=True)
    def drop(n):
        options = Patch()
        options.remove("zz")  # not there: nothing happens
        options.remove("c")
        return options

    page = propwire_driver(app)
    page.click("go")
    assert page.prop("dd", "options") == ["a", "b"]
    assert page.errors() == []


def test_a_patch_that_cannot_apply_is_reported_and_the_rest_applied() -> None:
    graph = {"props": ["a.children", "b.children"], "triggers": {}, "callbacks": [{"values": [], "ids": []}]}
    layout = div("root", [{"type": "Div", "namespace": "html", "props": {"id": "a", "children": "text"}},
                          {"type": "Div", "namespace": "html", "props": {"id": "b", "children": [1]}}])

    async def go() -> Any:
        rt, _ = page_runtime(graph, layout)
        rt.page_lines([{"plan": {"callbacks": [0], "props": []}},
                       {"result": {"cb": 0, "outputs": {}, "reads": [],
                                   "patches": {"a.children": [["remove", [], "t"]],
                                               "b.children": [["append", [], 2]]}}},
                       {"done": {"seq": 0}}])
        return rt.store.value("a.children"), rt.store.value("b.children"), rt.reports

    a, b, reports = run(go)
    assert (a, b) == ("text", [1, 2])
    assert len(reports) == 1 and "cannot apply its Patch to a.children" in reports[0]



def test_a_user_change_equal_to_the_held_value_is_dropped_as_dash_setprops_drops_it():
    from propwire.core.json_values import same_json
    from propwire.testing import Client

    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="s", data={"a": [1, 2]}), dcc.Input(id="i", value="x"), html.Div(id="out")])
    runs: list[Any] = []

    @app.callback(Output("out", "children"), Input("s", "data"), Input("i", "value"), prevent_initial_call=True)
    def show(data, value):
        runs.append((data, value))
        return str(len(runs))

    with Client(app) as client:
        client.open("/")
        client.set_props("s", data={"a": [1, 2]})  # a new object, the same JSON
        client.set_props("i", value="x")
        assert runs == []
        client.set_props("s", data={"a": [1, 2], "b": True})
        assert runs == [({"a": [1, 2], "b": True}, "x")]
    assert not same_json(True, 1) and not same_json(None, UNSET) and same_json({"a": 1, "b": 2}, {"b": 2, "a": 1.0})
