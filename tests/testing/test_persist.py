"""The headless client's persistence (propwire/testing/persist.py): the renderer's rules (persist.test.ts), on
the Client's storages, and through a whole app: reload and new_tab keep what a browser keeps."""

from __future__ import annotations

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client
from propwire.testing.persist import page_persistence


def _input(**props):
    return {"namespace": "dcc", "type": "Input", "props": {"id": "name", **props}}


def test_an_edit_is_kept_with_its_original_and_restored_while_the_layout_holds_it():
    local: dict[str, str] = {}
    persist = page_persistence(local, {})
    persist.record(_input(value="a", persistence=True), {"value": "b"})
    assert local == {"_dash_persistence.name.value.true": '["b","a"]'}
    persist.record(_input(value="b", persistence=True), {"value": "c"})
    assert local["_dash_persistence.name.value.true"] == '["c","a"]'  # the first original stays
    assert persist.restore(_input(value="a", persistence=True)) == {"value": "c"}
    assert persist.restore(_input(value="a", persistence="other")) == {}
    assert persist.restore(_input(value="z", persistence=True)) == {}
    assert local == {}  # the layout's value changed: the edit is dropped


def test_persistence_off_or_persisted_props_empty_keeps_nothing():
    local: dict[str, str] = {}
    persist = page_persistence(local, {})
    for off in (False, 0, "", None):
        persist.record(_input(value="a", persistence=off), {"value": "b"})
    persist.record(_input(value="a", persistence=True, persisted_props=[]), {"value": "b"})
    persist.record({"namespace": "html", "type": "Div", "props": {"id": "d", "persistence": True}}, {"value": 1})
    assert local == {}


def test_a_callback_switching_persistence_swaps_the_kept_values():
    persist = page_persistence({}, {})
    persist.record(_input(value="a", persistence="u1"), {"value": "one"})
    shown = _input(value="one", persistence="u1")
    assert persist.written(shown, {"persistence": "u2"}) == {"persistence": "u2", "value": "a"}
    assert persist.written(shown, {"persistence": "u1", "disabled": True}) == {"persistence": "u1", "disabled": True}


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Input(id="local", value="a", persistence=True),
        dcc.Input(id="session", value="a", persistence=True, persistence_type="session"),
        dcc.Input(id="memory", value="a", persistence=True, persistence_type="memory"),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("local", "value"), Input("session", "value"),
                  Input("memory", "value"))
    def show(local, session, memory):
        return f"{local} {session} {memory}"

    return app


def test_client_reload_and_new_tab_keep_what_a_browser_keeps():
    with Client(_app()) as client:
        client.open()
        for id_ in ("local", "session", "memory"):
            client.type(id_, id_.upper())
        assert client.prop("out", "children") == "LOCAL SESSION MEMORY"
        client.open()
        assert client.prop("out", "children") == "LOCAL SESSION a"
        client.new_tab()
        assert client.prop("out", "children") == "LOCAL a a"
        assert client.prop("local", "value") == "LOCAL"
