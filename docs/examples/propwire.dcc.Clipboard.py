from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Pre("pip install propwire", id="cmd"), dcc.Clipboard(target_id="cmd", title="Copy"),
                       dcc.Clipboard(id="share"), html.P(id="shared")])


@app.callback(Output("share", "content"), Output("shared", "children"), Input("share", "n_clicks"),
              prevent_initial_call=True)
def link(n):
    return "https://example.org/report/42", f"link copied ({n})"  # the browser copies the new content


with Client(app).open() as client:
    client.click("share")  # the headless client counts the click; it has no clipboard
    assert client.text("shared") == "link copied (1)"
    assert client.prop("share", "content") == "https://example.org/report/42"
