"""Generated content holds prevented callbacks above and below the ones that must run: both outputs update."""
from ._shim import Dash, Input, Output, PreventUpdate, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div(id="content")


@app.callback(Output("content", "children"), [Input("content", "style")])
def content(_):
    log("content", _)
    return html.Div([
        html.Div(42, id="above-in"), html.Div(id="above-dummy"), html.Hr(),
        html.Div(0, id="above-out"), html.Div(0, id="below-out"), html.Hr(),
        html.Div(id="below-dummy"), html.Div(44, id="below-in"),
    ])


def make(pos):
    @app.callback(Output(f"{pos}-dummy", "children"), [Input(f"{pos}-dummy", "style")])
    def dummy(_):
        log(f"{pos}_dummy", _)
        raise PreventUpdate

    @app.callback(Output(f"{pos}-out", "children"), [Input(f"{pos}-in", "children")])
    def out(v):
        log(f"{pos}_out", v)
        return v


make("above")
make("below")

STEPS = []
