"""A background job's set_props writes a prop that a callback downstream of the job's Output reads as State:
that callback runs after the job, so it reads the value the job set (Dash's page holds it by then)."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, State, callback, html, log, set_props

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="note"), html.Div(id="result"),
                       html.Div(id="summary")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100)
def work(n_clicks):
    log("work", n_clicks)
    set_props("note", {"children": f"note {n_clicks}"})
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("summary", "children"), Input("result", "children"), State("note", "children"),
          prevent_initial_call=True)
def summary(result, note):
    log("summary", result, note)
    return f"{result} with {note}"


STEPS = [
    ("click", "run"),
    ("click", "run"),
]
