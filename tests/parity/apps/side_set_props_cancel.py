"""set_props inside one background job writes the prop that is another background callback's `cancel=` Input:
a side update, so, as a user's change of it, it stops that callback's running job (Dash's cancel callback fires
on the side update), whose Output keeps its value and whose running= props go back."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, html, log, set_props

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Work", id="work"), html.Button("Halt", id="halt"), html.Button("Stop", id="stop"),
                       html.Div("idle", id="state"), html.Div("none", id="worked"), html.Div(id="halted")])


@callback(Output("worked", "children"), Input("work", "n_clicks"), background=True, prevent_initial_call=True,
          cancel=Input("stop", "n_clicks"), running=[(Output("state", "children"), "working", "idle")])
def work(n_clicks):
    log("work", n_clicks)
    time.sleep(4)
    return f"worked {n_clicks}"


@callback(Output("halted", "children"), Input("halt", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100)
def halt(n_clicks):
    log("halt", n_clicks)
    set_props("stop", {"n_clicks": 1})
    time.sleep(0.5)
    return f"halted {n_clicks}"


STEPS = [
    ("click", "work", {"wait": False}),
    ("click", "halt"),
]
