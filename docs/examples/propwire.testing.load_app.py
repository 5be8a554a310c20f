from pathlib import Path

from propwire.testing import Client, load_app

Path("hello_app.py").write_text('''
from propwire import Dash, Input, Output, callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button("Hi", id="hi"), html.P(id="out")])


@callback(Output("out", "children"), Input("hi", "n_clicks"))
def out(n_clicks):
    return f"hi x{n_clicks or 0}"
''')

app = load_app("hello_app.py")  # runs the file; its @callback's belong to its app
with Client(app).open() as client:
    client.click("hi")
    assert client.text("out") == "hi x1"
