"""Seed "Prevent callback execution upon initial component render": none of the three chained callbacks runs on
load ("callback not executed" everywhere); a click runs the first, which runs the second and the third (the
third waits for the second, its other Input); sleeps cut to 0.3 s."""
import time

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("execute callbacks", id="button_2"),
    html.Div(children="callback not executed", id="first_output_2"),
    html.Div(children="callback not executed", id="second_output_2"),
    html.Div(children="callback not executed", id="third_output_2"),
    html.Div(children="callback not executed", id="fourth_output_2"),
])


@callback(Output("first_output_2", "children"), Output("second_output_2", "children"),
          Input("button_2", "n_clicks"), prevent_initial_call=True)
def first_callback(n):
    log("first_callback", n)
    return [f"in the first callback, click {n}", f"in the first callback, click {n}"]


@callback(Output("third_output_2", "children"), Input("second_output_2", "children"), prevent_initial_call=True)
def second_callback(n):
    log("second_callback", n)
    time.sleep(0.3)
    return f"in the second callback, after '{n}'"


@callback(Output("fourth_output_2", "children"),
          Input("first_output_2", "children"), Input("third_output_2", "children"), prevent_initial_call=True)
def third_output(n, m):
    log("third_output", n, m)
    time.sleep(0.3)
    return f"in the third callback, after '{n}' and '{m}'"


STEPS = [
    ("click", "button_2"),
    ("click", "button_2"),
]
