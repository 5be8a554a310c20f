"""Hot reload: a real `python app.py` with app.run(debug=True), edited while a page shows it."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from .conftest import wait_idle

pytestmark = pytest.mark.browser

APP = '''
import os
from propwire import Dash, html, Input, Output, callback
from helper import TEXT

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div(TEXT, id="out"), html.Div(id="echo")])


@callback(Output("echo", "children"), Input("btn", "n_clicks"))
def echo(n):
    return f"{TITLE} {n}"


TITLE = "echo"

if __name__ == "__main__":
    app.run(debug=True, port=int(os.environ["PORT"]))
'''


def write(path: Path, text: str) -> None:
    """Write a file and make sure its modification time moves on (a coarse clock would hide the edit)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    if path.stat().st_mtime_ns == before:
        time.sleep(0.01)
        path.write_text(text)


def test_edits_reload_the_page_css_swaps_in_place_and_errors_show_until_fixed(tmp_path, debug_process, new_page):
    app_file = tmp_path / "app.py"
    helper = tmp_path / "helper.py"
    css = tmp_path / "assets" / "style.css"
    css.parent.mkdir()
    write(helper, 'TEXT = "version one"\n')
    write(app_file, textwrap.dedent(APP))
    write(css, "#out { color: rgb(255, 0, 0); }\n")
    server = debug_process(app_file)
    page = new_page()
    page.goto(server.url + "/")
    wait_idle(page)
    assert page.inner_text("#out") == "version one"
    assert page.inner_text("#echo") == "echo None"
    color = "getComputedStyle(document.getElementById('out')).color"
    assert page.evaluate(color) == "rgb(255, 0, 0)"
    page.evaluate("window.__marker = 42")

    # A stylesheet edit is swapped in place: the page is not reloaded (the marker survives).
    write(css, "#out { color: rgb(0, 0, 255); }\n")
    page.wait_for_function(f"() => {color} === 'rgb(0, 0, 255)'", timeout=10_000)
    assert page.evaluate("window.__marker") == 42

    # An imported module of the app's folder: the server restarts and the page reloads by itself.
    write(helper, 'TEXT = "version two"\n')
    page.wait_for_function("() => document.getElementById('out')?.textContent === 'version two'", timeout=15_000)
    assert page.evaluate("window.__marker") is None
    wait_idle(page)
    assert page.inner_text("#echo") == "echo None"

    # A syntax error in the app's file: the page shows it instead of going dead.
    write(app_file, textwrap.dedent(APP).replace('TITLE = "echo"', 'TITLE = "echo'))
    page.wait_for_selector("#_pw-start-error", timeout=15_000)
    shown = page.inner_text("#_pw-start-error")
    assert "SyntaxError" in shown
    line = textwrap.dedent(APP).splitlines().index('TITLE = "echo"') + 1
    assert "app.py" in shown and f"line {line}" in shown
    assert "propwire/" not in shown  # the error, not the machinery that ran the file

    # Fixed: the app comes back in the same page, with the new code.
    write(app_file, textwrap.dedent(APP).replace('TITLE = "echo"', 'TITLE = "fixed"'))
    page.wait_for_function("() => document.getElementById('echo')?.textContent === 'fixed None'", timeout=15_000)
    wait_idle(page)
    page.click("#btn")
    page.wait_for_function("() => document.getElementById('echo')?.textContent === 'fixed 1'")
    assert page.errors == []  # type: ignore[attr-defined]


def test_an_error_while_importing_shows_its_traceback_from_the_app_code(tmp_path, debug_process, new_page):
    app_file = tmp_path / "app.py"
    helper = tmp_path / "helper.py"
    write(helper, 'TEXT = "ok"\n')
    write(app_file, textwrap.dedent(APP))
    server = debug_process(app_file)
    page = new_page()
    page.goto(server.url + "/")
    wait_idle(page)
    write(helper, 'def broken():\n    return 1 / 0\n\nTEXT = broken()\n')
    page.wait_for_selector("#_pw-start-error", timeout=15_000)
    shown = page.inner_text("#_pw-start-error")
    assert "ZeroDivisionError" in shown
    assert "helper.py" in shown and "in broken" in shown
    assert "runpy" not in shown and "propwire/" not in shown
    write(helper, 'TEXT = "back"\n')
    page.wait_for_function("() => document.getElementById('out')?.textContent === 'back'", timeout=15_000)
