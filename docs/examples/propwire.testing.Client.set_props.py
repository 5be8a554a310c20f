from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Slider(0, 10, value=2, id="level"), html.P(id="shown")])


@app.callback(Output("shown", "children"), Input("level", "value"))
def shown(level):
    return f"level {level}"


with Client(app).open() as client:
    client.set_props("level", value=7)  # what dragging the slider would do: one user change
    assert client.text("shown") == "level 7"
