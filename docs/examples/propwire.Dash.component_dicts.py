from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__, component_dicts=True)
app.layout = html.Div([html.Button("Load", id="load"), html.Div(id="slot")])


@app.callback(Output("slot", "children"), Input("load", "n_clicks"), prevent_initial_call=True)
def load(n_clicks):
    # a component as a plain dict (say, from JSON): rendered as that component because of component_dicts=True
    return {"type": "B", "namespace": "html", "props": {"id": "bold", "children": "bold text"}}


with Client(app).open() as client:
    client.click("load")
    assert client.text("bold") == "bold text"
