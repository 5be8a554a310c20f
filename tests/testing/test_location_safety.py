"""The headless client's dcc.Location refuses script and data URLs and keeps its parts on this origin, as the
renderer's does (renderer/src/components/location.tsx)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

Drive = Callable[..., Client]


def _app(prop: str, value: str, refresh: object = True) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Location(id="url", refresh=refresh), html.Button("go", id="go")])

    @app.callback(Output("url", prop), Input("go", "n_clicks"), prevent_initial_call=True)
    def go(n):
        return value

    return app


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x",
                                  "vbscript:x", "data:text/html,<script>x</script>", "\x01javascript:x"])
@pytest.mark.parametrize("refresh", [True, "callback-nav"])
def test_a_script_or_data_href_is_not_followed(propwire_client: Drive, href: str, refresh: object) -> None:
    page = propwire_client(_app("href", href, refresh))
    before = page.url
    page.click("go")
    assert page.url == before


def test_a_pathname_that_looks_like_another_origin_stays_on_this_one(propwire_client: Drive) -> None:
    page = propwire_client(_app("pathname", "//evil.example/x"))
    page.click("go")
    assert page.url == "http://127.0.0.1//evil.example/x"


def test_a_pathname_with_a_scheme_is_a_path(propwire_client: Drive) -> None:
    page = propwire_client(_app("pathname", "javascript:alert(1)"))
    page.click("go")
    assert page.url == "http://127.0.0.1/javascript:alert(1)"


def test_an_ordinary_href_elsewhere_is_still_followed(propwire_client: Drive) -> None:
    page = propwire_client(_app("href", "/reports?y=1"))
    page.click("go")
    assert page.url == "http://127.0.0.1/reports?y=1"
