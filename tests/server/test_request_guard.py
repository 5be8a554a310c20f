"""request_guard.py and the page's headers (issue 12 items 6, 8, 9): what runs for which request, Origin
checks on events and cookie exchanges, one Host header, the content type's case, cookie defaults, CSP."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from propwire import Dash, Input, Output, ctx, html
from propwire.web.cookie_token import open_token

from .conftest import ndjson, page_pushes, run

CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
JSON = {"content-type": "application/json"}


def counting_app(**options: Any) -> tuple[Dash, dict[str, int]]:
    """An app that counts its layout builds and its callback calls (initial and event alike)."""
    counts = {"layout": 0, "calls": 0}
    app = Dash(__name__, **options)

    def layout():
        counts["layout"] += 1
        return html.Div([html.Button(id="btn"), html.Div(id="out")])

    app.layout = layout

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        counts["calls"] += 1
        ctx.response.set_cookie("seen", str(n))
        return f"clicked {n}"

    app.engine  # built (one layout call) before the counting starts
    counts["layout"] = 0
    return app, counts


def request(app: Dash, method: str, url: str, base: str = "http://127.0.0.1", **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app.server)
        async with httpx.AsyncClient(transport=transport, base_url=base) as client:
            return await client.request(method, url, **kwargs)

    return run(go)


# -- item 6: only a navigation runs the page's callbacks -------------------------------------------------


@pytest.mark.parametrize("headers", [
    {"sec-fetch-dest": "image", "sec-fetch-mode": "no-cors", "sec-fetch-site": "cross-site"},
    {"sec-fetch-dest": "script", "sec-fetch-site": "cross-site"},
    {"sec-fetch-dest": "empty", "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin"},
    {"sec-fetch-dest": "style"},
], ids=["img", "script", "fetch", "style"])
def test_a_subresource_get_runs_nothing(headers: dict[str, str]) -> None:
    app, counts = counting_app()
    response = request(app, "GET", "/some/page", headers=headers)
    assert response.status_code == 400
    assert "navigations only" in response.json()["error"]
    assert counts == {"layout": 0, "calls": 0}


def test_head_of_any_path_runs_nothing_and_answers_the_page_headers() -> None:
    app, counts = counting_app()
    for path in ("/", "/deep/path?q=1"):
        response = request(app, "HEAD", path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        assert response.content == b""
    assert counts == {"layout": 0, "calls": 0}


@pytest.mark.parametrize("headers", [{}, {"sec-fetch-dest": "document", "sec-fetch-mode": "navigate"},
                                     {"sec-fetch-dest": "iframe", "sec-fetch-site": "same-origin"}],
                         ids=["no-metadata", "document", "iframe"])
def test_a_navigation_runs_the_layout_and_initial_callbacks(headers: dict[str, str]) -> None:
    app, counts = counting_app()
    response = request(app, "GET", "/", headers=headers)
    assert response.status_code == 200
    assert any("result" in line for line in page_pushes(response.text))
    assert counts == {"layout": 1, "calls": 1}


def test_health_endpoint_answers_ok_and_runs_nothing() -> None:
    app, counts = counting_app()
    for method in ("GET", "HEAD"):
        response = request(app, method, "/_propwire/health")
        assert response.status_code == 200
    assert request(app, "GET", "/_propwire/health").text == "ok"
    assert counts == {"layout": 0, "calls": 0}


# -- item 9: Origin ------------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{"origin": "https://evil.example"}, {"origin": "null"},
                                     {"origin": "http://127.0.0.1:9999"},
                                     {"sec-fetch-site": "cross-site"}],
                         ids=["other-site", "null", "other-port", "no-origin-cross-site"])
def test_a_cross_site_event_is_refused_before_any_callback(headers: dict[str, str]) -> None:
    app, counts = counting_app()
    response = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK), headers={**JSON, **headers})
    assert response.status_code == 403
    assert "cross-site request refused" in response.json()["error"]
    assert counts["calls"] == 0


@pytest.mark.parametrize("headers", [{"origin": "http://127.0.0.1"}, {"origin": "http://127.0.0.1:80"},
                                     {}, {"sec-fetch-site": "same-origin"}],
                         ids=["same", "default-port", "no-origin", "no-origin-same-origin"])
def test_a_same_origin_or_non_browser_event_runs(headers: dict[str, str]) -> None:
    app, counts = counting_app()
    response = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK), headers={**JSON, **headers})
    assert response.status_code == 200, response.text
    assert counts["calls"] == 1


def test_allowed_origins_lets_a_listed_site_send_events() -> None:
    app, counts = counting_app(allowed_origins=["https://portal.example"])
    ok = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK),
                 headers={**JSON, "origin": "https://portal.example"})
    refused = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK),
                      headers={**JSON, "origin": "https://other.example"})
    assert (ok.status_code, refused.status_code, counts["calls"]) == (200, 403, 1)


def test_the_own_origin_follows_the_host_header_and_scheme() -> None:
    app, counts = counting_app()
    ok = request(app, "POST", "/_propwire/event", base="https://app.example", content=json.dumps(CLICK),
                 headers={**JSON, "origin": "https://app.example"})
    wrong_scheme = request(app, "POST", "/_propwire/event", base="https://app.example", content=json.dumps(CLICK),
                           headers={**JSON, "origin": "http://app.example"})
    assert (ok.status_code, wrong_scheme.status_code, counts["calls"]) == (200, 403, 1)


def test_a_cross_site_cookie_exchange_is_refused() -> None:
    app, _ = counting_app()
    response = request(app, "POST", "/_propwire/cookies", content=json.dumps({"seq": 0, "token": "x"}),
                       headers={**JSON, "origin": "https://evil.example"})
    assert response.status_code == 403 and "cross-site" in response.json()["error"]


# -- item 8: Host, content type, cookies, headers --------------------------------------------------------


def test_a_duplicate_host_header_is_a_400_for_events_and_pages() -> None:
    app, counts = counting_app()
    hosts = [("host", "127.0.0.1"), ("host", "evil.example")]
    page = request(app, "GET", "/", headers=hosts)
    event = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK),
                    headers=[*hosts, ("content-type", "application/json")])
    assert (page.status_code, event.status_code) == (400, 400)
    assert "more than one Host" in event.json()["error"]
    assert counts == {"layout": 0, "calls": 0}


def test_the_content_type_check_ignores_case() -> None:
    app, counts = counting_app()
    response = request(app, "POST", "/_propwire/event", content=json.dumps(CLICK),
                       headers={"content-type": "Application/JSON; charset=utf-8"})
    assert response.status_code == 200 and counts["calls"] == 1


def _event_cookie(base: str) -> str:
    app, _ = counting_app()
    response = request(app, "POST", "/_propwire/event", base=base, content=json.dumps(CLICK), headers=JSON)
    assert response.status_code == 200
    return response.headers["set-cookie"]


def test_cookies_default_to_samesite_lax_and_secure_only_over_https() -> None:
    plain, tls = _event_cookie("http://127.0.0.1"), _event_cookie("https://127.0.0.1")
    assert "SameSite=lax" in plain and "Secure" not in plain
    assert "SameSite=lax" in tls and "Secure" in tls


def test_late_cookies_of_the_page_load_get_the_same_defaults() -> None:
    app, _ = counting_app()
    page = request(app, "GET", "/", base="https://127.0.0.1")
    token = next(line["cookies"]["token"] for line in page_pushes(page.text) if "cookies" in line)
    (cookie,) = open_token(token, 0)
    assert cookie.startswith("seen=None") and "Secure" in cookie and "SameSite=lax" in cookie


def test_httponly_and_an_explicit_secure_are_kept() -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def show(n):
        ctx.response.set_cookie("a", "1", httponly=True, secure=False)
        return "x"

    response = request(app, "POST", "/_propwire/event", base="https://127.0.0.1", content=json.dumps(CLICK),
                       headers=JSON)
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Secure" not in cookie
    assert ndjson(response)[-1] == {"done": {"seq": 1}}


def _csp(response: httpx.Response) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in response.headers["content-security-policy"].split("; ")}


def test_the_page_sends_a_csp_whose_nonce_every_inline_script_carries() -> None:
    app, _ = counting_app(external_scripts=["https://cdn.example/lib.js"],
                          external_stylesheets=["https://fonts.example/a.css"])
    first, second = request(app, "GET", "/"), request(app, "GET", "/")
    policy = _csp(first)
    nonce = re.fullmatch(r"'nonce-([\w-]+)'", policy["script-src"][-1]).group(1)
    assert nonce != _csp(second)["script-src"][-1][7:-1]  # a fresh nonce per response
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "https://cdn.example" in policy["script-src"] and "https://fonts.example" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    scripts = re.findall(r"<script([^>]*)>", first.text)
    assert scripts and all(f'nonce="{nonce}"' in s for s in scripts if "application/json" not in s)
    assert first.headers["x-frame-options"] == "SAMEORIGIN"
    assert first.headers["x-content-type-options"] == "nosniff"
    assert first.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_frame_ancestors_and_the_policy_are_configurable() -> None:
    app, _ = counting_app(frame_ancestors=["'self'", "https://portal.example"],
                          content_security_policy={"img-src": ["'self'"]})
    response = request(app, "GET", "/")
    policy = _csp(response)
    assert policy["frame-ancestors"] == ["'self'", "https://portal.example"] and policy["img-src"] == ["'self'"]
    assert "x-frame-options" not in response.headers  # it cannot name another site; frame-ancestors does
    off, _ = counting_app(content_security_policy=False, frame_ancestors=None)
    response = request(off, "GET", "/")
    assert "content-security-policy" not in response.headers and "x-frame-options" not in response.headers
    with pytest.raises(TypeError, match="content_security_policy"):
        counting_app(content_security_policy="default-src *")[0].server


def test_other_answers_carry_nosniff_and_the_referrer_policy() -> None:
    app, _ = counting_app()
    for path in ("/_propwire/health", "/_propwire/static/propwire.js"):
        response = request(app, "GET", path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
