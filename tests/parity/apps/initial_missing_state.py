"""A State whose component is absent: Dash does not call the callback (a reference error in its console), at load
or on a click, until the component appears (issue 11 item 19)."""
from ._shim import Dash, Input, Output, State, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("go", id="go"), html.Button("show", id="show"), html.Div(id="box"),
                       html.Div("out init", id="out")])


@callback(Output("box", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(n):
    log("show", n)
    return html.Div("hidden text", id="hidden")


@callback(Output("out", "children"), Input("go", "n_clicks"), State("hidden", "children"))
def use(n, text):
    log("use", n, text)
    return f"{n} {text}"


STEPS = [("click", "go"), ("click", "show"), ("click", "go")]
