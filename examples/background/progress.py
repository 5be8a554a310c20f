"""A background callback with progress: `background=True` on a DiskcacheManager, `progress=` a bar and a label
that move as the job reports, `cancel=` a button that kills the job, `running=` buttons that swap while it runs
(docs/background.md). On Dash it runs unchanged but for its imports; there the page polls the job once a second,
here every `set_progress` reaches the page at once over the event's open stream."""

import tempfile
import time

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html

STEPS = 20
# a cache folder of its own (not ./cache), so running the example leaves nothing in the current folder
manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp(prefix="propwire-demo-jobs-")))
app = Dash(__name__, background_callback_manager=manager, title="background progress")
app.layout = html.Div([
    html.P("Build a report of 20 steps, a tenth of a second each, in a process of its own."),
    html.Div([html.Button("Build the report", id="run"), html.Button("Cancel", id="cancel", disabled=True)]),
    html.Progress(id="bar", value="0", max=str(STEPS), style={"width": "100%", "height": "1.2rem", "marginTop": "1rem"}),
    html.P("not started", id="step"),
    html.H3(id="result"),
])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=[Output("bar", "value"), Output("step", "children")], cancel=Input("cancel", "n_clicks"),
          running=[(Output("run", "disabled"), True, False), (Output("cancel", "disabled"), False, True)])
def build_report(set_progress, n_clicks):
    for i in range(STEPS):
        time.sleep(0.1)
        set_progress((str(i + 1), f"step {i + 1} of {STEPS}"))
    return f"report {n_clicks} ready"


if __name__ == "__main__":
    app.run(debug=True)
