"""Components of Dash component libraries, adopted by duck typing (propwire/components/foreign.py)."""

from __future__ import annotations

import subprocess
import sys

import dash_bootstrap_components as dbc
import dash_mantine_components as dmc
import pytest
from dash import dcc as dash_dcc
from dash import html as dash_html

from propwire import Dash, Input, Output, State, dcc, html
from propwire.api.serialize import to_json_value
from propwire.components import foreign, spec
from propwire.components.base import PropError
from propwire.core.layout import walk
from propwire.core.validation import ValidationError
from propwire.testing import Client
from propwire.testing.components import WrongComponent


def test_a_library_component_is_adopted_where_a_component_goes():
    div = html.Div([dbc.Button("Go", id="go", color="primary")])
    button = div.children[0]
    assert isinstance(button, foreign.Foreign)
    assert (button._namespace, button._type) == ("dash_bootstrap_components", "Button")
    assert button.color == "primary" and button.children == "Go"
    assert spec.declared("dash_bootstrap_components.Button") is type(button)
    assert to_json_value(div)[0]["props"]["children"][0] == {
        "type": "Button", "namespace": "dash_bootstrap_components", "props": {"id": "go", "children": "Go",
                                                                          "color": "primary"}}


def test_app_layout_takes_a_library_component_at_its_root():
    app = Dash(__name__)
    app.layout = dbc.Container([dbc.Row(dbc.Col(html.Div(id="x")))])
    assert type(app.layout).__name__ == "Container"
    assert [c.id for c in app.layout._traverse()] == [None, None, "x"]


def test_dash_own_html_and_dcc_become_propwire_components():
    div = html.Div([dash_html.B("bold", id="b"), dash_dcc.Input(id="i", value="v")])
    assert type(div.children[0]) is html.B and type(div.children[1]) is dcc.Input
    assert div.children[1].value == "v"


def test_children_props_are_adopted_and_walked_for_ids():
    button = dmc.Button("x", id="b", leftSection=dash_html.Span("L", id="left"),
                        loaderProps={"children": dbc.Badge("z", id="deep")})
    adopted = foreign.adopt(button)
    assert type(adopted.leftSection) is html.Span
    assert type(adopted.loaderProps["children"]).__name__ == "Badge"
    assert [c.id for c in adopted._traverse()] == ["left", "deep"]
    slots = {c["props"].get("id"): slot for c, slot in walk(to_json_value(adopted)[0])}
    assert slots == {"b": None, "left": "b.leftSection", "deep": "b.loaderProps"}


def test_a_plain_dict_in_a_data_prop_is_not_walked():
    grid_row = {"type": "B", "namespace": "html", "props": {"id": "not-a-component"}}
    badge = foreign.adopt(dbc.Badge("z", id="bd", style={"x": grid_row}))
    assert [c["props"].get("id") for c, _ in walk(to_json_value(badge)[0])] == ["bd"]


def test_callbacks_are_checked_against_the_library_props():
    app = Dash(__name__)
    app.layout = html.Div([dbc.Button("Go", id="go"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clickz"))
    def show(n):
        return n

    with pytest.raises(ValidationError, match="n_clickz"):
        app.engine  # noqa: B018


def test_an_unknown_prop_of_dash_html_names_the_library_class():
    with pytest.raises(PropError, match="dash.html"):
        html.Div([dash_html.Div(id="d", title=3, dir="x", **{"aria-x": 1}), dash_html.Embed(type="a")])


def test_callbacks_return_library_components_and_the_headless_client_drives_them():
    app = Dash(__name__)
    app.layout = html.Div([dbc.Input(id="name"), dbc.Button("Go", id="go"), html.Div(id="out"),
                           dbc.Tabs([dbc.Tab(label="A", tab_id="a"), dbc.Tab(label="B", tab_id="b")],
                                    id="tabs", active_tab="a"), html.Div(id="tab")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), State("name", "value"),
                  prevent_initial_call=True)
    def greet(n, name):
        return dbc.Alert(f"{n}: hello {name}", id="alert")

    @app.callback(Output("tab", "children"), Input("tabs", "active_tab"))
    def tab(active):
        return f"tab {active}"

    with Client(app).open() as client:
        client.type("name", "Ada")
        client.click("go")
        assert client.text("alert") == "1: hello Ada"
        client.set_prop("tabs", "active_tab", "b")
        assert client.text("tab") == "tab b"
        with pytest.raises(WrongComponent, match="Allowed props"):
            client.set_prop("tabs", "activ_tab", "b")
        with pytest.raises(WrongComponent, match="cannot click 'tabs'"):
            client.click("tabs")


def test_propwire_never_imports_dash_itself():
    code = "import sys, propwire, propwire.testing; from propwire import html; html.Div(); " \
           "print(any(m == 'dash' or m.startswith('dash.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"




def test_a_layout_function_and_the_validation_layout_may_hold_library_components():
    app = Dash(__name__, suppress_callback_exceptions=False)
    app.layout = lambda: dbc.Container([dbc.Button("Go", id="go"), html.Div(id="out")])
    app.validation_layout = [dbc.Container([dbc.Button("Go", id="go"), html.Div(id="out"), dbc.Badge(id="late")])]

    @app.callback(Output("out", "children"), Input("go", "n_clicks"))
    def show(n):
        return f"n={n}"

    @app.callback(Output("late", "children"), Input("go", "n_clicks"))
    def late(n):
        return n

    assert app.engine.graph is not None and app.startup_warnings == []
    with Client(app).open() as client:
        client.click("go")
        assert client.text("out") == "n=1"


def test_a_library_class_dropped_from_the_table_is_declared_again_on_its_next_use():
    # docs examples run inside spec.scoped(): a library class adopted there for the first time is dropped from
    # the table at the block's end, yet the next adoption must find it declared (the headless client looks
    # kinds up there)
    cls = type(foreign.adopt(dbc.Badge("new", id="b1")))
    spec.forget(cls)  # what the end of a scoped() block does to a class first declared inside it
    assert spec.declared("dash_bootstrap_components.Badge") is None
    assert type(foreign.adopt(dbc.Badge("new", id="b2"))) is cls
    assert spec.declared("dash_bootstrap_components.Badge") is cls


def test_library_persistence_defaults_come_from_the_library_classes():
    # dbc names the allowed props, dash-ag-grid and DataTable give a default, dmc neither (its JavaScript's rule)
    import dash_ag_grid as dag
    import dash_mantine_components as dmc
    from dash import dash_table

    kinds = {dbc.Input(): ("value",), dbc.Tabs(): ("active_tab",), dbc.Alert(): ("is_open",),
             dag.AgGrid(): ("selectedRows",), dmc.TextInput(): ("value",), dmc.Switch(): ("checked",),
             dmc.Checkbox(): ("checked",), dmc.Burger(): ("opened",), dmc.DirectionProvider(children=[]): ("direction",),
             dmc.RichTextEditor(): (),
             dash_table.DataTable(): ("columns.name", "filter_query", "hidden_columns", "page_current",
                                      "selected_columns", "selected_rows", "sort_by")}
    for obj, persisted in kinds.items():
        assert foreign.class_for(obj)._persisted == persisted, type(obj)
    assert getattr(foreign.class_for(dbc.Button()), "_persisted", ()) == ()  # no persistence prop


def test_a_library_component_whose_defaults_are_unknown_warns():
    import dash_mantine_components as dmc

    app = Dash(__name__)
    app.layout = html.Div([dmc.RichTextEditor(id="rich", persistence=True), dbc.Input(id="kept", persistence=True),
                           dcc.Input(id="own", value="a", persistence=True)])
    with pytest.warns(UserWarning, match=r"dash_mantine_components.RichTextEditor \(id='rich'\): persistence=True "
                                         r"keeps nothing on propwire.*pass persisted_props=\['html', 'json'\]") as caught:
        app.engine  # noqa: B018 - validates the app
    assert not [w for w in caught if "'kept'" in str(w.message) or "'own'" in str(w.message)]


def test_an_explicit_persisted_props_is_kept_and_silences_the_warning():
    import warnings

    import dash_mantine_components as dmc

    from propwire.components.persistence import persisted_in_json

    app = Dash(__name__)
    rich = dmc.RichTextEditor(id="rich", persistence=True, persisted_props=["html"])
    app.layout = html.Div([rich])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        app.engine  # noqa: B018 - validates the app: no warning
    assert "html" in foreign.adopt(rich).client_owned_props()
    assert persisted_in_json({"namespace": "dash_mantine_components", "type": "RichTextEditor",
                              "props": {"id": "r", "persistence": True, "persisted_props": ["html"]}}) == {"html"}
    assert persisted_in_json({"namespace": "dash_mantine_components", "type": "RichTextEditor",
                              "props": {"id": "r", "persistence": True}}) == frozenset()
