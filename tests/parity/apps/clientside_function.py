"""ClientsideFunction from an assets file: one Output, and two Outputs from one function (a list)."""
import os

from ._shim import ClientsideFunction, Dash, Input, Output, State, clientside_callback, dcc, html, log

app = Dash(__name__, assets_folder=os.path.join(os.path.dirname(os.path.abspath(__file__)), "clientside_assets"))
app.layout = html.Div([dcc.Input(id="text", value="hi"), html.Div(id="loud"), html.Button("go", id="btn"),
                       dcc.Input(id="note", value="note"), html.Div(id="count"), html.Div(id="noted"),
                       html.Div(id="server")])

clientside_callback(ClientsideFunction("ui", "shout"), Output("loud", "children"), Input("text", "value"))
clientside_callback(ClientsideFunction(namespace="ui", function_name="count_and_note"),
                    [Output("count", "children"), Output("noted", "children")],
                    Input("btn", "n_clicks"), State("note", "value"))


@app.callback(Output("server", "children"), Input("loud", "children"), Input("count", "children"))
def server(loud, count):
    log("server", loud, count)
    return f"{loud} / {count}"


STEPS = [("type", "text", "yes"), ("click", "btn"), ("type", "note", "other"), ("click", "btn")]
