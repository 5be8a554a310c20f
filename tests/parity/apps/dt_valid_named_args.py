"""output=/inputs=/state= keywords and positional forms of callback arguments behave alike."""
from ._shim import Dash, Input, Output, State, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("Hi", id="in"), html.Div("gh", id="state")] + [html.Div(id=f"out{i}") for i in range(1, 5)])


@app.callback(output=Output("out1", "children"), inputs=Input("in", "children"), state=State("state", "children"))
def o1(i, s):
    log("o1", i, s)
    return "1: " + i + s


@app.callback(output=[Output("out2", "children")], inputs=[Input("in", "children")], state=[State("state", "children")])
def o2(i, s):
    log("o2", i, s)
    return ("2: " + i + s,)


@app.callback(Output("out3", "children"), inputs=Input("in", "children"), state=State("state", "children"))
def o3(i, s):
    log("o3", i, s)
    return "3: " + i + s


@app.callback([Output("out4", "children")], [Input("in", "children")], [State("state", "children")])
def o4(i, s):
    log("o4", i, s)
    return ("4: " + i + s,)


STEPS = []
