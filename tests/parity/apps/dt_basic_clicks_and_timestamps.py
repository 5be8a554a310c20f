"""Several props of the same buttons as Inputs (n_clicks and n_clicks_timestamp): one call per click."""
from ._shim import Dash, Input, Output, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div(id="container"),
    html.Button("Click 1", id="button-1", n_clicks=0, n_clicks_timestamp=-1),
    html.Button("Click 2", id="button-2", n_clicks=0, n_clicks_timestamp=-1),
])


@app.callback(Output("container", "children"), Input("button-1", "n_clicks"), Input("button-1", "n_clicks_timestamp"),
              Input("button-2", "n_clicks"), Input("button-2", "n_clicks_timestamp"))
def update_output(n1, t1, n2, t2):
    # the timestamps are wall-clock times: log only whether each was ever set, and the triggering ids
    log("update_output", n1, t1 == -1, n2, t2 == -1, sorted(ctx.triggered_prop_ids))
    return f"{n1}, {n2}"


STEPS = [("click", "button-1"), ("click", "button-2"), ("click", "button-2")]
