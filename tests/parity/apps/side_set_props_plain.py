"""set_props inside a plain (not background) server callback writes other callbacks' Inputs: they fire, with
the prop as triggered_id, and chain on; one reading both the set_props prop and the callback's Output runs
once, triggered by both (Dash: the response's sideUpdate and its outputs land in the same tick)."""
from ._shim import Dash, Input, Output, callback, ctx, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div("none", id="note"), html.Div(id="out"),
                       html.Div(id="echo"), html.Div(id="echo2"), html.Div(id="both")])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n_clicks):
    log("go", n_clicks)
    set_props("note", {"children": f"note {n_clicks}"})
    return f"out {n_clicks}"


@callback(Output("echo", "children"), Input("note", "children"), prevent_initial_call=True)
def echo(note):
    log("echo", note, ctx.triggered_id)
    return f"note says {note}"


@callback(Output("echo2", "children"), Input("echo", "children"), prevent_initial_call=True)
def echo2(text):
    log("echo2", text, ctx.triggered_id)
    return f"echo says {text}"


@callback(Output("both", "children"), Input("out", "children"), Input("note", "children"),
          prevent_initial_call=True)
def both(out, note):
    log("both", out, note, sorted(ctx.triggered_prop_ids))
    return f"{out} / {note}"


STEPS = [
    ("click", "go"),
    ("click", "go"),
]
