from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Textarea(id="essay", value=""), html.P(id="words")])


@app.callback(Output("words", "children"), Input("essay", "value"))
def words(text):
    return f"{len(text.split())} words"


with Client(app).open() as client:
    client.type("essay", "one two\nthree")
    assert client.text("words") == "3 words"
