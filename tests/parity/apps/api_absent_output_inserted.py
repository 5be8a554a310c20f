"""A callback whose Output is absent from the initial layout (its Input is there): it does not run at load; once a
callback inserts the output component it gets its initial call, then follows its Input."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="word", value="one"), html.Button("Show", id="show"), html.Div(id="holder")])


@callback(Output("holder", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(n):
    log("show", n)
    return html.Div(id="shown")


@callback(Output("shown", "children"), Input("word", "value"))
def echo(word):
    log("echo", word)
    return f"the word is {word}"


STEPS = [
    ("type", "word", "two"),
    ("click", "show"),
    ("type", "word", "three"),
]
