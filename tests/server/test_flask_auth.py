"""The auth hook (Dash(auth=..., auth_public=...)) guards the page, every event and the other routes, with and
without a Flask server; flask-login and dash-auth's BasicAuth guard a propwire app as they guard a Dash one.
A refused event never reaches a callback."""

from __future__ import annotations

import base64
import json

import flask
import flask_login
import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from propwire import Dash, Input, Output, html

from .test_flask_server import JSON, event, talk


def make_app(calls: list, **kwargs) -> Dash:
    app = Dash(**kwargs)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        calls.append(n)
        return f"clicked {n}"

    return app


def signed_in(request):
    return request.cookies.get("user") == "ann" or "/login"


def test_a_denied_event_gets_401_and_never_reaches_the_callback():
    calls: list = []
    app = make_app(calls, auth=signed_in)
    refused, allowed = talk(app, [event(), event(headers={**JSON, "cookie": "user=ann"})])
    assert refused.status_code == 401 and "authentication required" in refused.json()["error"]
    assert allowed.status_code == 200 and calls == [1]


def test_the_page_redirects_to_the_login_url_and_other_routes_are_guarded(tmp_path):
    (tmp_path / "site.css").write_text("body {}")
    calls: list = []
    app = make_app(calls, auth=signed_in, assets_folder=str(tmp_path))
    page, asset, cookies, health, static, ok = talk(app, [
        ("GET", "/", {}), ("GET", "/assets/site.css", {}),
        ("POST", "/_propwire/cookies", {"content": b"{}", "headers": JSON}),
        ("GET", "/_propwire/health", {}), ("GET", "/_propwire/static/propwire.js", {}),
        ("GET", "/", {"headers": {"cookie": "user=ann"}})])
    assert page.status_code == 303 and page.headers["location"] == "/login"
    assert asset.status_code == 303 and cookies.status_code == 401
    assert health.status_code == 200 and static.status_code == 200  # public: nothing of the app's in them
    assert ok.status_code == 200 and "_pw-config" in ok.text


def test_routes_added_to_app_server_are_guarded_unless_public():
    app = make_app([], auth=lambda request: False, auth_public=["/login", "/open/"])
    for path, text in (("/login", "login form"), ("/open/x", "open"), ("/secret", "secret")):
        # ahead of propwire's catch-all page route, as docs/auth.md shows
        app.server.routes.insert(0, Route(path, lambda r, text=text: PlainTextResponse(text)))
    login, opened, secret = talk(app, [("GET", "/login", {}), ("GET", "/open/x", {}), ("GET", "/secret", {})])
    assert login.text == "login form" and opened.text == "open"
    assert secret.status_code == 401 and secret.text == "authentication required"


def test_an_async_hook_and_a_response_answer():
    async def hook(request):
        return PlainTextResponse("members only", status_code=403)

    calls: list = []
    [refused] = talk(make_app(calls, auth=hook), [event()])
    assert refused.status_code == 403 and refused.text == "members only" and calls == []


def test_a_hook_returning_nothing_fails_closed_and_a_bad_value_is_an_error():
    calls: list = []
    [refused] = talk(make_app(calls, auth=lambda request: None), [event()])
    assert refused.status_code == 401 and calls == []
    with pytest.raises(TypeError, match="auth hook returned int"):
        talk(make_app(calls, auth=lambda request: 3), [event()])
    assert calls == []


def test_bad_auth_options_fail_in_the_constructor():
    with pytest.raises(TypeError, match=r"Dash\(auth=...\) takes a function"):
        Dash(auth="yes")
    with pytest.raises(ValueError, match="not a path starting with '/'"):
        Dash(auth=signed_in, auth_public=["login"])
    with pytest.raises(TypeError, match="a list of paths"):
        Dash(auth=signed_in, auth_public="/login")

    async def hook(request):
        return True

    with pytest.raises(TypeError, match="must be a plain def"):
        Dash(server=flask.Flask("x"), auth=hook).server  # noqa: B018


class User(flask_login.UserMixin):
    def __init__(self, user_id):
        self.id = user_id


def flask_login_app(calls: list) -> Dash:
    """The flask-login pattern of docs/auth.md: a Flask login route, the hook asks current_user."""
    server = flask.Flask("members")
    server.secret_key = "test-secret"
    manager = flask_login.LoginManager()
    manager.init_app(server)
    manager.user_loader(lambda user_id: User(user_id) if user_id == "ann" else None)

    @server.route("/login", methods=["GET", "POST"])
    def login():
        if flask.request.method == "POST" and flask.request.form.get("password") == "pw":
            flask_login.login_user(User(flask.request.form["user"]))
            return flask.redirect("/")
        return "<form method=post>...</form>"

    @server.route("/report")
    def report():
        return f"report for {flask_login.current_user.id}"

    def member(request):
        return flask_login.current_user.is_authenticated or flask.url_for("login")

    app = Dash(server=server, auth=member, auth_public=["/login"])
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def clicked(n):
        calls.append(n)
        return f"{flask_login.current_user.id} clicked {n}"

    return app


def test_flask_login_guards_page_events_and_flask_routes():
    calls: list = []
    app = flask_login_app(calls)
    page, refused, report, form = talk(app, [("GET", "/", {}), event(), ("GET", "/report", {}),
                                             ("GET", "/login", {})])
    assert page.status_code == 303 and page.headers["location"] == "/login"
    assert refused.status_code == 401 and calls == []
    assert report.status_code == 303  # a Flask route is behind the hook too
    assert form.status_code == 200 and "<form" in form.text
    wrong, signed, page, clicked, report = talk(app, [
        ("POST", "/login", {"data": {"user": "ann", "password": "no"}}),
        ("POST", "/login", {"data": {"user": "ann", "password": "pw"}}),
        ("GET", "/", {}), event(), ("GET", "/report", {})])
    assert wrong.status_code == 200 and signed.status_code == 302
    assert page.status_code == 200 and "_pw-config" in page.text
    assert clicked.status_code == 200 and calls == [1]
    assert json.loads(clicked.text.splitlines()[1])["result"]["outputs"] == {"out.children": "ann clicked 1"}
    assert report.text == "report for ann"


@pytest.mark.parametrize("server", [True, "flask"])
def test_dash_auth_basic_auth_guards_a_propwire_app(server):
    import dash_auth

    calls: list = []
    app = make_app(calls, server=flask.Flask("basic") if server == "flask" else server)
    dash_auth.BasicAuth(app, {"ann": "secret"})
    good = "Basic " + base64.b64encode(b"ann:secret").decode()
    bad = "Basic " + base64.b64encode(b"ann:guess").decode()
    page, wrong, refused, allowed, page_ok = talk(app, [
        ("GET", "/", {}), event(headers={**JSON, "authorization": bad}), event(),
        event(headers={**JSON, "authorization": good}), ("GET", "/", {"headers": {"authorization": good}})])
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    assert wrong.status_code == 401 and refused.status_code == 401
    assert allowed.status_code == 200 and page_ok.status_code == 200 and calls == [1]



def test_dot_segments_never_make_a_path_public(tmp_path):
    (tmp_path / "login").mkdir()
    (tmp_path / "login" / "form.css").write_text("form {}")
    (tmp_path / "secret.css").write_text("secret {}")
    app = make_app([], auth=lambda request: False, auth_public=["/assets/login/"], assets_folder=str(tmp_path))
    public, sneaky = talk(app, [("GET", "/assets/login/form.css", {}), ("GET", "/assets/login/../secret.css", {})])
    assert public.text == "form {}"
    assert sneaky.status_code == 401 and "secret" not in sneaky.text


def test_a_websocket_route_the_app_added_is_guarded_too():
    from starlette.routing import WebSocketRoute
    from starlette.testclient import TestClient
    from starlette.websockets import WebSocketDisconnect

    async def echo(websocket):
        await websocket.accept()
        await websocket.send_text("hello")
        await websocket.close()

    app = make_app([], auth=lambda request: request.cookies.get("user") == "ann")
    app.server.routes.insert(0, WebSocketRoute("/ws", echo))
    with TestClient(app.server) as http:
        with pytest.raises(WebSocketDisconnect) as refused, http.websocket_connect("/ws"):
            pass
        assert refused.value.code == 1008
        with http.websocket_connect("/ws", headers={"cookie": "user=ann"}) as ws:
            assert ws.receive_text() == "hello"
