"""A click callback that raises PreventUpdate while n_clicks is None: the output stays empty until the first click."""
from ._shim import Dash, Input, Output, PreventUpdate, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Click Me", id="button"), html.Div(id="output")])


@app.callback(Output("output", "children"), Input("button", "n_clicks"))
def update_output(n_clicks):
    log("update_output", n_clicks)
    if not n_clicks:
        raise PreventUpdate
    return f"Click {n_clicks}"


STEPS = [("click", "button"), ("click", "button")]
