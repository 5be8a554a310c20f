"""Clientside callbacks in Chromium: how many requests an action costs (docs/callbacks.md, "Clientside
callbacks"), that a server step after a clientside one runs once with its output, and that inline functions run
under the page's Content-Security-Policy with no violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from propwire import Dash, Input, Output, State, clientside_callback, dcc, html

from .conftest import wait_idle

pytestmark = pytest.mark.browser

WATCH = """window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


def _events(page: Page) -> int:
    return len(page.events)  # type: ignore[attr-defined]


def test_a_local_clientside_step_costs_no_request_and_feeds_the_server_in_the_same_one(open_app):
    calls: list = []
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="text", value="ab"), html.Div(id="length"), html.Button("x", id="only"),
                           html.Div(id="only-out"), html.Div(id="server")])
    clientside_callback("function(v) { return 'length ' + (v || '').length; }", Output("length", "children"),
                        Input("text", "value"))
    app.clientside_callback("function(n) { return 'only ' + n + ' </script>'; }", Output("only-out", "children"),
                            Input("only", "n_clicks"), prevent_initial_call=True)

    @app.callback(Output("server", "children"), Input("length", "children"))
    def server(length):
        calls.append(length)
        return f"server saw {length}"

    page = open_app(app)
    assert page.text_content("#server") == "server saw length 2"
    before = _events(page)
    page.fill("#text", "hello")
    wait_idle(page)
    assert page.text_content("#server") == "server saw length 5"
    assert _events(page) - before == 1  # the user's change and the clientside output in one event
    assert calls == ["length 2", "length 5"]
    before = _events(page)
    page.click("#only")
    page.wait_for_function("document.querySelector('#only-out').textContent === 'only 1 </script>'")
    wait_idle(page)
    assert _events(page) == before  # only a local clientside callback ran: no request at all


def test_a_clientside_step_between_server_steps_costs_one_follow_up_and_never_a_stale_call(open_app):
    calls: list = []
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="x", value="1"), html.Div(id="double"), html.Div(id="plus"),
                           html.Div(id="final")])

    @app.callback(Output("double", "children"), Input("x", "value"))
    def double(x):
        return str(int(x or 0) * 2)

    app.clientside_callback(
        "async function(d) { await new Promise(r => setTimeout(r, 80)); return String(Number(d) + 100); }",
        Output("plus", "children"), Input("double", "children"))

    @app.callback(Output("final", "children"), Input("plus", "children"), Input("double", "children"),
                  State("x", "value"))
    def final(plus, double, x):
        calls.append((plus, double, x))
        return f"{x}:{double}:{plus}"

    page = open_app(app)
    assert page.text_content("#final") == "1:2:102"
    before = _events(page)
    page.fill("#x", "7")
    wait_idle(page)
    assert page.text_content("#final") == "7:14:114"
    assert _events(page) - before == 2  # the action, then the clientside step's outputs with what waited for it
    assert calls == [("102", "2", "1"), ("114", "14", "7")]  # never with the old clientside output


def test_inline_functions_run_under_the_csp_and_errors_are_reported(browser, open_app):
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="go"), html.Div(id="out"), html.Button("bad", id="bad"),
                           html.Div("untouched", id="bad-out")])
    clientside_callback("function(n) { return 'ran ' + (n || 0); }", Output("out", "children"), Input("go", "n_clicks"))
    clientside_callback("function(n) { throw new Error('clientside boom'); }", Output("bad-out", "children"),
                        Input("bad", "n_clicks"), prevent_initial_call=True)
    page = open_app(app)
    page.evaluate(WATCH)
    assert page.text_content("#out") == "ran 0"
    page.click("#go")
    page.wait_for_function("document.querySelector('#out').textContent === 'ran 1'")
    assert page.evaluate("window.__csp") == []
    page.click("#bad")
    wait_idle(page)
    assert page.text_content("#bad-out") == "untouched"
    assert any("clientside boom" in m for m in page.console_errors)  # type: ignore[attr-defined]
