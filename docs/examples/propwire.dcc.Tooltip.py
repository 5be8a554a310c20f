from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Point", id="point"), dcc.Tooltip(id="tip", direction="bottom")])


@app.callback(Output("tip", "bbox"), Output("tip", "children"), Input("point", "n_clicks"), prevent_initial_call=True)
def point(n):
    # with a Graph, the bbox comes from hoverData["points"][0]["bbox"]
    return {"x0": 40, "y0": 30, "x1": 60, "y1": 50}, f"point {n}"


with Client(app).open() as client:
    assert "tip" not in client.snapshot()  # no bbox yet: hidden
    client.click("point")
    assert client.snapshot()["tip"] == {"text": "point 1"}
