"""dcc.Geolocation: the position the browser reports is read at mount and again each time a callback sets
update_now (which then goes back to False); the page shows it."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

GEOLOCATION = {"latitude": 48.85, "longitude": 2.35, "accuracy": 12}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Geolocation(id="geo"),
    html.Button("Again", id="again"),
    html.Div(id="pos"),
    html.Div(id="err"),
])


@callback(Output("pos", "children"), Output("err", "children"), Input("geo", "position"),
          Input("geo", "position_error"), Input("geo", "timestamp"))
def show(pos, err, stamp):
    log("show", pos, err, stamp is not None)
    return ("none" if pos is None else f"{pos['lat']} {pos['lon']} {pos['accuracy']}",
            "none" if err is None else f"{err['code']} {err['message']}")


@callback(Output("geo", "update_now"), Input("again", "n_clicks"), prevent_initial_call=True)
def again(n):
    log("again", n)
    return True


STEPS = [
    ("click", "again"),
    ("click", "again"),
]
