"""An inline clientside callback turns typed text into a length; a server callback reads its output (one request)."""
from ._shim import Dash, Input, Output, clientside_callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="text", value="ab"), html.Div(id="length"), html.Div(id="server")])

clientside_callback(
    """
    function(value) {
        return "length " + (value || "").length;
    }
    """,
    Output("length", "children"),
    Input("text", "value"),
)


@app.callback(Output("server", "children"), Input("length", "children"))
def server(length):
    log("server", length)
    return f"server saw {length}"


STEPS = [("type", "text", "hello"), ("type", "text", "")]
