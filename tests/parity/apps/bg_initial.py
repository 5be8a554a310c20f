"""A background callback's initial call at page load, then a State it reads, through two progress Outputs."""
import tempfile

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, State, callback, dcc, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Button("Run", id="run"), html.Div(id="count"),
                       html.Div(id="label"), html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), State("name", "value"), background=True,
          progress=[Output("count", "children"), Output("label", "children")])
def greet(set_progress, n_clicks, name):
    log("greet", n_clicks, name)
    set_progress(("1", f"greeting {name}"))
    return f"hello {name} ({n_clicks})"


STEPS = [
    ("type", "name", "Grace"),
    ("click", "run"),
]
