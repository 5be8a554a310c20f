"""Dash Pages in Chromium: a dcc.Link click brings the next page (and its own callbacks' results) in one event
request, and the tab's title follows the page."""

from __future__ import annotations

import propwire.app
from propwire import Dash, Input, Output, callback, dcc, html, page_container, register_page


def _app(update_title: str | None = None) -> Dash:
    propwire.app.GLOBAL_CALLBACKS.clear()
    app = Dash(__name__, use_pages=True, pages_folder="", update_title=update_title)
    register_page("home", path="/", layout=html.Div("the home page", id="home"))

    def report(rid=None, **query):
        return html.Div([html.Span(f"report {rid}", id="body"), html.Div(id="derived")])

    register_page("report", path_template="/report/<rid>", title=lambda rid=None: f"Report {rid}", layout=report)

    @callback(Output("derived", "children"), Input("body", "children"))
    def derive(text):
        return f"derived from {text}"

    app.layout = html.Div([dcc.Link("Home", href="/", id="to-home"), dcc.Link("R5", href="/report/5", id="to-r5"),
                           page_container])
    return app


def test_a_link_click_brings_the_page_in_one_request(open_app):
    page = open_app(_app(), "/", ready="#home")
    assert page.title() == "Home"
    events = page.events
    events.clear()
    page.click("#to-r5")
    page.wait_for_selector("#derived:has-text('derived from report 5')")
    assert page.url.endswith("/report/5") and page.title() == "Report 5"
    assert len(events) == 1  # the router, then the inserted page's own callback: one round trip
    page.click("#to-home")
    page.wait_for_selector("#home")
    assert page.title() == "Home" and len(events) == 2
    page.go_back()
    page.wait_for_selector("#derived:has-text('derived from report 5')")
    assert page.title() == "Report 5"


def test_the_page_title_wins_over_the_busy_title(open_app):
    page = open_app(_app(update_title="Updating..."), "/report/1", ready="#derived")
    assert page.title() == "Report 1"
    page.click("#to-r5")
    page.wait_for_selector("#derived:has-text('derived from report 5')")
    page.wait_for_function("() => !document.body.dataset.pwBusy")
    assert page.title() == "Report 5"  # not the busy title, not the old page's
