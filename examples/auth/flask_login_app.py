"""Sign-in with flask-login on a Flask server (docs/auth.md): a Flask login form, propwire's page and events
behind the auth hook, callbacks that read `current_user`.

Run: `uvicorn examples.auth.flask_login_app:app.server` (ann / ann-password); set SECRET_KEY in production.
"""

from __future__ import annotations

import os

import flask
import flask_login

from propwire import Dash, Input, Output, dcc, html

server = flask.Flask(__name__)
server.secret_key = os.environ.get("SECRET_KEY", "dev-only-secret")
login_manager = flask_login.LoginManager(server)
PASSWORDS = {"ann": "ann-password"}  # a real app checks a password hash in its user store


class User(flask_login.UserMixin):
    def __init__(self, user_id: str):
        self.id = user_id


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return User(user_id) if user_id in PASSWORDS else None


@server.route("/login", methods=["GET", "POST"])
def login() -> object:
    form = flask.request.form
    if flask.request.method == "POST" and PASSWORDS.get(form.get("user", "")) == form.get("password"):
        flask_login.login_user(User(form["user"]))
        return flask.redirect("/")
    return ("<form method=post><input name=user id=user><input name=password id=password type=password>"
            "<button id=sign-in>Sign in</button></form>")


@server.route("/logout")
def logout() -> object:
    flask_login.logout_user()
    return flask.redirect("/login")


def signed_in(request: object) -> bool | str:
    """The auth hook: runs in Flask's request context, so current_user is the request's user."""
    return flask_login.current_user.is_authenticated or "/login"


app = Dash(__name__, server=server, auth=signed_in, auth_public=["/login"])
app.layout = html.Div([html.H1(id="hello"), html.Button("Count", id="count"), html.P(id="clicks"),
                       dcc.Link("Sign out", href="/logout", id="sign-out", refresh=True)])


@app.callback(Output("hello", "children"), Input("count", "id"))
def hello(_: str) -> str:
    return f"Hello {flask_login.current_user.id}"


@app.callback(Output("clicks", "children"), Input("count", "n_clicks"), prevent_initial_call=True)
def count(n: int) -> str:
    return f"{flask_login.current_user.id} clicked {n}"


if __name__ == "__main__":
    app.run(debug=True)
