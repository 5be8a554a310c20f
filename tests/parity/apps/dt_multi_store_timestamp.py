"""A callback on Store.modified_timestamp (data as State) follows every write into the store."""
from ._shim import Dash, Input, Output, State, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div(id="output"), html.Button("click", id="btn"), dcc.Store(id="store")])


@app.callback(Output("output", "children"), [Input("store", "modified_timestamp")], [State("store", "data")])
def on_data(ts, data):
    log("on_data", ts is None, data)   # the timestamp itself is wall-clock time
    return data


@app.callback(Output("store", "data"), [Input("btn", "n_clicks")])
def on_click(n_clicks):
    log("on_click", n_clicks)
    return n_clicks or 0


STEPS = [("click", "btn"), ("click", "btn")]
