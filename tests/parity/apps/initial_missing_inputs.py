"""Missing inputs at load (as Dash's test_cbmi001): a callback whose Inputs are all absent does not run; one whose
only Input is its output does not either; one with another present Input runs once with the present value;
after the components appear every callback runs (issue 11 item 7)."""
from ._shim import Dash, Input, Output, State, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
    html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2"), html.Div("output3 init", id="out3"),
])


@callback(Output("content", "children"), Input("btn", "n_clicks"))
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b"), html.Div("C", id="c")] if n else "content init"


@callback(Output("out1", "children"), Input("a", "children"), Input("b", "children"),
          State("c", "children"), State("title", "children"))
def out1(a, b, c, title):
    log("out1", a, b, c, title)
    return a + b


@callback(Output("out2", "children"), Input("out1", "children"), State("title", "children"))
def out2(text, title):
    log("out2", text, title)
    return text + " - 2 - " + title


@callback(Output("out3", "children"), Input("out1", "children"), Input("title", "children"))
def out3(text, title):
    log("out3", text, title)
    return text + " - 3 - " + title


STEPS = [("click", "btn")]
