from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.ConfirmDialogProvider(html.Button("Delete", id="delete"), id="ask", message="Sure?"),
    html.P(id="status"),
])


@app.callback(Output("status", "children"), Input("ask", "submit_n_clicks"), Input("ask", "cancel_n_clicks"))
def status(ok, cancel):
    return f"ok={ok} cancel={cancel}"


with Client(app).open() as client:
    client.click("delete")  # Cancel: the default answer
    assert client.text("status") == "ok=None cancel=1"
    client.accept_dialogs = True
    client.click("delete")
    assert client.text("status") == "ok=1 cancel=1"
