"""Ids absent from the initial layout: the app starts and serves, and a debug page shows the start-up warning
(the id and the callback's file:line) in the dev tools, where a developer looks, not only in the server's log."""

from __future__ import annotations

import textwrap
import warnings
from pathlib import Path

import pytest

from .conftest import load_app, wait_idle

pytestmark = pytest.mark.browser

APP = '''
from propwire import Dash, html, dcc, Input, Output, callback

app = Dash(__name__{extra})
app.layout = html.Div([html.Button("Show", id="show"), html.Div(id="holder")])


@callback(Output("holder", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(n):
    return html.Div([dcc.Input(id="late", value="first"), html.Div(id="late-out")])


@callback(Output("late-out", "children"), Input("late", "value"))
def echo(value):
    return f"late says {{value}}"
'''


def app_at(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "absent_app.py"
    path.write_text(textwrap.dedent(APP.format(extra=extra)))
    return path


def test_an_absent_id_is_shown_in_the_dev_tools_and_the_callback_works_once_it_appears(tmp_path, new_page, serve):
    path = app_at(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = load_app(path)
    said = [str(w.message) for w in caught if "not in the initial layout" in str(w.message)]
    assert len(said) == 2 and all(f"callback 'echo' ({path}:" in s for s in said)  # late.value, late-out.children

    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    toggle = page.wait_for_selector("#_pw-devtools-toggle")
    assert "⚠ 2 warnings" in toggle.inner_text()
    page.click("#_pw-devtools-toggle")
    box = page.inner_text("#_pw-devtools .pw-dt-warnings")
    assert "Start-up warnings" in box
    assert "names id 'late'" in box and "names id 'late-out'" in box and f"{path}:" in box

    page.click("#show")
    page.wait_for_function("() => document.getElementById('late-out')?.textContent === 'late says first'")
    page.fill("#late", "second")
    page.wait_for_function("() => document.getElementById('late-out').textContent === 'late says second'")
    assert page.errors == []  # type: ignore[attr-defined]


def test_suppress_callback_exceptions_silences_the_warning_in_the_dev_tools_too(tmp_path, new_page, serve):
    app = load_app(app_at(tmp_path, ", suppress_callback_exceptions=True"))
    assert app.startup_warnings == []
    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    assert page.wait_for_selector("#_pw-devtools-toggle").inner_text() == "dev tools"
    page.click("#_pw-devtools-toggle")
    page.wait_for_selector("#_pw-devtools .pw-dt-graph")
    assert page.query_selector("#_pw-devtools .pw-dt-warnings") is None
