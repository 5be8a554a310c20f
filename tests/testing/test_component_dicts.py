"""Component JSON from data is data: a {type, namespace, props} dict a callback returns (say from a Store) is sent
as text, unless it reached the callback as a node prop's value (children in State) or the app opted in with
Dash(component_dicts=True); then it is checked like a layout component (propwire/component_json.py)."""

from __future__ import annotations

from collections.abc import Callable

from propwire import Dash, Input, Output, Patch, State, dcc, html
from propwire.core.component_json import ComponentDict, mark
from propwire.testing import Client

Drive = Callable[..., Client]

EVIL = {"type": "Img", "namespace": "html", "props": {"id": "evil", "src": "x", "onError": "window.pwned=1"}}
PLAIN = {"type": "B", "namespace": "html", "props": {"id": "bold", "children": "hi"}}


def _store_app(data: dict, **options: object) -> Dash:
    app = Dash(__name__, **options)
    app.layout = html.Div([dcc.Store(id="s", data=data), html.Button("go", id="go"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), State("s", "data"), prevent_initial_call=True)
    def show(n, data):
        return [data]

    return app


def test_a_component_shaped_dict_from_a_store_is_shown_as_text(propwire_client: Drive) -> None:
    page = propwire_client(_store_app(PLAIN))
    page.click("go")
    [value] = page.prop("out", "children")
    assert isinstance(value, str) and '"type":"B"' in value
    assert page.text("out") == value


def test_opted_in_a_valid_dict_is_a_component(propwire_client: Drive) -> None:
    page = propwire_client(_store_app(PLAIN, component_dicts=True))
    page.click("go")
    assert page.text("bold") == "hi"


def test_opted_in_an_undeclared_prop_is_an_error_naming_callback_output_and_prop(propwire_client: Drive) -> None:
    page = propwire_client(_store_app(EVIL, component_dicts=True))
    page.click("go")
    [call] = [c for c in page.calls() if c.name == "show"]
    assert call.status.startswith("error")
    assert "out.children" in call.status and "onError" in call.status and "html.Img" in call.status
    assert page.prop("out", "children") is None


def test_opted_in_an_unknown_type_is_an_error(propwire_client: Drive) -> None:
    page = propwire_client(_store_app({"type": "Svg", "namespace": "html", "props": {}}, component_dicts=True))
    page.click("go")
    [call] = [c for c in page.calls() if c.name == "show"]
    assert call.status.startswith("error") and "unknown component type" in call.status


def test_children_from_state_round_trip_as_components(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("add", id="add"), html.Div([html.P("first", id="p0")], id="box")])

    @app.callback(Output("box", "children"), Input("add", "n_clicks"), State("box", "children"),
                  prevent_initial_call=True)
    def add(n, children):
        assert type(children[0]) is ComponentDict and children[0]["props"]["children"] == "first"
        return children + [html.P(f"item {n}", id=f"p{n}")]

    page = propwire_client(app)
    page.click("add")
    page.click("add")
    assert [page.text("p0"), page.text("p1"), page.text("p2")] == ["first", "item 1", "item 2"]


def test_a_round_tripped_child_given_a_handler_is_refused(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("x", id="x"), html.Div([html.Img(id="img", src="/a.png")], id="box")])

    @app.callback(Output("box", "children"), Input("x", "n_clicks"), State("box", "children"),
                  prevent_initial_call=True)
    def poison(n, children):
        children[0]["props"]["onError"] = "window.pwned=1"
        return children

    page = propwire_client(app)
    page.click("x")
    [call] = [c for c in page.calls() if c.name == "poison"]
    assert call.status.startswith("error") and "onError" in call.status


def test_a_patch_appending_a_dict_from_data_appends_text(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="s", data=PLAIN), html.Button("go", id="go"), html.Div([], id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), State("s", "data"), prevent_initial_call=True)
    def grow(n, data):
        p = Patch()
        p.append(data)
        p.append(html.I("real", id="real"))
        return p

    page = propwire_client(app)
    page.click("go")
    first, second = page.prop("out", "children")
    assert isinstance(first, str) and page.text("real") == "real"


def test_option_labels_from_data_are_text(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="s", data=PLAIN), html.Button("go", id="go"),
                           dcc.Checklist(id="c", options=[])])

    @app.callback(Output("c", "options"), Input("go", "n_clicks"), State("s", "data"), prevent_initial_call=True)
    def opts(n, data):
        return [{"label": data, "value": "a"}, {"label": html.B("real"), "value": "b"}]

    page = propwire_client(app)
    page.click("go")
    first, second = page.prop("c", "options")
    assert isinstance(first["label"], str) and second["label"]["type"] == "B"


def test_a_store_keeps_component_shaped_data_as_it_is(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="s"), html.Button("go", id="go")])

    @app.callback(Output("s", "data"), Input("go", "n_clicks"), prevent_initial_call=True)
    def keep(n):
        return EVIL

    page = propwire_client(app)
    page.click("go")
    assert page.prop("s", "data") == EVIL


def test_a_layout_dict_is_text_unless_opted_in(propwire_client: Drive) -> None:
    for opted, expect in ((False, str), (True, dict)):
        app = Dash(__name__, component_dicts=opted)
        app.layout = html.Div([dict(PLAIN)], id="box")
        page = propwire_client(app)
        assert isinstance(page.prop("box", "children")[0], expect)


def test_mark_copies_and_reaches_nested_children_but_not_data_props() -> None:
    value = [{"type": "Div", "namespace": "html", "props": {"children": [dict(PLAIN)]}}]
    marked = mark("children", value)
    assert type(marked[0]) is ComponentDict and type(marked[0]["props"]["children"][0]) is ComponentDict
    assert type(value[0]) is dict  # the view's own value is left alone
    assert type(mark("data", PLAIN)) is dict


def test_children_read_through_ctx_round_trip_too(propwire_client: Drive) -> None:
    from propwire import ctx

    app = Dash(__name__)
    app.layout = html.Div([html.Button("add", id="add"), html.Div([html.P("first", id="p0")], id="box")])

    @app.callback(Output("box", "children"), Input("add", "n_clicks"), State("box", "children"),
                  prevent_initial_call=True)
    def add(n, _children):
        return ctx.states["box.children"] + [html.P("more", id="p1")]

    page = propwire_client(app)
    page.click("add")
    assert [page.text("p0"), page.text("p1")] == ["first", "more"]
