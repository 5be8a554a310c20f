"""set_props addressed to a dict id from a callback without Outputs."""
from ._shim import Dash, Input, html, log, set_props

app = Dash()
app.layout = html.Div([html.Button("click", id="click"),
                       html.Div(html.Div(id={"id": "output", "index": 0}), id="output")])


@app.callback(Input("click", "n_clicks"), prevent_initial_call=True)
def on_click(n_clicks):
    log("on_click", n_clicks)
    set_props({"id": "output", "index": 0}, {"children": f"Clicked {n_clicks} times"})


STEPS = [("click", "click"), ("click", "click")]
