"""The headless client's store follows a library's children-prop paths into dicts as the renderer's does
(renderer/test/dash_api.test.ts has the same cases): the same values, the same positions."""

from __future__ import annotations

import dash_mantine_components as dmc

from propwire import Dash, Input, Output, html
from propwire.testing import Client
from propwire.testing.children_props import deep_paths, each_at


def test_each_at_names_values_in_props_dicts_list_items_and_dict_values() -> None:
    props = {
        "leftSection": "L",
        "loaderProps": {"children": "C", "size": 3},
        "options": [{"label": "a", "value": 1}, {"value": 2}, {"label": "c"}],
        "slots": {"x": "X", "y": "Y"},
        "items": ["i0", "i1"],
    }

    def seen(path: str) -> list:
        return [(value, prop, pos) for value, prop, pos in each_at(props, path)]

    assert seen("leftSection") == [("L", "leftSection", (0,))]
    assert seen("loaderProps.children") == [("C", "loaderProps", (1, 0))]
    assert seen("options[].label") == [("a", "options", (2, 0, 0)), ("c", "options", (2, 2, 0))]
    assert seen("slots{}") == [("X", "slots", (3, 0)), ("Y", "slots", (3, 1))]
    assert seen("items[]") == [("i0", "items", (4, 0)), ("i1", "items", (4, 1))]
    assert seen("missing.children") == []


def test_a_component_in_a_list_of_dicts_is_in_the_headless_store() -> None:
    app = Dash(__name__)
    app.layout = html.Div([
        dmc.MantineProvider(dmc.Slider(id="level", marks=[{"value": 0, "label": html.Span("low", id="low")}])),
        html.Button(id="go"),
    ])
    assert "marks[].label" in deep_paths("dash_mantine_components", "Slider")

    @app.callback(Output("low", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def low(n: int) -> str:
        return f"low {n}"

    with Client(app).open("/") as page:
        page.click("go")
        assert page.prop("low", "children") == "low 1"
        assert page.snapshot()["low"] == {"text": "low 1"}


def test_set_prop_on_a_library_component_sends_only_a_change() -> None:
    import dash_bootstrap_components as dbc

    app = Dash(__name__)
    app.layout = html.Div([dbc.Select(id="sel", options=["a", "b"], value="a"), html.Div(id="out")])
    calls: list = []

    @app.callback(Output("out", "children"), Input("sel", "value"), prevent_initial_call=True)
    def out(v: str) -> str:
        calls.append(v)
        return v

    with Client(app).open("/") as page:
        page.set_prop("sel", "value", "a")  # what it is already: as Dash's setProps, nothing goes out
        assert calls == []
        page.set_prop("sel", "value", "b")
        assert calls == ["b"] and page.prop("out", "children") == "b"
