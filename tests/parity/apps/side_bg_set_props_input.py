"""set_props inside a background job writes another callback's Input: the page applies it as the job runs and
fires that callback (Dash's sideUpdate notifies the prop's observers), which chains on."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log, set_props

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="note"), html.Div(id="echo"),
                       html.Div(id="echo2"), html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100)
def work(n_clicks):
    log("work", n_clicks)
    set_props("note", {"children": f"first {n_clicks}"})
    time.sleep(0.8)
    set_props("note", {"children": f"second {n_clicks}"})
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("note", "children"), prevent_initial_call=True)
def echo(note):
    log("echo", note, ctx.triggered_id)
    return f"note says {note}"


@callback(Output("echo2", "children"), Input("echo", "children"), prevent_initial_call=True)
def echo2(text):
    log("echo2", text, ctx.triggered_id)
    return f"echo says {text}"


STEPS = [
    ("click", "run"),
]
