"""The page's first Mantine components come from a callback (the library's bundle loads then); ids inside their
node props (a Button's leftSection, a Slider's marks[].label) are outputs of another callback."""
import dash_mantine_components as dmc

from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("show", id="show"), html.Div(id="slot"), html.Button("bump", id="bump")])


@app.callback(Output("slot", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(n):
    log("show", n)
    return dmc.MantineProvider([
        dmc.Button("late", id="late", leftSection=html.Span("L0", id="late-section")),
        dmc.Slider(id="late-slider", value=10, marks=[{"value": 0, "label": html.I("M0", id="late-mark")}]),
    ])


@app.callback(Output("late-section", "children"), Output("late-mark", "children"), Input("bump", "n_clicks"),
              prevent_initial_call=True)
def bump(n):
    log("bump", n)
    return f"L{n}", f"M{n}"


STEPS = [
    ("click", "bump"),
    ("click", "show"),
    ("click", "bump"),
    ("click", "bump"),
]
