"""Typos Dash serves without an error (issue 19): set_props to an id the page lacks (`cityname`) and to a prop
its component lacks (`childen`) are dropped, a pattern whose type is a typo (`filtr`) matches nothing and
its callback gets []; the page goes on. (Each side reports the id typo on its console, not compared here.)"""
from ._shim import ALL, Dash, Input, Output, callback, dcc, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Go", id="go"),
    html.Div(id="city-name"),
    dcc.Input(id={"type": "filter", "index": 1}, value="a"),
    html.Div(id="out"),
    html.Div(id="seen"),
])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def fire(n):
    log("fire", n)
    set_props("cityname", {"children": "Oslo"})
    set_props("city-name", {"childen": "Bergen"})
    return f"clicked {n}"


@callback(Output("seen", "children"), Input({"type": "filtr", "index": ALL}, "value"), Input("go", "n_clicks"))
def seen(values, n):
    log("seen", values, n)
    return f"{values} {n}"


STEPS = [
    ("click", "go"),
    ("click", "go"),
]
