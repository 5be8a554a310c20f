"""An async clientside function (a Promise, as Dash 3+ allows) whose output a server callback reads."""
from ._shim import Dash, Input, Output, clientside_callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out"), html.Div(id="server")])

clientside_callback(
    """
    async function(n) {
        await new Promise(function(resolve) { setTimeout(resolve, 50); });
        return "waited " + (n || 0);
    }
    """,
    Output("out", "children"),
    Input("btn", "n_clicks"),
)


@app.callback(Output("server", "children"), Input("out", "children"))
def server(out):
    log("server", out)
    return f"server saw {out}"


STEPS = [("click", "btn"), ("click", "btn")]
