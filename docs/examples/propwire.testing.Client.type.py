from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="search"), html.P(id="query"), html.P(id="submitted")])


@app.callback(Output("query", "children"), Input("search", "value"))
def query(text):
    return f"searching {text}"


@app.callback(Output("submitted", "children"), Input("search", "n_submit"), prevent_initial_call=True)
def submitted(n_submit):
    return f"submitted {n_submit}"


with Client(app).open() as client:
    client.type("search", "owls")  # replaces the field's text
    assert client.text("query") == "searching owls"
    client.type("search", "owls", enter=True)  # then presses Enter
    assert client.text("submitted") == "submitted 1"
