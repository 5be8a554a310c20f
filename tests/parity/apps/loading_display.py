"""dcc.Loading's `display`: "show" keeps the spinner (here a custom one) over the children, which are hidden;
a callback setting it back to "auto" shows them again."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Toggle", id="btn"),
    dcc.Loading(html.Div("the content", id="content"), id="spin", display="show",
                custom_spinner=html.Span("please wait", id="wait"), parent_className="wrap"),
])


@callback(Output("spin", "display"), Input("btn", "n_clicks"), prevent_initial_call=True)
def toggle(n):
    log("toggle", n)
    return "auto" if n % 2 else "show"


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
]
