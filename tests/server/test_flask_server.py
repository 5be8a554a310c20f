"""Dash(server=Flask(__name__)): the Flask app's routes, static folder, session cookie and before_request
functions work beside propwire's routes, and callbacks can read `flask.request` and `flask.session`."""

from __future__ import annotations

import json

import flask
import httpx
import pytest

from propwire import Dash, Input, Output, html

from .conftest import kinds, ndjson, run

CLICK = {"seq": 1, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1}, "present": {"btn": [], "out": []}}
JSON = {"content-type": "application/json"}


def flask_app(tmp_path) -> flask.Flask:
    (tmp_path / "static").mkdir(exist_ok=True)
    (tmp_path / "static" / "logo.txt").write_text("a logo")
    server = flask.Flask("shop", static_folder=str(tmp_path / "static"))
    server.secret_key = "test-secret"

    @server.route("/hello/<name>")
    def hello(name):
        return {"hello": name, "args": flask.request.args.get("x")}

    @server.route("/remember/<value>")
    def remember(value):
        flask.session["value"] = value
        return "ok"

    @server.route("/recall")
    def recall():
        return flask.session.get("value", "nothing")

    return server


def make_app(server, **kwargs) -> Dash:
    app = Dash(server=server, **kwargs)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def clicked(n):
        if not n:
            return "none"
        seen = (f"{flask.request.cookies.get('flavour')}/{flask.session.get('value')}/{flask.session.get('clicks')}"
                f"{flask.request.path}")
        flask.session["clicks"] = n
        return seen

    return app


def talk(app: Dash, steps) -> list[httpx.Response]:
    """Requests in order through app.server over one client (its cookie jar carries the session)."""

    async def go():
        transport = httpx.ASGITransport(app=app.server)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return [await client.request(method, url, **kw) for method, url, kw in steps]

    return run(go)


def event(body=CLICK, **kw):
    return ("POST", "/_propwire/event", {"content": json.dumps(body).encode(), "headers": JSON, **kw})


def test_the_flask_apps_routes_answer_beside_propwires_page_and_events(tmp_path):
    app = make_app(flask_app(tmp_path))
    hello, page, static, missing, clicked = talk(app, [
        ("GET", "/hello/ann?x=1", {}), ("GET", "/", {}), ("GET", "/static/logo.txt", {}),
        ("GET", "/static/none.txt", {}), event()])
    assert hello.status_code == 200 and hello.json() == {"hello": "ann", "args": "1"}
    assert page.status_code == 200 and "_pw-config" in page.text
    assert static.status_code == 200 and static.text == "a logo"
    assert missing.status_code == 404  # Flask's static route owns /static/: its 404, not propwire's page
    assert clicked.status_code == 200 and kinds(ndjson(clicked)) == ["plan", "result", "done"]


def test_the_flask_session_is_shared_by_flask_routes_and_callbacks(tmp_path):
    app = make_app(flask_app(tmp_path))
    remembered, clicked, recalled = talk(app, [("GET", "/remember/blue", {}), event(),
                                               ("GET", "/recall", {})])
    assert remembered.status_code == 200 and "session=" in remembered.headers["set-cookie"]
    outputs = ndjson(clicked)[1]["result"]["outputs"]
    assert outputs["out.children"] == "None/blue/None/_propwire/event", outputs  # the jar's session cookie
    assert any(c.startswith("session=") for c in clicked.headers.get_list("set-cookie"))  # the callback's change
    assert recalled.text == "blue"


def test_a_callback_reads_the_events_cookies_through_flask_request(tmp_path):
    app = make_app(flask_app(tmp_path))
    [clicked] = talk(app, [("POST", "/_propwire/event", {"content": json.dumps(CLICK).encode(),
                                                         "headers": {**JSON, "cookie": "flavour=mint"}})])
    assert ndjson(clicked)[1]["result"]["outputs"] == {"out.children": "mint/None/None/_propwire/event"}


def test_before_request_runs_on_propwires_routes_and_can_answer_for_them(tmp_path):
    server = flask_app(tmp_path)
    seen: list[str] = []

    @server.before_request
    def guard():
        seen.append(flask.request.path)
        if flask.request.headers.get("x-key") != "open":
            return flask.Response("go away", status=403)
        return None

    app = make_app(server)
    page, refused, allowed, static = talk(app, [("GET", "/", {}), event(), event(headers={**JSON, "x-key": "open"}),
                                                ("GET", "/_propwire/static/propwire.js", {})])
    assert page.status_code == 403 and page.text == "go away"
    assert refused.status_code == 403 and refused.text == "go away"
    assert allowed.status_code == 200 and kinds(ndjson(allowed)) == ["plan", "result", "done"]
    assert static.status_code == 200  # the renderer's files are public (a login page needs them)
    assert seen == ["/", "/_propwire/event", "/_propwire/event"]


def test_abort_in_before_request_is_answered_as_flask_answers_it(tmp_path):
    server = flask_app(tmp_path)
    server.before_request(lambda: flask.abort(401))
    app = make_app(server)
    [refused] = talk(app, [event()])
    assert refused.status_code == 401


def test_app_server_stands_for_the_flask_app(tmp_path):
    server = flask_app(tmp_path)
    app = make_app(server)
    assert app.server.config is server.config and app.server.url_map is server.url_map
    app.server.secret_key = "changed"
    assert server.secret_key == "changed"

    @app.server.route("/late")
    def late():
        return "added through app.server"

    [answer] = talk(app, [("GET", "/late", {})])
    assert answer.text == "added through app.server"


def test_a_dash_app_given_no_server_gets_a_flask_one_on_first_use_as_in_dash(tmp_path):
    app = make_app(True)
    [before] = talk(app, [("GET", "/ping", {})])
    assert "_pw-config" in before.text  # no Flask app yet: the page answers every path
    server = app.server

    @server.route("/ping")
    def ping():
        return {"pong": flask.request.args.get("n")}

    server.secret_key = "set-through-app-server"
    assert app.flask_server.secret_key == "set-through-app-server" and app.flask_server.name == app.name
    ping_, clicked = talk(app, [("GET", "/ping?n=2", {}), event()])
    assert ping_.json() == {"pong": "2"}
    assert ndjson(clicked)[1]["result"]["outputs"]["out.children"] == "None/None/None/_propwire/event"


def test_without_flask_installed_flasks_names_are_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "flask", None)
    app = Dash()
    with pytest.raises(AttributeError, match=r"Dash\(server=Flask\(__name__\)\)"):
        app.server.before_request  # noqa: B018


def test_propwires_own_routes_win_over_a_flask_catch_all(tmp_path):
    server = flask_app(tmp_path)
    server.add_url_rule("/<path:anything>", "all", lambda anything: f"flask {anything}")
    app = make_app(server)
    page, static, other = talk(app, [("GET", "/", {}), ("GET", "/_propwire/static/propwire.js", {}),
                                     ("GET", "/some/page", {})])
    assert "_pw-config" in page.text and static.status_code == 200 and other.text == "flask some/page"


def test_init_app_attaches_the_flask_app_later(tmp_path):
    app = make_app(False)
    app.init_app(flask_app(tmp_path))
    [hello] = talk(app, [("GET", "/hello/bo", {})])
    assert hello.json()["hello"] == "bo"
    with pytest.raises(RuntimeError, match="after app.server was built"):
        app.init_app(flask_app(tmp_path))


def test_server_must_be_a_flask_app():
    with pytest.raises(TypeError, match=r"server= takes True, False .* or a Flask app"):
        Dash(server=object())
    with pytest.raises(TypeError, match=r"init_app\(url_base_pathname=...\)"):
        Dash(server=False).init_app(None, url_base_pathname="/x/")


def test_a_missing_bridge_is_a_clear_error(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "a2wsgi", None)
    app = make_app(flask_app(tmp_path))
    with pytest.raises(ImportError, match="pip install a2wsgi"):
        app.server  # noqa: B018


def test_headless_callbacks_get_a_flask_request_context_too(tmp_path):
    from propwire.testing import Client

    app = make_app(flask_app(tmp_path))
    client = Client(app).open()
    client.click("btn")
    assert client.prop("out", "children") == "None/None/None/_propwire/event"
    client.click("btn")  # the first click's session change came back as a cookie the client keeps
    assert client.prop("out", "children") == "None/None/1/_propwire/event"
    assert "session" in client.cookies


def test_after_request_functions_that_cannot_run_on_propwires_routes_are_named_once(tmp_path):
    server = flask_app(tmp_path)

    @server.after_request
    def add_header(response):
        response.headers["x-flask"] = "1"
        return response

    app = make_app(server)
    with pytest.warns(UserWarning, match=r"after_request / teardown_request functions \(.*add_header\) run on"):
        hello, page = talk(app, [("GET", "/hello/x", {}), ("GET", "/", {})])
    assert hello.headers["x-flask"] == "1" and "x-flask" not in page.headers
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        talk(app, [("GET", "/", {})])  # said once
