"""dash_clientside.callback_context in a clientside callback: triggered, triggered_id, inputs, states, *_list."""
from ._shim import Dash, Input, Output, State, clientside_callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("a", id="a"), html.Button("b", id="b"), dcc.Input(id="s", value="st"),
                       html.Div(id="out"), html.Div(id="server")])

clientside_callback(
    """
    function(na, nb, s) {
        var c = window.dash_clientside.callback_context;
        return JSON.stringify({
            triggered: c.triggered, id: c.triggered_id === undefined ? "none" : c.triggered_id,
            inputs: c.inputs, states: c.states, inputs_list: c.inputs_list, states_list: c.states_list,
            outputs_list: c.outputs_list, args: [na === undefined ? "undef" : na, nb === undefined ? "undef" : nb, s]
        });
    }
    """,
    Output("out", "children"),
    Input("a", "n_clicks"), Input("b", "n_clicks"), State("s", "value"),
)


@app.callback(Output("server", "children"), Input("out", "children"))
def server(out):
    log("server", out)
    return "ok"


STEPS = [("click", "a"), ("type", "s", "new"), ("click", "b")]
