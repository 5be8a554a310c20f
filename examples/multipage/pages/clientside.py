"""A clientside callback: inline JavaScript run in the browser, so typing costs no request."""

from propwire import Input, Output, clientside_callback, dcc, html, register_page

register_page(__name__, name="Clientside", order=2)

layout = html.Div([
    html.H2("Clientside"),
    html.Label("Type something: ", htmlFor="shout-in"),
    dcc.Input(id="shout-in", value="hello", type="text"),
    html.P(id="shout-out"),
])

# Runs in the browser: the text upper-cased, and its length, with no request to the server.
clientside_callback(
    """
    function (text) {
        const value = text || "";
        return value.toUpperCase() + " (" + value.length + " characters)";
    }
    """,
    Output("shout-out", "children"),
    Input("shout-in", "value"),
)
