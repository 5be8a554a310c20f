"""Two set_props on the same component in one call (children, then title): both land; runs at load too."""
from ._shim import Dash, Input, Output, html, log, set_props

app = Dash()
app.layout = [html.Button("start", id="start"), html.Div("initial", id="output"), html.Div(id="title-echo")]


@app.callback(Input("start", "n_clicks"))
def on_click(n):
    log("on_click", n)
    set_props("output", {"children": f"changed {n}"})
    set_props("output", {"title": f"title {n}"})


@app.callback(Output("title-echo", "children"), Input("output", "title"))
def echo(title):
    log("echo", title)
    return f"title is {title}"


STEPS = [("click", "start"), ("click", "start")]
