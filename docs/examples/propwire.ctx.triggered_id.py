from propwire import ALL, Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button(f"Row {i}", id={"type": "row", "index": i}) for i in range(3)]
                      + [html.P(id="chosen")])


@callback(Output("chosen", "children"), Input({"type": "row", "index": ALL}, "n_clicks"),
          prevent_initial_call=True)
def choose(clicks):
    # for a pattern-matching id it is the dict, so the clicked row's index is one lookup away
    return f"row {ctx.triggered_id['index']}"


with Client(app).open() as client:
    client.click({"type": "row", "index": 2})
    assert client.text("chosen") == "row 2"
