"""Clientside callbacks in the engine: the planner hands each call to the browser (a Client item) and the chain
around it waits for the follow-up event that carries its outputs (docs/callbacks.md, "Clientside callbacks")."""

from __future__ import annotations

from typing import Any

import pytest

from propwire import ALL, MATCH, ClientsideFunction, Input, Output, State
from propwire.api.callbacks import make_spec
from propwire.api.clientside import INLINE_NAMESPACE, inline_script, make_clientside_spec
from propwire.api.dependencies import id_string
from propwire.api.exceptions import ValidationError
from propwire.core.engine import Engine, Event, collect
from propwire.core.graph import Graph
from propwire.core.layout import LayoutView, walk
from propwire.core.outcomes import Client, Deferred, Plan, Result

from .harness import el, run_async

JS = "function(v) { return v; }"


def _engine(layout: dict, specs: list) -> Engine:
    ids = frozenset(id_string(c["props"]["id"]) for c, _ in walk(layout) if "id" in c["props"])
    return Engine(Graph(specs, layout_ids=ids), component_dicts=True)


def _server(name: str, *deps: Any, calls: list, **kwargs: Any):
    def func(*args: Any) -> Any:
        calls.append((name, args))
        return f"{name}({','.join(map(str, args))})"
    func.__name__ = name
    return make_spec(func, deps, kwargs)


def _items(engine: Engine, layout: dict, event: Event | None = None) -> list:
    view = LayoutView.from_layout(layout)
    if event is None:
        chain = engine.initial(view)
    else:
        for key, value in {**event.values, **event.changed}.items():
            view.set(key, value)
        chain = engine.event(event, view)
    return [i for i in run_async(collect(chain)) if not isinstance(i, Plan)]


def _layout() -> dict:
    return el("Div", [el("Input", id="a", ns="dcc", value=1), el("Div", id="s"), el("Div", id="c"),
                      el("Div", id="d")])


def test_server_then_clientside_then_server_hands_the_client_step_and_waits():
    calls: list = []
    layout = _layout()
    specs = [_server("S", Output("s", "children"), Input("a", "value"), calls=calls),
             make_clientside_spec(JS, (Output("c", "children"), Input("s", "children")), {}),
             _server("D", Output("d", "children"), Input("c", "children"), calls=calls)]
    engine = _engine(layout, specs)
    assert engine.graph.local_clientside == frozenset()  # S writes its Input: the server plans it
    items = _items(engine, layout)
    assert [type(i) for i in items] == [Result, Client]  # D waits for C and is not deferred: C's outputs trigger it
    assert items[1] == Client(1, ["s.children"], ["s.children"], [], ["c.children"])  # S wrote its Input first
    assert calls == [("S", (1,))]
    # The browser ran C and sends its output as the follow-up event: D runs, C is not handed again.
    calls.clear()
    follow = Event(changed={"c.children": "x"}, ran=[1])
    items = _items(engine, layout, follow)
    assert [(type(i), i.cb) for i in items] == [(Result, 2)]
    assert calls == [("D", ("x",))]


def test_a_callback_with_a_server_trigger_waiting_on_a_client_step_is_deferred_with_its_trigger():
    calls: list = []
    layout = _layout()
    specs = [_server("S", Output("s", "children"), Input("a", "value"), calls=calls, prevent_initial_call=True),
             make_clientside_spec(JS, (Output("c", "children"), Input("s", "children")), {"prevent_initial_call": True}),
             _server("D", Output("d", "children"), Input("s", "children"), Input("c", "children"), calls=calls,
                     prevent_initial_call=True)]
    engine = _engine(layout, specs)
    items = _items(engine, layout, Event(changed={"a.value": 5}))
    assert [type(i) for i in items] == [Result, Client, Deferred]
    assert items[1].triggered == ["s.children"]
    assert items[2] == Deferred(2, ["s.children"])  # never run with C's old output (S2)
    assert calls == [("S", (5,))]


def test_local_clientside_is_never_triggered_by_the_server():
    calls: list = []
    layout = _layout()
    specs = [make_clientside_spec(JS, (Output("c", "children"), Input("a", "value")), {}),
             _server("D", Output("d", "children"), Input("c", "children"), calls=calls)]
    engine = _engine(layout, specs)
    assert engine.graph.local_clientside == frozenset({0})
    table = engine.graph.to_client()["clientside"]
    assert table["order"] == [0]
    assert table["callbacks"]["0"]["local"] is True and table["callbacks"]["0"]["ns"] == INLINE_NAMESPACE
    # The browser ran C before sending: the event carries the user's change and C's output.
    items = _items(engine, layout, Event(changed={"a.value": 2, "c.children": 2}, ran=[0]))
    assert [(type(i), i.cb) for i in items] == [(Result, 1)]
    assert calls == [("D", (2,))]
    # Even unnamed in `ran`, a local callback is the browser's: a change to its Input hands nothing over.
    items = _items(engine, layout, Event(changed={"a.value": 3}))
    assert not any(isinstance(i, Client) for i in items)


def test_clientside_reading_its_own_output_is_not_handed_again_by_its_follow_up():
    layout = _layout()
    calls: list = []
    specs = [_server("S", Output("s", "children"), Input("a", "value"), calls=calls, prevent_initial_call=True),
             make_clientside_spec(JS, (Output("c", "children"), Input("s", "children"), Input("c", "children")),
                                  {"prevent_initial_call": True})]
    engine = _engine(layout, specs)
    assert [type(i) for i in _items(engine, layout, Event(changed={"a.value": 1}))] == [Result, Client]
    assert _items(engine, layout, Event(changed={"c.children": "z"}, ran=[1])) == []


def test_pattern_clientside_gets_the_concrete_keys_of_its_instance():
    layout = el("Div", [el("Button", id={"t": "b", "i": 1}), el("Button", id={"t": "b", "i": 2}),
                        el("Div", id={"t": "o", "i": 1}), el("Div", id={"t": "o", "i": 2}), el("Div", id="total")])
    specs = [make_clientside_spec(ClientsideFunction("ui", "one"), (Output({"t": "o", "i": MATCH}, "children"),
                                  Input({"t": "b", "i": MATCH}, "n_clicks")), {"prevent_initial_call": True}),
             make_clientside_spec(JS, (Output("total", "children"), Input({"t": "b", "i": ALL}, "n_clicks"),
                                  State("total", "children")), {"prevent_initial_call": True})]
    engine = _engine(layout, specs)
    assert engine.graph.local_clientside == frozenset()  # patterns: resolved by the server
    key = '{"i":2,"t":"b"}.n_clicks'
    items = _items(engine, layout, Event(changed={key: 1}))
    assert items == [Client(0, [key], [key], [], ['{"i":2,"t":"o"}.children']),
                     Client(1, [key], [['{"i":1,"t":"b"}.n_clicks', key]], ["total.children"], ["total.children"])]
    assert engine.graph.to_client()["clientside"]["callbacks"]["0"]["fn"] == "one"


def test_inline_script_defines_each_function_once_and_cannot_end_its_script_element():
    a = make_clientside_spec("function(x) { return '</script><b>'; }", (Output("c", "children"), Input("a", "value")), {})
    b = make_clientside_spec("function(x) { return '</script><b>'; }", (Output("d", "children"), Input("a", "value")), {})
    js = inline_script([a, b])
    assert js.count(a.clientside.function_name) == 1
    assert "</script" not in js.lower() and "<\\/script><b>" in js
    assert inline_script([make_spec(lambda x: x, (Output("c", "children"), Input("a", "value")), {})]) == ""


def test_clientside_declarations_are_checked():
    with pytest.raises(ValidationError, match="flat"):
        make_clientside_spec(JS, (), {"output": Output("c", "children"), "inputs": {"x": Input("a", "value")}})
    with pytest.raises(TypeError, match="background"):
        make_clientside_spec(JS, (Output("c", "children"), Input("a", "value")), {"background": True})
    with pytest.raises(ValueError, match="forbidden"):
        ClientsideFunction("_dashprivate_x", "f")
    with pytest.raises(Exception, match="inline JavaScript function"):
        make_clientside_spec(42, (Output("c", "children"), Input("a", "value")), {})


def test_an_event_naming_a_callback_that_is_not_clientside_in_ran_is_refused():
    import orjson

    from propwire.api.exceptions import BadEvent
    from propwire.protocol.events import parse_event

    calls: list = []
    layout = _layout()
    engine = _engine(layout, [make_clientside_spec(JS, (Output("c", "children"), Input("a", "value")), {}),
                              _server("D", Output("d", "children"), Input("c", "children"), calls=calls)])
    body = {"seq": 1, "changed": {"c.children": 1}, "ran": [0]}
    assert parse_event(orjson.dumps(body), engine.graph)[1].ran == [0]
    for bad in ([1], [7], ["0"], 0, [True]):
        with pytest.raises(BadEvent, match="ran"):
            parse_event(orjson.dumps({**body, "ran": bad}), engine.graph)
