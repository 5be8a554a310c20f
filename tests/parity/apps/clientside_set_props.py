"""dash_clientside.set_props from a clientside callback writes another component, which triggers a server callback."""
from ._shim import Dash, Input, Output, clientside_callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out"), html.Div("none yet", id="side"),
                       html.Div(id="server")])

clientside_callback(
    """
    function(n) {
        window.dash_clientside.set_props("side", {children: "side " + (n || 0)});
        return "out " + (n || 0);
    }
    """,
    Output("out", "children"),
    Input("btn", "n_clicks"),
    prevent_initial_call=True,
)


@app.callback(Output("server", "children"), Input("side", "children"), prevent_initial_call=True)
def server(side):
    log("server", side)
    return f"server saw {side}"


STEPS = [("click", "btn"), ("click", "btn")]
