"""Seed "When a callback is triggered by a callback" (fast/slow): all three callbacks run on load; the third
listens to the fast and the slow one's outputs and runs after each; sleeps cut to 0.3 s."""
import time

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("execute fast callback", id="button_3"),
    html.Button("execute slow callback", id="button_4"),
    html.Div(children="callback not executed", id="first_output_3"),
    html.Div(children="callback not executed", id="second_output_3"),
    html.Div(children="callback not executed", id="third_output_3"),
])


@callback(Output("first_output_3", "children"), Input("button_3", "n_clicks"))
def first_callback(n):
    log("first_callback", n)
    return f"in the fast callback, click {n}"


@callback(Output("second_output_3", "children"), Input("button_4", "n_clicks"))
def second_callback(n):
    log("second_callback", n)
    time.sleep(0.3)
    return f"in the slow callback, click {n}"


@callback(Output("third_output_3", "children"),
          Input("first_output_3", "children"), Input("second_output_3", "children"))
def third_callback(n, m):
    log("third_callback", n, m)
    return f"in the third callback, after '{n}' and '{m}'"


STEPS = [
    ("click", "button_3"),
    ("click", "button_4"),
    ("click", "button_3"),
]
