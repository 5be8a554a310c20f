"""persistence_type: "local" (the default) survives a reload and a new tab, "session" a reload but not a new
tab, "memory" neither; a Checklist, a RadioItems, a Dropdown and a RangeSlider keep their value like an Input."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="local", value="a", persistence=True),
    dcc.Input(id="session", value="a", persistence=True, persistence_type="session"),
    dcc.Input(id="memory", value="a", persistence=True, persistence_type="memory"),
    dcc.Checklist(["x", "y", "z"], ["x"], id="boxes", persistence="boxes", persistence_type="session"),
    dcc.RadioItems(["p", "q"], "p", id="radio", persistence=1),
    dcc.Dropdown(["red", "green", "blue"], "red", id="colour", persistence=True, persistence_type="local"),
    dcc.RangeSlider(0, 10, 1, value=[2, 8], id="window", persistence=True, persistence_type="session"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("local", "value"), Input("session", "value"),
          Input("memory", "value"), Input("boxes", "value"), Input("radio", "value"), Input("colour", "value"),
          Input("window", "value"))
def show(local, session, memory, boxes, radio, colour, window):
    log("show", local, session, memory, boxes, radio, colour, window)
    return f"{local} {session} {memory} {boxes} {radio} {colour} {window}"


STEPS = [
    ("type", "local", "L"),
    ("type", "session", "S"),
    ("type", "memory", "M"),
    ("check", "boxes", "z"),
    ("select", "radio", "q"),
    ("select", "colour", "blue"),
    ("slide", "window", 9),
    ("reload",),
    ("new_tab",),
    ("check", "boxes", "y"),
    ("reload",),
]
