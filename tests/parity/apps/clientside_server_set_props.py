"""A server callback's set_props writes the Input of a clientside callback: the browser runs it on the result."""
from ._shim import Dash, Input, Output, clientside_callback, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div("start", id="src"), html.Div(id="copy"),
                       html.Div(id="server")])


@app.callback(Output("server", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
def server(n):
    log("server", n)
    set_props("src", {"children": f"set {n}"})
    return f"server {n}"


clientside_callback("function(s) { return 'copy of ' + s; }", Output("copy", "children"), Input("src", "children"))


STEPS = [("click", "btn"), ("click", "btn")]
