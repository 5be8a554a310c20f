"""Client.snapshot() over component-library components: the components in a library component's node props
(`leftSection`, a dbc.Modal's body) get their own entries, as the renderer draws them."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import dash_mantine_components as dmc

from propwire import Dash, Input, Output, html
from propwire.testing import Client


def app() -> Dash:
    app = Dash(__name__)
    app.layout = dmc.MantineProvider([
        dmc.Button("Go", id="go", leftSection=html.Span("0", id="count"), loaderProps={"children": html.B("wait", id="wait")}),
        dbc.Modal(dbc.ModalBody("hello", id="body"), id="modal", is_open=False),
    ])

    @app.callback(Output("count", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def count(n: int) -> str:
        return str(n)

    return app


def test_components_in_node_props_have_entries() -> None:
    with Client(app()).open("/") as page:
        assert page.snapshot()["count"] == {"text": "0"}
        assert page.snapshot()["wait"] == {"text": "wait"}  # loaderProps.children: a deep node prop
        assert page.snapshot()["body"] == {"text": "hello"}
        page.click("go")
        snap = page.snapshot()
    assert snap["count"] == {"text": "1"}
    # the library component's own entry holds the text of what propwire draws inside it
    assert snap["go"]["text"] == "Go 1 wait"
