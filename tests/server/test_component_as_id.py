"""`Input(component, prop)` with a component object (issue 16 part 5): its id, or one generated for it, as in
Dash; a Dash library component's own generator gives it an id that never collides with propwire's."""

from __future__ import annotations

import dash_bootstrap_components as dbc

from propwire import Dash, Input, Output, html
from propwire.testing import Client


def test_component_objects_stand_for_their_ids_and_get_one_when_they_have_none():
    named, button, out, library = html.Div(id="named"), html.Button("Go"), html.Div(), dbc.Button("B")
    # a library component is copied into a propwire one when it joins the layout: it needs its id by then
    library_clicks = Input(library, "n_clicks")
    app = Dash(__name__)
    app.layout = html.Div([named, button, out, library])

    @app.callback(Output(out, "children"), Input(button, "n_clicks"), library_clicks)
    def show(n, m):
        return f"clicks: {n} {m}"

    @app.callback(Output(named, "children"), Input(button, "n_clicks"))
    def also(n):
        return f"named saw {n}"

    assert named.id == "named"
    assert len({button.id, out.id, library.id}) == 3 and all(isinstance(i, str) for i in (button.id, out.id))
    with Client(app).open() as client:
        assert client.text(out.id) == "clicks: None None"
        client.click(button.id)
        assert client.text(out.id) == "clicks: 1 None" and client.text("named") == "named saw 1"


def test_an_id_is_given_once_and_kept():
    button = html.Button("Go")
    first = Input(button, "n_clicks").component_id
    assert Output(button, "children").component_id == first == button.id
