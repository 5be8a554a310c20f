"""Dash Pages served: each page's title and og:/twitter: meta tags in the HTML, redirect_from, the 404 page, a
page's content in the page load's own stream, under a prefix too."""

from __future__ import annotations

import html as html_text
import re

import pytest

import propwire.app
from propwire import Dash, dcc, html, page_container

from .conftest import Client, page_config


@pytest.fixture(autouse=True)
def _no_leftover_callbacks():
    """Page files register global @callbacks: an app whose engine a test never built must not pass them on."""
    propwire.app.GLOBAL_CALLBACKS.clear()


def _pages_app(tmp_path, **options) -> Dash:
    pages = tmp_path / "pages"
    pages.mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.png").write_bytes(b"")
    (pages / "home.py").write_text(
        "from propwire import html, register_page\n"
        "register_page(__name__, path='/', description='All the <numbers>')\n"
        "layout = html.Div('home page', id='home')\n")
    (pages / "report.py").write_text(
        "from propwire import html, register_page, callback, Input, Output\n"
        "register_page(__name__, path_template='/report/<rid>', title=lambda rid=None: f'Report {rid}',\n"
        "              description=lambda rid=None: f'About {rid}', redirect_from=['/old', '/older/one'],\n"
        "              image_url='https://cdn.example/r.png')\n"
        "def layout(rid=None, **query):\n"
        "    return html.Div([html.Span(f'report {rid} {query}', id='body'), html.Div(id='derived')])\n"
        "@callback(Output('derived', 'children'), Input('body', 'children'))\n"
        "def derive(text):\n"
        "    return f'derived from {text}'\n")
    (pages / "not_found_404.py").write_text(
        "from propwire import html, register_page\n"
        "register_page(__name__)\n"
        "layout = html.H1('Nothing here', id='missing')\n")
    app = Dash(__name__, use_pages=True, pages_folder=str(pages), assets_folder=str(tmp_path / "assets"),
               **options)
    app.layout = html.Div([dcc.Link("Home", href=app.get_relative_path("/"), id="home-link"), page_container])
    return app


def _metas(text: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<meta [^>]*>", text):
        key = re.search(r'(?:name|property)="([^"]+)"', tag)
        content = re.search(r'content="([^"]*)"', tag)
        if key and content:
            found[key.group(1)] = html_text.unescape(content.group(1))
    return found


def _title(text: str) -> str:
    return html_text.unescape(re.search(r"<title>(.*?)</title>", text).group(1))


def test_each_page_has_its_title_and_meta_tags(tmp_path):
    client = Client(_pages_app(tmp_path))
    home = client.get("/")
    metas = _metas(home.text)
    assert _title(home.text) == "Home"
    assert metas["description"] == "All the <numbers>" and metas["og:description"] == "All the <numbers>"
    assert "All the &lt;numbers&gt;" in home.text  # escaped, never markup
    assert metas["og:title"] == metas["twitter:title"] == "Home" and metas["og:type"] == "website"
    assert metas["twitter:card"] == "summary_large_image" and metas["twitter:url"] == "http://127.0.0.1/"
    assert metas["og:image"] == metas["twitter:image"] == "http://127.0.0.1/assets/app.png"
    report = client.get("/report/7?x=1")
    metas = _metas(report.text)
    assert _title(report.text) == "Report 7" and metas["og:title"] == "Report 7"
    assert metas["description"] == "About 7" and metas["og:image"] == "https://cdn.example/r.png"
    assert metas["twitter:url"] == "http://127.0.0.1/report/7?x=1"
    assert page_config(report.text)["pageTitle"] == "_pages_store"


def test_the_page_arrives_in_the_page_loads_own_stream(tmp_path):
    text = Client(_pages_app(tmp_path)).get("/report/9?x=1").text
    assert "report 9 {'x': '1'}" in text  # the router's output
    assert "derived from report 9" in text  # and the inserted page's own callback, in the same response
    assert '"title":"Report 9"' in text  # the store the tab's title follows, written in the same stream


def test_unknown_paths_show_the_404_page(tmp_path):
    response = Client(_pages_app(tmp_path)).get("/no/such/page")
    assert response.status_code == 200 and "Nothing here" in response.text  # as Dash: a page, status 200
    assert _title(response.text) == "Not found 404"  # the title the router gives the tab
    assert _metas(response.text)["og:title"] == "propwire"  # Dash's tags: no page at that path, the app's title


def test_the_default_404_without_a_404_page(tmp_path):
    app = Dash(__name__, use_pages=True, pages_folder="")
    from propwire import register_page

    register_page("home", path="/", layout=html.Div("home"))
    app.layout = page_container
    assert "404 - Page not found" in Client(app).get("/elsewhere").text


def test_redirect_from_redirects(tmp_path):
    client = Client(_pages_app(tmp_path))
    for old in ("/old", "/older/one"):
        response = client.get(old)
        assert response.status_code == 302 and response.headers["location"] == "/report/none"


def test_pages_under_a_prefix(tmp_path):
    client = Client(_pages_app(tmp_path, url_base_pathname="/sales/"))
    report = client.get("/sales/report/3")
    assert _title(report.text) == "Report 3" and "report 3 {}" in report.text
    assert _metas(client.get("/sales/").text)["og:image"] == "http://127.0.0.1/sales/assets/app.png"
    response = client.get("/sales/old")
    assert response.status_code == 302 and response.headers["location"] == "/sales/report/none"
    assert "/sales/" in repr(page_config(report.text)["layout"])  # the Link's get_relative_path href


def test_include_pages_meta_false_leaves_the_tags_out(tmp_path):
    text = Client(_pages_app(tmp_path, include_pages_meta=False)).get("/").text
    assert "og:title" not in text and _title(text) == "Home"
