from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client, EventRejected

app = Dash(__name__, max_event_bytes=1000)
app.layout = html.Div([dcc.Input(id="text"), html.P(id="length")])


@app.callback(Output("length", "children"), Input("text", "value"), prevent_initial_call=True)
def length(text):
    return len(text)


with Client(app).open() as client:
    client.type("text", "short")
    assert client.text("length") == "5"
    try:
        client.type("text", "x" * 5000)  # the event is bigger than 1000 bytes: refused before any callback
    except EventRejected as refused:
        assert "413" in str(refused)
    else:
        raise AssertionError("a 5000-byte event was accepted")
