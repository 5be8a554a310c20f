"""A RadioItems swaps whole chapters (same shapes, other shapes, a plain string); each chapter's callbacks run on
arrival, with the chapter's own control values, and never for chapters not shown."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    dcc.RadioItems(options=[{"label": f"Chapter {i}", "value": f"chapter{i}"} for i in range(1, 5)],
                   value="chapter1", id="toc"),
    html.Div(id="body"),
])


def chapter(value):
    if value == "chapter1":
        return html.Div([html.H1("Chapter 1", id="chapter1-header"),
                         dcc.Dropdown(options=[{"label": i, "value": i} for i in ["NYC", "MTL", "SF"]], value="NYC",
                                      id="chapter1-controls"),
                         html.Label(id="chapter1-label"), html.Div(id="chapter1-graph")])
    if value == "chapter2":  # same order of component types as chapter 1
        return html.Div([html.H1("Chapter 2", id="chapter2-header"),
                         dcc.RadioItems(options=[{"label": i, "value": i} for i in ["USA", "Canada"]], value="USA",
                                        id="chapter2-controls"),
                         html.Label(id="chapter2-label"), html.Div(id="chapter2-graph")])
    if value == "chapter3":  # a different shape
        return [html.Div(html.Div([html.H3("Chapter 3", id="chapter3-header"), html.Label(id="chapter3-label"),
                                   html.Div(id="chapter3-graph"),
                                   dcc.RadioItems(options=[{"label": i, "value": i} for i in ["Summer", "Winter"]],
                                                  value="Winter", id="chapter3-controls")]))]
    return "Just a string"


@app.callback(Output("body", "children"), [Input("toc", "value")])
def display_chapter(value):
    log("display_chapter", value)
    return chapter(value)


def make(ch):
    @app.callback(Output(f"{ch}-graph", "children"), [Input(f"{ch}-controls", "value")])
    def graph(value):
        log(f"{ch}_graph", value)
        return f"graph of {value}"

    @app.callback(Output(f"{ch}-label", "children"), [Input(f"{ch}-controls", "value")])
    def label(value):
        log(f"{ch}_label", value)
        return value


for _ch in ["chapter1", "chapter2", "chapter3"]:
    make(_ch)

STEPS = [("select", "toc", "chapter2"), ("select", "chapter2-controls", "Canada"), ("select", "toc", "chapter3"),
         ("select", "chapter3-controls", "Summer"), ("select", "toc", "chapter4"), ("select", "toc", "chapter1"),
         ("select", "toc", "chapter2")]
