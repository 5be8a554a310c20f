"""A background job's set_props writes its own callback's Output, another callback's Input, midway; the job's
result writes it again at the end. Which of the two the reading callback hears, and how often, is Dash's."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log, set_props

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="result"), html.Div(id="echo")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100)
def work(n_clicks):
    log("work", n_clicks)
    set_props("result", {"children": f"halfway {n_clicks}"})
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("result", "children"), prevent_initial_call=True)
def echo(result):
    log("echo", result, ctx.triggered_id)
    return f"result says {result}"


STEPS = [
    ("click", "run"),
]
