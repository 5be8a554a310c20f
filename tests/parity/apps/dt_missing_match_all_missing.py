"""dt_missing_all_inputs through MATCH ids: absent MATCH inputs skip the callback; a mixed reader runs."""
from ._shim import MATCH, Dash, Input, Output, State, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Div("Title", id={"i": 0, "id": "title"}), html.Button("click", id="btn"), html.Div(id="content"),
    html.Div("output1 init", id={"i": 0, "id": "out1"}), html.Div("output2 init", id={"i": 0, "id": "out2"}),
    html.Div("output3 init", id={"i": 0, "id": "out3"}),
])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    if not n:
        return "content init"
    return [html.Div("A", id={"i": 0, "id": "a"}), html.Div("B", id={"i": 0, "id": "b"}),
            html.Div("C", id={"i": 0, "id": "c"})]


@app.callback(Output({"i": MATCH, "id": "out1"}, "children"),
              [Input({"i": MATCH, "id": "a"}, "children"), Input({"i": MATCH, "id": "b"}, "children")],
              [State({"i": MATCH, "id": "c"}, "children"), State({"i": MATCH, "id": "title"}, "children")])
def out1(a, b, c, title):
    log("out1", a, b, c, title)
    return a + b


@app.callback(Output({"i": MATCH, "id": "out2"}, "children"), [Input({"i": MATCH, "id": "out1"}, "children")],
              [State({"i": MATCH, "id": "title"}, "children")])
def out2(o1, title):
    log("out2", o1, title)
    return o1 + " - 2 - " + title


@app.callback(Output({"i": MATCH, "id": "out3"}, "children"),
              [Input({"i": MATCH, "id": "out1"}, "children"), Input({"i": MATCH, "id": "title"}, "children")])
def out3(o1, title):
    log("out3", o1, title)
    return o1 + " - 3 - " + title


STEPS = [("click", "btn")]
