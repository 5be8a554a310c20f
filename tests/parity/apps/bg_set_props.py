"""set_props inside a background callback writes another component; the job's return value its Output."""
import tempfile

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, html, log, set_props

manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()))
app = Dash(__name__)
app.layout = html.Div([html.Button("Run", id="run"), html.Div(id="note"), html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, manager=manager,
          prevent_initial_call=True)
def report(n_clicks):
    log("report", n_clicks)
    set_props("note", {"children": f"note {n_clicks}"})
    return f"done {n_clicks}"


STEPS = [
    ("click", "run"),
]
