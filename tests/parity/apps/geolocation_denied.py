"""dcc.Geolocation without the geolocation permission: the reading at mount and the one update_now asks for
both set position_error (code 1) and leave position None."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Geolocation(id="geo"),
    html.Button("Again", id="again"),
    html.Div(id="err"),
])


@callback(Output("err", "children"), Input("geo", "position_error"), Input("geo", "position"))
def show(err, pos):
    log("show", err, pos)
    return "none" if err is None else f"{err['code']} {err['message']}"


@callback(Output("geo", "update_now"), Input("again", "n_clicks"), prevent_initial_call=True)
def again(n):
    log("again", n)
    return True


STEPS = [
    ("click", "again"),
]
