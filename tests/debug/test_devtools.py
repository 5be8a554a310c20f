"""The error overlay and the dev tools panel of debug pages; nothing of them without debug."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from tests.server.conftest import Client, ndjson

from .conftest import SEED, load_app, wait_idle

pytestmark = pytest.mark.browser

APP = '''
import time
from propwire import Dash, html, dcc, Input, Output, State, callback, ctx

app = Dash(__name__)
app.layout = html.Div([
    html.Button("explode", id="boom"),
    dcc.Input(id="word", value="hi"),
    html.Div(id="never"),
    dcc.Input(id="slow-in", value=""),
    html.Div(id="slow-out"),
    html.Div(id="timed"),
])


def inner(n, word):
    raise ValueError(f"boom {n} {word}")


@callback(Output("never", "children"), Input("boom", "n_clicks"), State("word", "value"), prevent_initial_call=True)
def explode(n, word):
    return inner(n, word)


@callback(Output("slow-out", "children"), Input("slow-in", "value"), prevent_initial_call=True)
def slow_echo(value):
    time.sleep(0.6)
    return f"echo {value}"


@callback(Output("timed", "children"), Input("word", "value"))
def timed(word):
    ctx.record_timing("lookup", 0.0125, "the dictionary")
    return word.upper()
'''


@pytest.fixture
def app_file(tmp_path: Path) -> Path:
    path = tmp_path / "debug_app.py"
    path.write_text(textwrap.dedent(APP))
    return path


def open_debug(new_page, serve, app) -> object:
    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    page.wait_for_selector("#_pw-devtools-toggle")
    return page


def test_a_failing_callback_shows_its_name_inputs_and_the_traceback_of_the_app_code(app_file, new_page, serve):
    app = load_app(app_file)
    page = open_debug(new_page, serve, app)
    page.fill("#word", "hey")
    wait_idle(page)
    page.click("#boom")
    overlay = page.wait_for_selector("#_pw-error .pw-error-item")
    text = overlay.inner_text()
    assert "Callback 'explode' raised an error" in text
    assert f"{app_file}:" in text  # where it is defined
    assert "ValueError: boom 1 hey" in text
    inputs = page.inner_text("#_pw-error .pw-error-inputs").splitlines()
    assert inputs == ["boom.n_clicks = 1", 'word.value = "hey"']
    traceback = page.inner_text("#_pw-error .pw-error-traceback")
    assert re.search(rf'File "{re.escape(str(app_file))}", line \d+, in explode', traceback)
    assert re.search(rf'File "{re.escape(str(app_file))}", line \d+, in inner', traceback)
    for internal in ("propwire/engine.py", "propwire/server.py", "anyio", "concurrent/futures", "threading.py"):
        assert internal not in traceback
    # Text, never HTML: nothing in the overlay was parsed as markup.
    assert page.evaluate("document.querySelector('#_pw-error pre').children.length") == 0
    page.click("#_pw-error button[aria-label='Dismiss errors']")
    assert page.query_selector("#_pw-error") is None
    # The app keeps working.
    page.fill("#word", "again")
    page.wait_for_function("() => document.getElementById('timed').textContent === 'AGAIN'")


def test_panel_shows_timing_and_a_result_dropped_for_a_newer_change(app_file, new_page, serve):
    app = load_app(app_file)
    page = open_debug(new_page, serve, app)
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='graph']")
    page.click("#_pw-devtools [data-mode='list']")
    graph = page.inner_text("#_pw-devtools .pw-dt-list")
    assert "word.value → timed → timed.children" in graph
    assert "slow-in.value → slow_echo → slow-out.children" in graph
    page.click("#_pw-devtools [data-mode='drawn']")
    page.wait_for_selector("#_pw-devtools svg.pw-dt-svg")

    # Type twice while the slow callback runs: the first result is dropped, the newest shows.
    page.type("#slow-in", "a")
    page.wait_for_selector("#_pw-devtools g[data-name='slow_echo'][data-running='1']")
    page.wait_for_timeout(150)
    page.type("#slow-in", "b")
    page.wait_for_function("() => document.getElementById('slow-out').textContent === 'echo ab'")
    wait_idle(page)
    page.wait_for_timeout(50)  # the panel redraws on the next frame
    assert page.query_selector("#_pw-devtools [data-running='1']") is None

    page.click("#_pw-devtools [data-tab='trace']")
    first = page.inner_text("#_pw-devtools section[data-seq='1']")
    assert 'slow-in.value = "a"' in first
    assert "slow_echo ran in" in first and "DROPPED: a newer change superseded it" in first
    second = page.inner_text("#_pw-devtools section[data-seq='2']")
    assert 'slow-out.children = "echo ab"' in second and "DROPPED" not in second

    page.click("#_pw-devtools [data-tab='timing']")
    row = page.inner_text("#_pw-devtools .pw-dt-timing tr[data-name='timed']")
    assert "lookup: 12.5 ms (the dictionary)" in row
    slow = page.inner_text("#_pw-devtools .pw-dt-timing tr[data-name='slow_echo']")
    cells = slow.split("\t")
    assert cells[1] == "2"  # runs
    assert float(cells[2].split()[0]) >= 600  # server time
    assert float(cells[3].split()[0]) >= 0  # network estimate
    assert page.errors == []  # type: ignore[attr-defined]


def test_trace_of_prevent_initial_call_notes_at_load_and_runs_on_click(new_page, serve):
    app = load_app(SEED / "prevent_initial_call.py")
    page = open_debug(new_page, serve, app)
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='graph']")
    page.click("#_pw-devtools [data-mode='list']")
    names = page.eval_on_selector_all("#_pw-devtools .pw-dt-list li[data-cb]", "els => els.map(e => e.dataset.name)")
    assert names == ["first_callback", "second_callback", "third_output"]
    assert "second_output_2.children → second_callback → third_output_2.children" in page.inner_text(
        "#_pw-devtools .pw-dt-list")
    page.click("#_pw-devtools [data-mode='drawn']")
    drawn = page.wait_for_selector("#_pw-devtools svg.pw-dt-svg")
    assert drawn.eval_on_selector_all("g[data-kind='callback']", "els => els.map(e => e.dataset.name)") == names

    page.click("#button_2")
    # Live: the slow second callback is lit while it runs, and no longer once it has reported.
    page.wait_for_selector("#_pw-devtools g[data-name='second_callback'][data-running='1']", timeout=5_000)
    page.wait_for_selector("#_pw-devtools g[data-name='second_callback']:not([data-running])", timeout=10_000)
    wait_idle(page)
    page.wait_for_timeout(50)  # the panel redraws on the next frame
    assert page.query_selector("#_pw-devtools [data-running='1']") is None

    page.click("#_pw-devtools [data-tab='trace']")
    load = page.eval_on_selector_all("#_pw-devtools section[data-seq='0'] li", "els => els.map(e => e.textContent)")
    assert load == ["first_callback not run: prevent_initial_call", "second_callback not run: prevent_initial_call",
                    "third_output not run: prevent_initial_call"]
    click = page.eval_on_selector_all("#_pw-devtools section[data-seq='1'] li",
                                      "els => els.map(e => [e.dataset.name, e.dataset.kind, e.textContent])")
    assert [(n, k) for n, k, _ in click] == [("first_callback", "result"), ("second_callback", "result"),
                                            ("third_output", "result")]
    assert "triggered by button_2.n_clicks" in click[0][2]
    assert "first_output_2.children = " in click[0][2] and "second_output_2.children = " in click[0][2]
    assert "triggered by second_output_2.children" in click[1][2]
    assert "triggered by first_output_2.children, third_output_2.children" in click[2][2]
    assert "button_2.n_clicks = 1" in page.inner_text("#_pw-devtools section[data-seq='1']")


def test_trace_of_prevent_update_shows_the_skip_then_the_result(new_page, serve):
    app = load_app(SEED / "prevent_update.py")
    page = open_debug(new_page, serve, app)
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='trace']")
    page.wait_for_selector("#_pw-devtools section[data-seq='0'] li[data-kind='skip']")
    assert page.inner_text("#_pw-devtools section[data-seq='0'] li") == "update_output skipped: PreventUpdate"
    page.click("#show-secret")
    page.wait_for_selector("#_pw-devtools section[data-seq='1'] li[data-kind='result']")
    text = page.inner_text("#_pw-devtools section[data-seq='1'] li")
    assert text.startswith("update_output ran in")
    assert "triggered by show-secret.n_clicks" in text
    assert "body-div.children = \"Elephants are the only animal that can't jump\"" in text


def test_no_update_outputs_are_listed_in_the_trace(tmp_path, new_page, serve):
    path = tmp_path / "partial.py"
    path.write_text(textwrap.dedent('''
        from propwire import Dash, html, Input, Output, callback, no_update

        app = Dash(__name__)
        app.layout = html.Div([html.Button("b", id="b"), html.Div(id="x"), html.Div(id="y")])

        @callback(Output("x", "children"), Output("y", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def half(n):
            return f"x{n}", no_update
    '''))
    page = open_debug(new_page, serve, load_app(path))
    page.click("#b")
    wait_idle(page)
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='trace']")
    text = page.inner_text("#_pw-devtools section[data-seq='1'] li")
    assert 'x.children = "x1"' in text and "no_update: y.children" in text


def test_set_props_to_an_id_typo_shows_in_the_overlay_naming_the_callback_where_and_the_fix(tmp_path, new_page,
                                                                                             serve):
    # Dash 4.4.1 (debug): its dev tools show "ID running component not found in layout", no callback, no fix.
    path = tmp_path / "typo.py"
    path.write_text(textwrap.dedent('''
        from propwire import Dash, html, Input, Output, callback, set_props

        app = Dash(__name__)
        app.layout = html.Div([html.Button("b", id="b"), html.Div(id="city-name"), html.Div(id="out")])

        @callback(Output("out", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
        def fire(n):
            set_props("cityname", {"children": "Oslo"})
            return "done"
    '''))
    page = open_debug(new_page, serve, load_app(path))
    page.click("#b")
    text = page.wait_for_selector("#_pw-error .pw-error-item").inner_text()
    assert "Callback 'fire': set_props names an id not in the page" in text
    assert f"{path}:" in text  # where the callback is defined
    assert "set_props('cityname', ...) was ignored: no component of the page has that id; did you mean " \
           "'city-name'?" in text


def test_without_debug_nothing_of_the_dev_tools_reaches_the_browser(app_file, new_page, serve):
    app = load_app(app_file, debug=False)
    client = Client(app)
    html = client.get("/").text
    config = json.loads(re.search(r'<script id="_pw-config" type="application/json">(.*?)</script>', html).group(1))
    assert config["debug"] is False and "devtools" not in config
    assert client.get("/_propwire/reload").status_code == 404
    res = client.event({"seq": 1, "changed": {"boom.n_clicks": 1}, "values": {"boom.n_clicks": 1, "word.value": "x"},
                        "present": {"boom": [], "word": [], "never": []}})
    lines = ndjson(res)
    errors = [line["error"] for line in lines if "error" in line]
    assert errors and set(errors[0]) == {"cb", "message"}
    assert "boom" not in errors[0]["message"] and "Traceback" not in res.text
    assert not any("note" in line for line in lines)

    page = new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(serve(app) + "/")
    wait_idle(page)
    page.click("#boom")
    wait_idle(page)
    assert page.query_selector("#_pw-devtools-toggle") is None
    assert page.query_selector("#_pw-error") is None
    assert not any("pw-devtools" in url or "/_propwire/reload" in url for url in requested)
