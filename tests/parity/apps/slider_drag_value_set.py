"""A callback sets a Slider's / RangeSlider's `value`: its `drag_value` follows in the same step (Dash 4.4.1's
slider), so a callback on both runs once with the new value for both, a callback on `drag_value` alone runs
once, and a chain fed by `drag_value` runs after it (its callbacks prevent_initial_call: at load, a chain
below an initial call on `drag_value` runs twice in propwire, once in Dash, another matter); setting the value it already has changes no drag_value."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Set kg", id="set-kg"),
    html.Button("Set span", id="set-span"),
    html.Button("Same kg", id="same-kg"),
    dcc.Slider(0, 10, 1, value=3, id="kg"),
    dcc.RangeSlider(0, 10, 1, value=[2, 6], id="span"),
    html.Div(id="both"),
    html.Div(id="drag"),
    html.Div(id="note"),
    html.Div(id="chain"),
    html.Div(id="span-out"),
    html.Div(id="same-out"),
])


@callback(Output("kg", "value"), Input("set-kg", "n_clicks"), prevent_initial_call=True)
def set_kg(n):
    log("set_kg", n)
    return n + 4


@callback(Output("kg", "value", allow_duplicate=True), Output("same-out", "children"),
          Input("same-kg", "n_clicks"), State("kg", "value"), prevent_initial_call=True)
def same_kg(n, kg):
    log("same_kg", n, kg)
    return kg, f"same {kg}"


@callback(Output("span", "value"), Input("set-span", "n_clicks"), prevent_initial_call=True)
def set_span(n):
    log("set_span", n)
    return [1, n + 7]


@callback(Output("both", "children"), Input("kg", "value"), Input("kg", "drag_value"))
def both(value, drag):
    log("both", value, drag)
    return f"both {value} {drag}"


@callback(Output("drag", "children"), Input("kg", "drag_value"))
def drag_only(drag):
    log("drag_only", drag)
    return f"drag {drag}"


@callback(Output("note", "children"), Input("kg", "drag_value"), prevent_initial_call=True)
def note(drag):
    log("note", drag)
    return f"note {drag}"


@callback(Output("chain", "children"), Input("note", "children"), State("kg", "drag_value"),
          prevent_initial_call=True)
def chained(text, drag):
    log("chained", text, drag)
    return f"chain {text} {drag}"


@callback(Output("span-out", "children"), Input("span", "value"), Input("span", "drag_value"))
def span_both(value, drag):
    log("span_both", value, drag)
    return f"span {value} {drag}"


STEPS = [
    ("click", "set-kg"),
    ("click", "set-span"),
    ("click", "same-kg"),
    ("click", "set-kg"),
]
