from propwire import Dash, Input, Output, html, set_props
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Save", id="save"), html.P(id="result"), html.P(id="notice")])


@app.callback(Output("result", "children"), Input("save", "n_clicks"), prevent_initial_call=True)
def save(n_clicks):
    set_props("notice", {"children": "saved just now"})  # "notice" is not an Output of this callback
    return f"saved {n_clicks} times"


with Client(app).open() as client:
    client.click("save")
    assert (client.text("result"), client.text("notice")) == ("saved 1 times", "saved just now")
