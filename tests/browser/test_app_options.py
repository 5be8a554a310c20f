"""Dash() options in a real browser: an app under a prefix (every request under it, gzip on, a custom index
string) works end to end, and update_title shows while a callback runs."""

from __future__ import annotations

import threading
from pathlib import Path

from propwire import Dash, Input, Output, dcc, html

from .conftest import wait_idle

TEMPLATE = """<!DOCTYPE html><html><head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body><header id="brand">Acme</header>{%app_entry%}{%config%}{%scripts%}{%renderer%}
<footer id="after">support</footer></body></html>"""


def _prefixed_app(assets: Path) -> Dash:
    assets.mkdir(exist_ok=True)
    (assets / "site.css").write_text("#greeting { color: rgb(0, 128, 128); }")
    (assets / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    app = Dash(__name__, url_base_pathname="/sales/", assets_folder=str(assets), compress=True,
               index_string=TEMPLATE, title="Sales")
    app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.P(id="greeting"),
                           dcc.Location(id="url"), html.P(id="where")])

    @app.callback(Output("greeting", "children"), Input("name", "value"))
    def greet(name):
        return f"Hello {name} " + "!" * 600  # big enough to be gzipped

    @app.callback(Output("where", "children"), Input("url", "pathname"))
    def where(pathname):
        return f"page {app.strip_relative_path(pathname)!r}"

    return app


def test_an_app_under_a_prefix_works_and_asks_only_under_it(open_app, tmp_path):
    page = open_app(_prefixed_app(tmp_path / "assets"), "/sales/reports/", ready="#brand")
    assert page.text_content("#greeting").startswith("Hello Ada")
    assert page.text_content("#where") == "page 'reports'"
    assert page.eval_on_selector("#greeting", "e => getComputedStyle(e).color") == "rgb(0, 128, 128)"
    page.fill("#name", "Bob")
    page.wait_for_function("() => document.querySelector('#greeting').textContent.startsWith('Hello Bob')")
    wait_idle(page)
    assert page.is_visible("#after") and not page.console_errors, page.console_errors
    base = page.url_base + "/sales/"
    outside = [url for url in page.requested if not url.startswith(base)]
    assert not outside, outside
    assert page.sockets and all(url.startswith(base.replace("http", "ws") + "_propwire/ws") for url in page.sockets)
    assert any(url.startswith(base + "assets/favicon.ico") for url in page.requested)


def _slow_app(released: threading.Event, **options) -> Dash:
    app = Dash(__name__, title="Sales", **options)
    app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
    def slow(n):
        released.wait(10)
        return f"done {n}"

    return app


def test_update_title_shows_while_a_callback_runs(open_app):
    released = threading.Event()
    page = open_app(_slow_app(released, update_title="Working..."))
    assert page.title() == "Sales"
    page.click("#go")
    page.wait_for_function("() => document.title === 'Working...'")  # while the callback is still blocked
    assert page.text_content("#out") == ""
    released.set()
    page.wait_for_function("() => document.querySelector('#out').textContent === 'done 1'")
    page.wait_for_function("() => document.title === 'Sales'")


def test_update_title_none_leaves_the_title_alone(open_app):
    released = threading.Event()
    page = open_app(_slow_app(released, update_title=None))
    page.click("#go")
    page.wait_for_function("() => document.body.dataset.pwBusy === '1'")  # the event is under way
    assert page.title() == "Sales"
    released.set()
    page.wait_for_function("() => document.querySelector('#out').textContent === 'done 1'")
    assert page.title() == "Sales"
