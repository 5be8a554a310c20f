"""propwire's default stylesheet (propwire-theme.css): linked first by default, served, and off by the
`default_stylesheet` option, the app attribute or $PROPWIRE_DEFAULT_STYLESHEET (docs/app.md)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from propwire import Dash, html
from propwire.web.page import STATIC_DIR

THEME = "/_propwire/static/propwire-theme.css"


def _page(monkeypatch: pytest.MonkeyPatch | None = None, env: str | None = None, **options) -> str:
    if monkeypatch is not None and env is not None:
        monkeypatch.setenv("PROPWIRE_DEFAULT_STYLESHEET", env)
    app = Dash(__name__, external_stylesheets=["https://cdn.example/site.css"], **options)
    app.layout = html.Div("hello")
    with TestClient(app.server) as http:
        return http.get("/").text


def test_linked_by_default_before_propwire_css_and_the_apps_own(monkeypatch):
    monkeypatch.delenv("PROPWIRE_DEFAULT_STYLESHEET", raising=False)
    page = _page()
    theme, components, own = page.index(THEME), page.index("/_propwire/static/propwire.css"), page.index("cdn.example")
    assert 0 < theme < components < own  # first: whatever comes later wins where both set a property


def test_served_and_weightless():
    app = Dash(__name__)
    app.layout = html.Div("hello")
    with TestClient(app.server) as http:
        answer = http.get(THEME)
    assert answer.status_code == 200 and "text/css" in answer.headers["content-type"]
    assert answer.text == (STATIC_DIR / "propwire-theme.css").read_text()
    # every rule inside :where(), so an app's or a library's rule always wins (a minified sheet: one rule a "}")
    rules = [r for r in answer.text.split("}") if "{" in r and not r.strip().startswith("@")]
    assert rules and all(r.split("{")[0].strip().startswith(":where(") for r in rules)


@pytest.mark.parametrize("how", ["option", "attribute", "env"])
def test_turned_off(monkeypatch, how):
    monkeypatch.delenv("PROPWIRE_DEFAULT_STYLESHEET", raising=False)
    if how == "option":
        page = _page(default_stylesheet=False)
    elif how == "env":
        page = _page(monkeypatch, "0")
    else:
        app = Dash(__name__)
        app.layout = html.Div("hello")
        with TestClient(app.server) as http:
            assert THEME in http.get("/").text
            app.default_stylesheet = False  # read on each page load
            page = http.get("/").text
    assert "propwire-theme.css" not in page and "/_propwire/static/propwire.css" in page


def test_the_argument_wins_over_the_variable(monkeypatch):
    assert THEME in _page(monkeypatch, "off", default_stylesheet=True)
    assert THEME in _page(monkeypatch, "1")


def test_a_wrong_value_is_an_error():
    with pytest.raises(TypeError, match="default_stylesheet"):
        Dash(__name__, default_stylesheet="no")
