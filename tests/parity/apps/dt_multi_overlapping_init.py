"""Four callbacks each read two of five neighbouring divs (overlapping inputs): each runs once at load."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div(f"input-{i}", id=f"input-{i}") for i in range(1, 6)]
                      + [html.Div(id=f"output-{i}") for i in range(1, 5)])


def make(i):
    @app.callback(Output(f"output-{i}", "children"), Input(f"input-{i}", "children"), Input(f"input-{i + 1}", "children"))
    def cb(a, b):
        log(f"output_{i}", a, b)
        return f"{a}, {b}"


for _i in range(1, 5):
    make(_i)

STEPS = []
