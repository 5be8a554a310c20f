from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__, title="Greeter")
app.layout = html.Div([html.Button("Greet", id="greet"), html.P(id="greeting")])


@app.callback(Output("greeting", "children"), Input("greet", "n_clicks"))
def greet(n_clicks):
    return f"Hello x{n_clicks}" if n_clicks else "Click the button"


with Client(app).open() as client:  # a headless browser: the page load ran greet once
    assert client.text("greeting") == "Click the button"
    client.click("greet")
    assert client.text("greeting") == "Hello x1"

if __name__ == "__main__":
    app.run(debug=True)  # http://127.0.0.1:8050
