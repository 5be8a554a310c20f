from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Div(html.Button("Like", id="like"), id="card"), html.P(id="likes")])


@app.callback(Output("likes", "children"), Input("like", "n_clicks"), Input("card", "n_clicks"))
def likes(like, card):
    return f"button {like}, card {card}"


with Client(app).open() as client:
    client.click("like")  # as in a browser, the click reaches the card around the button too
    assert client.text("likes") == "button 1, card 1"
