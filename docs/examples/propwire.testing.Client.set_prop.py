from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client
from propwire.testing.components import WrongComponent

app = Dash(__name__)
app.layout = html.Div([dcc.Slider(0, 10, id="level", value=2),
                       html.P(id="shown")])


@app.callback(Output("shown", "children"), Input("level", "value"))
def shown(value):
    return f"showing {value}"


with Client(app).open() as client:
    client.set_prop("level", "value", 7)  # what the component's own setProps({value: 7}) does in a browser
    assert client.text("shown") == "showing 7"
    try:
        client.set_prop("level", "valeu", 8)  # a prop the component does not declare
    except WrongComponent as exc:
        assert "Allowed props" in str(exc)
