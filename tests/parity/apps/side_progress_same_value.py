"""Progress that sets the value the prop already holds still fires its readers, as Dash's sideUpdate notifies
observers whatever the value; the job also runs at page load, where its progress fires them too."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("same", id="bar"), html.Div(id="echo"),
                       html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True,
          progress=Output("bar", "children"), progress_default="same", interval=100)
def work(set_progress, n_clicks):
    log("work", n_clicks)
    set_progress("same")
    time.sleep(0.8)
    set_progress("same")
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("bar", "children"), prevent_initial_call=True)
def echo(bar):
    log("echo", bar, ctx.triggered_id)
    return f"bar says {bar}"


STEPS = [
    ("click", "run"),
]
