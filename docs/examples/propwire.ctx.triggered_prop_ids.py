from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Save", id="save"), html.Button("Undo", id="undo"), html.P(id="log")])


@callback(Output("log", "children"), Input("save", "n_clicks"), Input("undo", "n_clicks"),
          prevent_initial_call=True)
def log(save, undo):
    return ", ".join(f"{key} (id {component_id})" for key, component_id in ctx.triggered_prop_ids.items())


with Client(app).open() as client:
    client.click("undo")
    assert client.text("log") == "undo.n_clicks (id undo)"
