"""running= Outputs are other callbacks' Inputs: set at the start and set back at the end, each fires the
callbacks reading them (Dash's sideUpdate notifies the prop's observers), for a background callback and a
plain one alike."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Job", id="job"), html.Button("Plain", id="plain"), html.Div("idle", id="state"),
                       html.Div(id="job-echo"), html.Div(id="plain-echo"), html.Div(id="state-echo"),
                       html.Div(id="job-out"), html.Div(id="plain-out")])


@callback(Output("job-out", "children"), Input("job", "n_clicks"), background=True, prevent_initial_call=True,
          running=[(Output("job", "disabled"), True, False), (Output("state", "children"), "job running", "idle")],
          interval=100)
def job(n_clicks):
    log("job", n_clicks)
    time.sleep(0.6)
    return f"job {n_clicks} done"


@callback(Output("plain-out", "children"), Input("plain", "n_clicks"), prevent_initial_call=True,
          running=[(Output("plain", "disabled"), True, False)])
def plain(n_clicks):
    log("plain", n_clicks)
    time.sleep(0.4)
    return f"plain {n_clicks} done"


@callback(Output("job-echo", "children"), Input("job", "disabled"))
def job_echo(disabled):
    log("job_echo", disabled, ctx.triggered_id)
    return f"job disabled: {disabled}"


@callback(Output("plain-echo", "children"), Input("plain", "disabled"))
def plain_echo(disabled):
    log("plain_echo", disabled, ctx.triggered_id)
    return f"plain disabled: {disabled}"


@callback(Output("state-echo", "children"), Input("state", "children"), prevent_initial_call=True)
def state_echo(state):
    log("state_echo", state, ctx.triggered_id)
    return f"state: {state}"


STEPS = [
    ("click", "job"),
    ("click", "plain"),
]
