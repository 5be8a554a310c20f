"""How debug pages name callbacks for the dev tools and for messages: the function's name; a clientside one's
namespace.function, or its inline code on one line, cut short."""

from __future__ import annotations

from propwire import ClientsideFunction, Dash, Input, Output, callback, clientside_callback, html

from .conftest import Client, page_config

LONG = "function(value) {\n    // a long inline function whose code does not fit in a label\n    return value;\n}"


def test_debug_pages_name_each_callback_by_its_function_or_its_code(tmp_path) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id=i) for i in ("a", "b", "c", "d")])

    @callback(Output("b", "children"), Input("a", "children"))
    def update_output(value):
        return value

    clientside_callback(ClientsideFunction("ui", "double"), Output("c", "children"), Input("b", "children"))
    clientside_callback(LONG, Output("d", "children"), Input("c", "children"))
    app.debug = True
    config = page_config(Client(app).get("/").text)
    shown = [(c["name"], c["clientside"], c["outputs"]) for c in config["devtools"]["callbacks"]]
    assert shown == [
        ("update_output", False, ["b.children"]),
        ("ui.double", True, ["c.children"]),
        ("function(value) { // a long inline function who…", True, ["d.children"]),
    ]
    # The renderer's clientside messages ("Clientside callback '…' raised an error") use the same names.
    names = {e["name"] for e in config["graph"]["clientside"]["callbacks"].values()}
    assert names == {"ui.double", "function(value) { // a long inline function who…"}
