"""Two buttons drive two sliders through one callback (ctx.triggered picks the sign); the sum waits for both."""
from ._shim import Dash, Input, Output, PreventUpdate, callback_context, dcc, html, log

MARKS = {0: "0", 5: "5"}  # explicit (Dash draws marks of its own when there are none), no negative key (JS orders those last)
app = Dash(__name__)
app.layout = html.Div([html.Button("Button 1", id="b1"), html.Button("Button 2", id="b2"),
                       dcc.Slider(id="slider1", min=-5, max=5, marks=MARKS), dcc.Slider(id="slider2", min=-5, max=5, marks=MARKS),
                       html.Div(id="out")])


@app.callback([Output("slider1", "value"), Output("slider2", "value")], [Input("b1", "n_clicks"), Input("b2", "n_clicks")])
def update_sliders(button1, button2):
    log("update_sliders", button1, button2, [t["prop_id"] for t in callback_context.triggered])
    if not callback_context.triggered:
        raise PreventUpdate
    if callback_context.triggered[0]["prop_id"] == "b1.n_clicks":
        return -1, -1
    return 1, 1


@app.callback(Output("out", "children"), [Input("slider1", "value"), Input("slider2", "value")])
def update_graph(s1, s2):
    log("update_graph", s1, s2)
    return f"x={s1}, y={s2}"


STEPS = [("click", "b1"), ("click", "b2")]
