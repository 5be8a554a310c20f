"""Seed "When are callbacks executed?" (initial call): on load the callback runs with n_clicks None and both
divs say so; each click updates both."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("execute callback", id="button_1"),
    html.Div(children="callback not executed", id="first_output_1"),
    html.Div(children="callback not executed", id="second_output_1"),
])


@callback(Output("first_output_1", "children"), Output("second_output_1", "children"),
          Input("button_1", "n_clicks"))
def change_text(n_clicks):
    log("change_text", n_clicks)
    return ["n_clicks is " + str(n_clicks), "n_clicks is " + str(n_clicks)]


STEPS = [
    ("click", "button_1"),
    ("click", "button_1"),
]
