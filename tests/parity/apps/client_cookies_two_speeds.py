"""Cookies set by a fast and by a slow callback of one click (the slow one finishes after the response's
headers went out, HttpOnly included) reach the browser: a third action reads them back."""
import time

from ._shim import Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Log in", id="login"),
    html.Button("Who am I", id="who"),
    html.Div(id="fast"),
    html.Div(id="slow"),
    html.Div(id="me"),
])


@callback(Output("fast", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
def fast(n):
    log("fast", n)
    ctx.response.set_cookie("theme", "dark", max_age=600)
    return "fast done"


@callback(Output("slow", "children"), Input("login", "n_clicks"), prevent_initial_call=True)
def slow(n):
    log("slow", n)
    time.sleep(0.3)
    ctx.response.set_cookie("session", "s3cret", httponly=True, samesite="Strict", max_age=600)
    return "slow done"


@callback(Output("me", "children"), Input("who", "n_clicks"), prevent_initial_call=True)
def who(n):
    cookies = {k: v for k, v in ctx.cookies.items() if k in ("theme", "session")}
    log("who", n, cookies)
    return f"theme={cookies.get('theme')} session={cookies.get('session')}"


STEPS = [
    ("click", "login"),
    ("click", "who"),
    ("reload",),
    ("click", "who"),
]
