"""Persistence in Chromium: what the user typed comes back after a reload, from the storage its
persistence_type names, and the initial callbacks see it (docs/components.md, "Persistence")."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html
from tests.browser.conftest import wait_idle


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Input(id="local", value="a", persistence=True),
        dcc.Input(id="session", value="a", persistence="s", persistence_type="session"),
        dcc.Input(id="memory", value="a", persistence=True, persistence_type="memory"),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("local", "value"), Input("session", "value"),
                  Input("memory", "value"))
    def show(local, session, memory):
        return f"{local} {session} {memory}"

    return app


def _type(page, id_: str, text: str) -> None:
    page.fill(f"#{id_}", text)
    wait_idle(page)


def test_reload_keeps_local_and_session_edits_and_initial_callbacks_see_them(open_app) -> None:
    page = open_app(_app())
    expect(page.locator("#out")).to_have_text("a a a")
    for id_ in ("local", "session", "memory"):
        _type(page, id_, id_.upper())
    expect(page.locator("#out")).to_have_text("LOCAL SESSION MEMORY")
    kept = page.evaluate("() => localStorage.getItem('_dash_persistence.local.value.true')")
    assert json.loads(kept) == ["LOCAL", "a"]  # the edit and the layout value it replaced
    assert page.evaluate("() => sessionStorage.getItem('_dash_persistence.session.value.\"s\"')") == '["SESSION","a"]'
    page.reload()
    wait_idle(page)
    expect(page.locator("#local")).to_have_value("LOCAL")
    expect(page.locator("#session")).to_have_value("SESSION")
    expect(page.locator("#memory")).to_have_value("a")  # memory lives as long as the page
    expect(page.locator("#out")).to_have_text("LOCAL SESSION a")


def test_a_new_tab_shares_local_edits_but_not_session_ones(open_app) -> None:
    page = open_app(_app())
    _type(page, "local", "L")
    _type(page, "session", "S")
    other = page.context.new_page()
    other.goto(page.url)
    wait_idle(other)
    expect(other.locator("#local")).to_have_value("L")
    expect(other.locator("#session")).to_have_value("a")
    expect(other.locator("#out")).to_have_text("L a a")


def test_a_callback_write_is_kept_and_a_changed_layout_value_drops_the_edit(open_app) -> None:
    start = {"value": "first"}
    app = Dash(__name__)
    app.layout = lambda: html.Div([dcc.Input(id="name", value=start["value"], persistence=True),
                                   html.Button("set", id="set"), html.Div(id="out")])

    @app.callback(Output("name", "value"), Input("set", "n_clicks"), prevent_initial_call=True)
    def set_name(n):
        return f"cb{n}"

    page = open_app(app)
    page.click("#set")
    expect(page.locator("#name")).to_have_value("cb1")
    page.reload()
    wait_idle(page)
    expect(page.locator("#name")).to_have_value("cb1")  # Dash 4.4.1 keeps a callback's write like an edit
    start["value"] = "second"
    page.reload()
    wait_idle(page)
    expect(page.locator("#name")).to_have_value("second")
    assert page.evaluate("() => localStorage.getItem('_dash_persistence.name.value.true')") is None
    start["value"] = "first"
    page.reload()
    wait_idle(page)
    expect(page.locator("#name")).to_have_value("first")  # dropped for good


def test_no_persistence_keeps_nothing(open_app) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="name", value="a"), dcc.Input(id="off", value="a", persistence=False)])
    page = open_app(app)
    _type(page, "name", "typed")
    _type(page, "off", "typed")
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('_dash_persistence.'))") == []
    page.reload()
    wait_idle(page)
    expect(page.locator("#name")).to_have_value("a")
    expect(page.locator("#off")).to_have_value("a")
