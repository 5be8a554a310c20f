"""Two instances of a pattern-matching background callback run at once: a run of instance 2 does not stop the
job of instance 1 (Dash supersedes a job only by a newer run writing the same outputs), so both answer."""
import tempfile
import time

import diskcache

from ._shim import MATCH, Dash, DiskcacheManager, Input, Output, callback, ctx, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([part for i in (1, 2) for part in (html.Button(f"go {i}", id={"type": "go", "index": i}),
                                                         html.Div(id={"type": "out", "index": i}))])


@callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "go", "index": MATCH}, "n_clicks"),
          background=True, prevent_initial_call=True)
def report(n_clicks):
    log("report", n_clicks, ctx.triggered_id["index"])
    time.sleep(1.0)
    return f"report {ctx.triggered_id['index']} run {n_clicks}"


STEPS = [
    ("click", {"type": "go", "index": 1}, {"wait": False}),
    ("click", {"type": "go", "index": 2}),
]
