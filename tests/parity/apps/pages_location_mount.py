"""A dcc.Location sets its URL as it mounts: callbacks reading it run at load even with prevent_initial_call=True
(the Dash Pages router relies on it), with the Location as their trigger; a plain initial caller on it runs once."""
from ._shim import Dash, Input, Output, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), html.Div(id="prevented"), html.Div(id="plain"),
                       dcc.Link("next", href="/next?q=1", id="next")])


@app.callback(Output("prevented", "children"), Input("url", "pathname"), Input("url", "search"),
              prevent_initial_call=True)
def prevented(pathname, search):
    log("prevented", pathname, search, ctx.triggered_id, [t["prop_id"] for t in ctx.triggered])
    return f"prevented {pathname} {search}"


@app.callback(Output("plain", "children"), Input("url", "pathname"))
def plain(pathname):
    log("plain", pathname, ctx.triggered_id)
    return f"plain {pathname}"


STEPS = [("click", "next")]
