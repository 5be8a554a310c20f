"""A Flask server given to Dash(server=...): callbacks read flask.request and keep a count in flask.session,
which the event's response saves as the session cookie, so it survives a reload."""
import flask

from ._shim import Dash, Input, Output, html, log

server = flask.Flask(__name__)
server.secret_key = "parity-only-secret"
app = Dash(__name__, server=server)
app.layout = html.Div([html.Button("Go", id="btn"), html.Div(id="out"), html.Div(id="how")])


@app.callback(Output("out", "children"), Input("btn", "n_clicks"))
def count(n):
    log("count", n)
    total = flask.session.get("total", 0) + (1 if n else 0)
    flask.session["total"] = total
    return f"clicks this page {n}, in the session {total}"


@app.callback(Output("how", "children"), Input("btn", "n_clicks"))
def how(n):
    log("how", n)
    return f"{flask.request.method} with a session cookie: {'session' in flask.request.cookies}"


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
    ("reload",),
    ("click", "btn"),
]
