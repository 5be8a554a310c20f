"""Sign-in without Flask (docs/auth.md): a login route on propwire's own server sets a signed cookie, the auth
hook checks it on the page, every event and every other route, and a callback signs out.

Run: `uvicorn examples.auth.plain_login:app.server` (ann / ann-password); set LOGIN_SECRET in production.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from propwire import Dash, Input, Output, ctx, dcc, html

SECRET = os.environ.get("LOGIN_SECRET", "dev-only-secret").encode()
PASSWORDS = {"ann": "ann-password"}  # a real app checks a password hash in its user store
FORM = ("<form method=post><input name=user id=user><input name=password id=password type=password>"
        "<button id=sign-in>Sign in</button></form>")


def token_for(user: str) -> str:
    return f"{user}.{hmac.new(SECRET, user.encode(), hashlib.sha256).hexdigest()}"


def user_of(cookies: dict[str, str]) -> str | None:
    """The signed-in user named by the login cookie, if its signature is ours."""
    user, _, _ = cookies.get("login", "").rpartition(".")
    return user if user and hmac.compare_digest(token_for(user), cookies["login"]) else None


def signed_in(request: Request) -> bool | str:
    """The auth hook: True lets the request on; a URL sends a page load there (an event gets a 401)."""
    return user_of(dict(request.cookies)) is not None or "/login"


async def login(request: Request) -> Response:
    if request.method == "POST":
        form = parse_qs((await request.body()).decode())
        user, password = form.get("user", [""])[0], form.get("password", [""])[0]
        if user in PASSWORDS and hmac.compare_digest(PASSWORDS[user], password):
            answer = RedirectResponse("/", status_code=303)
            answer.set_cookie("login", token_for(user), httponly=True, samesite="lax")
            return answer
    return HTMLResponse(FORM)


app = Dash(__name__, auth=signed_in, auth_public=["/login"])
app.server.routes.insert(0, Route("/login", login, methods=["GET", "POST"]))  # ahead of the page's catch-all
app.layout = html.Div([html.H1(id="hello"), html.Button("Count", id="count"), html.P(id="clicks"),
                       html.Button("Sign out", id="sign-out"), dcc.Location(id="url")])


@app.callback(Output("hello", "children"), Input("count", "id"))
def hello(_: str) -> str:
    return f"Hello {user_of(ctx.cookies)}"


@app.callback(Output("clicks", "children"), Input("count", "n_clicks"), prevent_initial_call=True)
def count(n: int) -> str:
    return f"{user_of(ctx.cookies)} clicked {n}"


@app.callback(Output("url", "href"), Input("sign-out", "n_clicks"), prevent_initial_call=True)
def sign_out(_: int) -> str:
    ctx.response.delete_cookie("login")
    return "/login"


if __name__ == "__main__":
    app.run(debug=True)
