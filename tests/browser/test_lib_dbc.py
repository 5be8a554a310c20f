"""dash-bootstrap-components from PyPI, unchanged, in Chromium: a form whose State a callback reads into a
Modal it opens, Tabs whose active_tab drives content, and a MATCH callback over dbc components with dict ids.
Each app is what a Dash user writes, with `from propwire import ...` as the only change; each test asserts
what the page shows after real clicks and typing, and that the console stayed free of errors."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
import pytest
from playwright.sync_api import Page

from propwire import MATCH, Dash, Input, Output, State, ctx, html, no_update

from .conftest import wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture
def open_lib(open_app: Callable[..., Page]) -> Callable[[Dash], tuple[Page, list[str]]]:
    """open_lib(app) -> (page, its console errors and page errors, a live list), the page loaded and idle."""

    def open_(app: Dash) -> tuple[Page, list[str]]:
        page = open_app(app)
        return page, page.console_errors  # type: ignore[attr-defined]

    return open_


def dom_id(component_id: dict) -> str:
    """A dict id as the DOM writes it (sorted compact JSON), as a CSS attribute selector."""
    return "[id=" + json.dumps(json.dumps(component_id, sort_keys=True, separators=(",", ":"))) + "]"


def form_app() -> Dash:
    app = Dash(__name__)
    app.layout = dbc.Container([
        dbc.Input(id="name", placeholder="Your name", type="text"),
        dbc.Select(id="color", options=[{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}],
                   value="red"),
        dbc.Checklist(id="extras", options=[{"label": "Newsletter", "value": "news"},
                                            {"label": "Updates", "value": "upd"}], value=[]),
        dbc.Button("Submit", id="submit", color="primary"),
        dbc.Modal([
            dbc.ModalHeader(dbc.ModalTitle("Thanks")),
            dbc.ModalBody(id="summary"),
            dbc.ModalFooter(dbc.Button("Close", id="close")),
        ], id="modal", is_open=False),
    ])

    @app.callback(Output("modal", "is_open"), Output("summary", "children"),
                  Input("submit", "n_clicks"), Input("close", "n_clicks"),
                  State("name", "value"), State("color", "value"), State("extras", "value"),
                  prevent_initial_call=True)
    def toggle(submit: int | None, close: int | None, name: str | None, color: str, extras: list) -> Any:
        if ctx.triggered_id == "close":
            return False, no_update
        return True, f"{name} likes {color} with {'+'.join(extras) or 'nothing'}"

    return app


def test_dbc_form_state_opens_a_modal(open_lib: Any) -> None:
    page, errors = open_lib(form_app())
    assert page.locator(".modal").count() == 0  # closed: dbc renders no dialog
    page.fill("#name", "Ada")
    page.select_option("#color", "blue")
    page.get_by_text("Updates").click()
    page.click("#submit")
    page.wait_for_selector(".modal.show")
    page.wait_for_function("() => document.getElementById('summary')?.innerText === 'Ada likes blue with upd'")
    assert page.locator(".modal-title").inner_text() == "Thanks"
    page.click("#close")
    page.wait_for_function("() => !document.querySelector('.modal')")
    wait_idle(page)
    # the State values stayed where the user left them
    assert page.input_value("#name") == "Ada" and page.input_value("#color") == "blue"
    assert errors == []


def tabs_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dbc.Tabs([dbc.Tab(label="Scatter", tab_id="scatter"), dbc.Tab(label="Histogram", tab_id="hist"),
                  dbc.Tab(label="Table", tab_id="table")], id="tabs", active_tab="scatter"),
        html.Div(id="tab-content"),
    ])

    @app.callback(Output("tab-content", "children"), Input("tabs", "active_tab"))
    def render(active: str) -> Any:
        return dbc.Alert(f"showing {active}", id="alert", color="info")

    return app


def test_dbc_tabs_drive_content(open_lib: Any) -> None:
    page, errors = open_lib(tabs_app())
    # the tab labels come from each dbc.Tab's props, which dbc.Tabs reads through getLayout(componentPath)
    assert page.locator(".nav-link").all_inner_texts() == ["Scatter", "Histogram", "Table"]
    assert page.inner_text("#alert") == "showing scatter"
    page.get_by_text("Histogram").click()
    page.wait_for_function("() => document.getElementById('alert')?.innerText === 'showing hist'")
    assert page.locator(".nav-link.active").inner_text() == "Histogram"
    page.get_by_text("Table").click()
    page.wait_for_function("() => document.getElementById('alert')?.innerText === 'showing table'")
    assert errors == []


def match_app() -> Dash:
    app = Dash(__name__)
    app.layout = dbc.Container([
        dbc.Row([dbc.Col(dbc.Button(f"add {i}", id={"type": "add", "index": i})),
                 dbc.Col(dbc.Badge("0", id={"type": "count", "index": i}, color="secondary"))])
        for i in range(3)
    ])

    @app.callback(Output({"type": "count", "index": MATCH}, "children"),
                  Input({"type": "add", "index": MATCH}, "n_clicks"), prevent_initial_call=True)
    def count(n: int) -> str:
        return f"{n} for {ctx.triggered_id['index']}"

    return app


def test_dbc_match_callback_over_dict_ids(open_lib: Any) -> None:
    page, errors = open_lib(match_app())
    add, count = (lambda i: dom_id({"type": "add", "index": i})), (lambda i: dom_id({"type": "count", "index": i}))
    page.click(add(1))
    page.click(add(1))
    page.click(add(2))
    wait_idle(page)
    assert [page.inner_text(count(i)) for i in range(3)] == ["0", "2 for 1", "1 for 2"]
    assert errors == []


def spinner_app(gate: threading.Event) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dbc.Button("Load", id="load"),
        dbc.Spinner(html.Div("nothing yet", id="slow"), id="spin", color="primary"),
        html.Div("outside", id="other"),
    ])

    @app.callback(Output("slow", "children"), Input("load", "n_clicks"), prevent_initial_call=True)
    def slow(n: int) -> str:
        gate.wait(20)
        return f"loaded {n}"

    return app


def test_dbc_spinner_shows_while_its_child_output_is_pending(open_lib: Any) -> None:
    gate = threading.Event()
    page, errors = open_lib(spinner_app(gate))
    assert page.locator(".spinner-border").count() == 0
    page.click("#load")
    try:
        # the callback is blocked on the gate: its output is pending, so the Spinner around it spins
        page.wait_for_selector(".spinner-border", state="attached")  # (no Bootstrap stylesheet: it has no size)
        assert page.inner_text("#other") == "outside"
    finally:
        gate.set()
    page.wait_for_function("() => document.getElementById('slow')?.innerText === 'loaded 1'")
    page.wait_for_selector(".spinner-border", state="detached")
    assert errors == []
