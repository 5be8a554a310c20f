"""An "Add Filter" button appends a Dropdown and its output div; each new pair gets its own MATCH callback."""
from ._shim import MATCH, Dash, Input, Output, State, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("Add Filter", id="add-filter", n_clicks=0), html.Div(id="container", children=[])])


@app.callback(Output("container", "children"), [Input("add-filter", "n_clicks")], [State("container", "children")])
def display_dropdowns(n_clicks, children):
    log("display_dropdowns", n_clicks, len(children))
    return children + [html.Div([
        dcc.Dropdown(id={"type": "dropdown", "index": n_clicks},
                     options=[{"label": i, "value": i} for i in ["NYC", "MTL", "LA", "TOKYO"]]),
        html.Div(id={"type": "output", "index": n_clicks}),
    ])]


@app.callback(Output({"type": "output", "index": MATCH}, "children"), [Input({"type": "dropdown", "index": MATCH}, "value")],
              [State({"type": "dropdown", "index": MATCH}, "id")])
def display_output(value, id_):
    log("display_output", value, id_)
    return html.Div(f"Dropdown {id_['index']} = {value}")


STEPS = [("select", {"type": "dropdown", "index": 0}, "LA"), ("click", "add-filter"),
         ("select", {"type": "dropdown", "index": 1}, "MTL"), ("click", "add-filter")]
