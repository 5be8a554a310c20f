"""Call forms Dash accepts: a component's id as its second positional argument, dcc positional args,
prevent_initial_call as the last positional argument, dict groupings given positionally, State before Input."""
from ._shim import Dash, Input, Output, State, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Press", "btn"),
    dcc.Input("typed", "text", id="inp"),
    html.Div("nothing yet", "out"),
    html.Div(id="area"),
    html.Div(id="perimeter"),
    html.Div(id="mixed"),
])


@app.callback(Output("out", "children"), Input("btn", "n_clicks"), True)
def pressed(n):
    log("pressed", n)
    return f"pressed {n}"


@app.callback({"a": Output("area", "children"), "p": Output("perimeter", "children")},
              {"n": Input("btn", "n_clicks"), "text": State("inp", "value")})
def measure(n, text):
    log("measure", n, text, ctx.using_args_grouping, ctx.using_outputs_grouping)
    size = (n or 0) + 1
    return {"a": f"{text}: {size * size}", "p": f"{text}: {4 * size}"}


@app.callback(Output("mixed", "children"), State("inp", "value"), Input("btn", "n_clicks"))
def mixed(text, n):
    log("mixed", text, n)
    return f"{text} then {n}"


STEPS = [
    ("click", "btn"),
    ("type", "inp", "other"),
    ("click", "btn"),
]
