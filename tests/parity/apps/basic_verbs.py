"""Every step verb on the component it drives: Dropdown (single, clear; multi: basic_dropdown_multi), RadioItems, Checklist, Textarea,
Slider, a number Input with Enter and blur, dcc.Link / navigate, reload; one callback shows them all."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Location(id="url"),
    dcc.Dropdown(["red", "green", "blue"], "red", id="single", placeholder="pick a colour"),
    dcc.RadioItems(["a", "b", "c"], "a", id="radio"),
    dcc.Checklist(["x", "y", "z"], ["x"], id="checks"),
    dcc.Textarea(id="notes", value="first"),
    dcc.Slider(0, 10, 1, value=2, id="level", marks={0: "low", 5: "mid", 10: "high"}),
    dcc.Input(id="count", type="number", value=1),
    dcc.Link("to page two", href="/two", id="link"),
    html.Div(id="summary"),
    html.Div(id="where"),
    html.Div(id="submitted"),
])


@callback(Output("summary", "children"),
          Input("single", "value"), Input("radio", "value"), Input("checks", "value"),
          Input("notes", "value"), Input("level", "value"))
def summary(single, radio, checks, notes, level):
    log("summary", single, radio, checks, notes, level)
    return f"single={single} radio={radio} checks={checks} notes={notes} level={level}"


@callback(Output("where", "children"), Input("url", "pathname"))
def where(pathname):
    log("where", pathname)
    return f"at {pathname}"


@callback(Output("submitted", "children"), Input("count", "n_submit"), Input("count", "n_blur"),
          State("count", "value"))
def submitted(n_submit, n_blur, value):
    # `or 0`: Dash starts both counts at None, propwire at 0 (basic_input_counts shows that divergence)
    log("submitted", n_submit or 0, n_blur or 0, value)
    return f"submit {n_submit or 0} blur {n_blur or 0} value {value}"


STEPS = [
    ("select", "single", "blue"),
    ("select", "single", None),
    ("select", "radio", "c"),
    ("check", "checks", "z"),
    ("check", "checks", "x"),
    ("type", "notes", "second"),
    ("slide", "level", 7),
    ("type", "count", "5", {"enter": True}),
    ("blur", "count"),
    ("click", "link"),
    ("navigate", "/three"),
    ("reload",),
]
