"""dash-mantine-components from PyPI, unchanged, in Chromium: a Select inside a MantineProvider whose value is a
callback Input and whose `data` a callback replaces, and a Button whose `leftSection` (a children prop that is
not `children`) holds a component with an id that a callback updates. The app is what a Dash user writes, with
`from propwire import ...` as the only change; the test asserts what the page shows after real clicks, and
that the console stayed free of errors."""

from __future__ import annotations

import threading
from typing import Any

import dash_mantine_components as dmc
import pytest

from propwire import Dash, Input, Output, html

from .conftest import wait_idle
from .test_lib_dbc import open_lib  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser


def mantine_app() -> Dash:
    app = Dash(__name__)
    app.layout = dmc.MantineProvider([
        dmc.Select(id="fruit", label="Fruit", value="apple",
                   data=[{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"}]),
        html.Div(id="picked"),
        dmc.Button("More fruit", id="more", leftSection=html.Span("0", id="more-count")),
        # a component deeper in a prop (`marks[].label`): the renderer's store finds its id there
        dmc.Slider(id="level", value=50, marks=[{"value": 0, "label": html.Span("low 0", id="low")},
                                                {"value": 100, "label": "high"}]),
    ])

    @app.callback(Output("picked", "children"), Input("fruit", "value"))
    def picked(value: str | None) -> str:
        return f"picked {value}"

    @app.callback(Output("fruit", "data"), Output("more-count", "children"), Output("low", "children"),
                  Input("more", "n_clicks"), prevent_initial_call=True)
    def more(n: int) -> Any:
        data = [{"label": "Apple", "value": "apple"}, {"label": "Banana", "value": "banana"},
                {"label": "Cherry", "value": "cherry"}]
        return data, str(n), f"low {n}"

    return app


def choose(page: Any, label: str) -> None:
    """What a user does: open the Select's dropdown and click the option."""
    page.click("#fruit")
    page.locator("[role=option]").filter(has_text=label).first.click()


def test_mantine_select_and_a_child_in_left_section(open_lib: Any) -> None:  # noqa: F811 - the fixture
    page, errors = open_lib(mantine_app())
    assert page.inner_text("#picked") == "picked apple"
    assert page.input_value("#fruit") == "Apple"
    # the leftSection's span is drawn inside the button, where Mantine puts a section
    assert page.locator("#more [data-position=left] #more-count").inner_text() == "0"
    choose(page, "Banana")
    page.wait_for_function("() => document.getElementById('picked')?.innerText === 'picked banana'")
    assert page.input_value("#fruit") == "Banana"
    assert page.inner_text("#low") == "low 0"
    page.click("#more")
    page.wait_for_function("() => document.getElementById('more-count')?.innerText === '1'")
    assert page.inner_text("#low") == "low 1"
    choose(page, "Cherry")  # an option only the callback's new `data` has
    page.wait_for_function("() => document.getElementById('picked')?.innerText === 'picked cherry'")
    wait_idle(page)
    assert errors == []


def loading_app(gate: threading.Event) -> Dash:
    app = Dash(__name__)
    app.layout = dmc.MantineProvider([dmc.Button("Save", id="save"), html.Div(id="saved")])

    @app.callback(Output("save", "children"), Output("saved", "children"), Input("save", "n_clicks"),
                  prevent_initial_call=True)
    def save(n: int) -> Any:
        gate.wait(20)
        return f"Saved {n}", "done"

    return app


def test_mantine_button_is_loading_while_its_output_is_pending(open_lib: Any) -> None:  # noqa: F811 - the fixture
    gate = threading.Event()
    page, errors = open_lib(loading_app(gate))
    assert page.get_attribute("#save", "data-dash-is-loading") is None
    page.click("#save")
    try:
        # dmc reads useDashContext().useLoading(): true while the callback writing the button's children runs
        page.wait_for_selector("#save[data-dash-is-loading]", state="attached")
    finally:
        gate.set()
    page.wait_for_function("() => document.getElementById('saved')?.innerText === 'done'")
    page.wait_for_selector("#save:not([data-dash-is-loading])", state="attached")
    assert page.inner_text("#save") == "Saved 1"
    assert errors == []


def late_app() -> Dash:
    app = Dash(__name__, suppress_callback_exceptions=True)  # ids that only a callback's output brings
    app.layout = html.Div([html.Button("show", id="show"), html.Div(id="slot"), html.Button("bump", id="bump")])

    @app.callback(Output("slot", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
    def show(n: int) -> Any:
        # the page's first Mantine components: the library's bundle loads now
        return dmc.MantineProvider([
            dmc.Button("late", id="late", leftSection=html.Span("L0", id="late-section")),
            dmc.Slider(id="late-slider", value=10, marks=[{"value": 0, "label": html.I("M0", id="late-mark")}]),
        ])

    @app.callback(Output("late-section", "children"), Output("late-mark", "children"), Input("bump", "n_clicks"),
                  prevent_initial_call=True)
    def bump(n: int) -> Any:
        return f"L{n}", f"M{n}"

    return app


def test_mantine_components_a_callback_inserts_have_their_node_props_found(open_lib: Any) -> None:  # noqa: F811
    page, errors = open_lib(late_app())
    page.click("#show")
    page.wait_for_selector("#late [data-position=left] #late-section")
    assert page.inner_text("#late-mark") == "M0"
    page.click("#bump")
    page.wait_for_function("() => document.getElementById('late-section')?.innerText === 'L1'")
    assert page.inner_text("#late-mark") == "M1"
    assert errors == []
