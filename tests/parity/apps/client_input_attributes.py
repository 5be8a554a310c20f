"""dcc.Input takes every standard input attribute Dash declares (spellCheck, autoComplete, inputMode, list,
multiple, pattern, ...) and the page renders them; a callback reads them back unchanged."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="full", type="email", value="a@b.c", placeholder="Your mail", spellCheck=False, autoComplete="email",
              inputMode="email", list="colours", multiple=True, pattern=".+@.+", name="mail", maxLength=40,
              minLength=3, size="30", readOnly=False, required=True, autoFocus=False, disabled=False),
    dcc.Input(id="number", type="number", value=3, min=0, max=10, step=0.5, placeholder=7),
    dcc.Input(id="plain"),
    html.Button("Read", id="read"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("read", "n_clicks"),
          State("full", "spellCheck"), State("full", "autoComplete"), State("full", "inputMode"),
          State("full", "list"), State("full", "multiple"), State("full", "pattern"), State("number", "placeholder"),
          prevent_initial_call=True)
def read(n, spell, auto, mode, lst, multiple, pattern, placeholder):
    log("read", n, spell, auto, mode, lst, multiple, pattern, placeholder)
    return f"{spell} {auto} {mode} {lst} {multiple} {pattern} {placeholder}"


STEPS = [
    ("click", "read"),
    ("type", "plain", "hello"),
]
