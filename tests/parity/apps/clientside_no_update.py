"""A clientside callback returning dash_clientside.no_update for one Output, or throwing PreventUpdate for all."""
from ._shim import Dash, Input, Output, clientside_callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div("a0", id="a"), html.Div("b0", id="b"),
                       html.Div(id="server")])

clientside_callback(
    """
    function(n) {
        if (!n) { throw window.dash_clientside.PreventUpdate; }
        if (n % 2 === 1) { return ["a" + n, window.dash_clientside.no_update]; }
        return [window.dash_clientside.no_update, "b" + n];
    }
    """,
    Output("a", "children"), Output("b", "children"),
    Input("btn", "n_clicks"),
)


@app.callback(Output("server", "children"), Input("a", "children"), Input("b", "children"))
def server(a, b):
    log("server", a, b)
    return f"{a} {b}"


STEPS = [("click", "btn"), ("click", "btn"), ("click", "btn")]
