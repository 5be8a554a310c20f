"""A slow callback's output is removed from the page before it returns: the page keeps the new chapter."""
import time

from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([dcc.RadioItems(id="toc", options=[{"label": i, "value": i} for i in ["1", "2"]], value="1"),
                       html.Div(id="body")])


@app.callback(Output("body", "children"), Input("toc", "value"))
def update_body(chapter):
    log("update_body", chapter)
    if chapter == "1":
        return [html.Div("Chapter 1", id="ch1-title"), html.Button("slow button", id="button"),
                html.Div(id="button-output")]
    return "Chapter 2"


@app.callback(Output("button-output", "children"), Input("button", "n_clicks"))
def slow(n_clicks):
    log("slow", n_clicks)
    if not n_clicks:
        return "Initial Value"
    time.sleep(0.3)
    return "New value!"


STEPS = [("click", "button", {"wait": False}), ("select", "toc", "2"), ("select", "toc", "1")]
